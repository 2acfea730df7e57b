/**
 * Takes the screenshots in docs/ through the harness (same renderer and services as the app):
 * the chat, search, trash, settings and usage screens in light and dark, English, Vietnamese, Chinese,
 * at 1280×800 and at the smallest supported window, 900×600 (files ending in -900).
 * Run with `npm run screenshots` after `npm run build`.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromiumLaunchOptions } from '../test/fixtures/chromium';
import { chromium, type Page } from '@playwright/test';
import {
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../test/fixtures/fake-relay';
import { startHarnessProcess } from '../test/e2e/harnessProcess';

const KEY = 'hsa-docs-0123456789abcdef3f9a';
const out = resolve(import.meta.dirname, '../docs');

const ANSWERS: Record<string, { question: string; answer: string; reasoning?: string[] }> = {
  en: {
    question:
      'How much would 10M output tokens a month cost on GPT-4.1 vs DeepSeek through the relay?',
    reasoning: ['GPT-4.1 output is $8.00 per million; ', 'DeepSeek V3.2 is $0.42 per million.'],
    answer: [
      'At **10 million output tokens** a month:',
      '',
      '| Model | $ / M output | Monthly |',
      '| --- | ---: | ---: |',
      '| GPT-4.1 | 8.00 | **$80.00** |',
      '| DeepSeek V3.2 (relay) | 0.42 | **$4.20** |',
      '',
      'A quick check in code:',
      '',
      '```ts',
      'const monthly = (tokens: number, perMillion: number) => (tokens / 1e6) * perMillion;',
      'monthly(10_000_000, 8.0); // 80',
      'monthly(10_000_000, 0.42); // 4.2',
      '```',
      '',
      'That is a saving of $$1 - \\frac{4.20}{80} \\approx 94.75\\%$$',
    ].join('\n'),
  },
  vi: {
    question: 'Dùng relay thì tiết kiệm được bao nhiêu so với gọi API trực tiếp?',
    answer: [
      'Với **1000 người dùng mỗi ngày × 50 tin nhắn**:',
      '',
      '| Cách gọi | Chi phí / tháng |',
      '| --- | ---: |',
      '| API trực tiếp | ≈ $450 |',
      '| Qua relay HolySheep | ≈ $24 |',
      '',
      'Tức là tiết kiệm khoảng **95 %** chi phí, mà độ trễ token đầu tiên vẫn dưới 50 ms.',
    ].join('\n'),
  },
  'zh-CN': {
    question: '中转站的首 token 延迟大概是多少？',
    answer: [
      '根据测试数据：',
      '',
      '- 直连官方 API：平均 **350–1200 ms**',
      '- 通过中转站（DeepSeek）：**< 50 ms**',
      '',
      '```python',
      'import httpx',
      'r = httpx.get("https://api.holysheep.ai/v1/models", headers={"Authorization": f"Bearer {key}"})',
      'print(len(r.json()["data"]), "个模型可用")',
      '```',
    ].join('\n'),
  },
};

async function setUp(page: Page, relay: FakeRelay): Promise<void> {
  await page.getByLabel(/Provider|Nhà cung cấp|服务商/).selectOption('custom');
  await page.locator('input').nth(1).fill(relay.baseUrl);
  await page.locator('input[type="password"]').fill(KEY);
  await page.locator('input').nth(3).fill('deepseek-chat');
  await page.locator('button[type="submit"]').click();
  await page.locator('textarea').first().waitFor();
}

async function chat(page: Page, relay: FakeRelay, lang: string): Promise<void> {
  const a = ANSWERS[lang];
  if (!a) return;
  relay.enqueue(
    tokensScript(textToTokens(a.answer), {
      ...(a.reasoning ? { reasoning: a.reasoning } : {}),
      // A realistic pace, so the footer shows realistic speed and the reasoning a duration.
      delayMs: 12,
      usage: { prompt_tokens: 42, completion_tokens: 180 },
    }),
  );
  await page.locator('textarea').first().fill(a.question);
  await page.keyboard.press('Enter');
  await page
    .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
    .last()
    .waitFor();
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const relay = await startFakeRelay({ apiKey: KEY });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const lang of ['en', 'vi', 'zh-CN'] as const) {
      const harness = await startHarnessProcess({ secrets: 'memory' });
      try {
        for (const theme of ['light', 'dark'] as const) {
          const context = await browser.newContext({
            viewport: { width: 1280, height: 800 },
            locale: lang,
            colorScheme: theme,
          });
          const page = await context.newPage();
          const shot = (name: string, small = false): Promise<Buffer> =>
            page.screenshot({
              path: resolve(out, `screenshot-${name}-${lang}-${theme}${small ? '-900' : ''}.png`),
            });
          await page.goto(harness.url);
          await page.locator('main').waitFor();
          // The harness keeps keys in memory and says so; the app on a desktop does not show that.
          while ((await page.getByTestId('notice').count()) > 0)
            await page.getByTestId('notice').getByRole('button').last().click();
          if (theme === 'light') {
            await page.locator('main').waitFor();
            await shot('onboarding');
            // Check on save: a base URL without /v1 is caught, with the fix one click away.
            await page.getByLabel(/Provider|Nhà cung cấp|服务商/).selectOption('custom');
            await page.locator('input').nth(1).fill(relay.origin);
            await page.locator('input[type="password"]').fill('hsa-wrong-key-0000000000');
            await page.locator('button[type="submit"]').click();
            await page.locator('.field-problem button').waitFor();
            await shot('onboarding-check');
            await setUp(page, relay);
            await page.waitForTimeout(200);
            await shot('empty');
            await chat(page, relay, lang);
            if (lang === 'en') {
              relay.enqueue(
                tokensScript(
                  textToTokens('Relays bill in CNY at ¥1 = $1, with WeChat and Alipay.'),
                  { usage: { prompt_tokens: 30, completion_tokens: 16 } },
                ),
              );
              await page.locator('textarea').first().fill('How does billing work?');
              await page.keyboard.press('Enter');
              await page
                .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
                .nth(1)
                .waitFor();
            }
          } else {
            await page.locator('[data-testid="conversation"] button').first().click();
            await page.locator('[data-testid="message"]').last().waitFor();
          }
          await page.waitForTimeout(300);
          await shot('chat');
          const search = page.locator('input[type="search"]');
          await search.fill(lang === 'vi' ? 'tiet kiem' : lang === 'zh-CN' ? '中转' : 'DeepSeek');
          await page.locator('[data-testid="search-result"]').first().waitFor();
          await shot('search');
          // The opened answer with the searched words highlighted.
          const answerHit = page.locator('[data-testid="search-result"][data-kind="answer"]');
          if ((await answerHit.count()) > 0) {
            await answerHit.first().click();
            await page.locator('.message-row-focus').waitFor();
            await page.waitForTimeout(400);
            await shot('search-open');
          }
          await search.fill('');
          await page.locator('.sidebar-footer button').nth(2).click();
          await page.waitForTimeout(300);
          await shot('settings');
          if (theme === 'light') {
            await page.locator('.settings-actions button').first().click();
            await page.getByRole('dialog').waitFor();
            await page.waitForTimeout(200);
            await shot('settings-add-profile');
            await page.keyboard.press('Escape');
            await page.getByRole('dialog').waitFor({ state: 'detached' });
          }
          await page.getByRole('tab').nth(2).click();
          await page.getByTestId('price-table').waitFor();
          await shot('settings-prices');
          await page.getByRole('tab').nth(0).click();
          await page.locator('.sidebar-footer button').nth(1).click();
          await page.waitForTimeout(800);
          await shot('usage');

          // The trash, with the conversation deleted for the picture and restored after.
          await page
            .locator('[data-testid="conversation"] .conversation-menu-button')
            .first()
            .click();
          await page.getByRole('menuitem').last().click();
          await page.locator('.sidebar-footer button').nth(0).click();
          await page.locator('[data-testid="trash-item"]').first().waitFor();
          await page.mouse.move(0, 0);
          await page.waitForTimeout(300);
          await shot('trash');

          // The smallest supported window.
          await page.setViewportSize({ width: 900, height: 600 });
          await page.waitForTimeout(300);
          await shot('trash', true);
          await page.locator('[data-testid="trash-item"] button').first().click();
          await page.locator('[data-testid="trash-item"]').waitFor({ state: 'detached' });
          await page.locator('[data-testid="conversation"] button').first().click();
          await page.locator('[data-testid="message"]').last().waitFor();
          await page.waitForTimeout(300);
          await shot('chat', true);
          await page.keyboard.press('Control+b');
          await page.getByTestId('sidebar').and(page.locator('[data-collapsed="true"]')).waitFor();
          await page.mouse.move(0, 0);
          await page.waitForTimeout(300);
          await shot('sidebar-collapsed', true);
          await page.keyboard.press('Control+b');
          await page.keyboard.press('Control+/');
          await page.getByRole('dialog').waitFor();
          await page.waitForTimeout(200);
          await shot('shortcuts', true);
          await page.keyboard.press('Escape');
          await page.getByRole('dialog').waitFor({ state: 'detached' });
          await page.locator('.sidebar-footer button').nth(2).click();
          await page.getByRole('tab').nth(0).click();
          await page.waitForTimeout(300);
          await shot('settings', true);
          await page.getByRole('tab').nth(5).click();
          await page.waitForTimeout(200);
          await shot('settings-about', true);
          await context.close();
        }
      } finally {
        await harness.stop();
      }
    }
  } finally {
    await browser.close();
    await relay.close();
  }
  console.log(`screenshots written to ${out}`);
}

await main();
