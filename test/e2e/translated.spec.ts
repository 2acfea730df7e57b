import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  completionChunk,
  errorResponse,
  htmlErrorResponse,
  textToTokens,
  tokensScript,
  startFakeRelay,
  startSilentServer,
  type FakeRelay,
} from '../fixtures/fake-relay';
import { en } from '../../src/renderer/src/i18n/resources';
import vi from '../../src/renderer/src/i18n/vi/catalog';
import zhCN from '../../src/renderer/src/i18n/zh-CN/catalog';
import { expect, test } from './fixtures';
import { startHarnessProcess } from './harnessProcess';
import { expectLayoutHolds, expectNoEnglish } from './translatedScreens';

const resources = { en, vi, 'zh-CN': zhCN };

const SK_KEY = 'sk-proj-e2e-0123456789abcdef';
const NUMBERS = Array.from({ length: 60 }, (_, i) => String(i + 1)).join(' ');

for (const lang of ['vi', 'zh-CN'] as const) {
  const L = resources[lang];

  test(`in ${lang}, every error, finding and notice is translated and fits at 900 px`, async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    // No key check: the relay answers exactly what each step scripts (the 401 included).
    const relay = await startFakeRelay();
    const silent = await startSilentServer();
    // A damaged settings file and history file, and keys kept in memory: all three notices.
    const dataDir = mkdtempSync(join(tmpdir(), 'fleece-e2e-i18n-'));
    writeFileSync(join(dataDir, 'settings.json'), '{"version": 1, "profiles": [ {"id": "p1", "na');
    writeFileSync(join(dataDir, 'history.sqlite'), 'not a database at all '.repeat(400));
    const harness = await startHarnessProcess({ secrets: 'memory', dataDir });
    const context = await browser.newContext({
      viewport: { width: 900, height: 760 },
      locale: lang,
    });
    const page = await context.newPage();
    const browserErrors: string[] = [];
    page.on('pageerror', (e) => browserErrors.push(e.message));
    const check = async (screen: string): Promise<void> => {
      await expectNoEnglish(page, lang, screen);
      await expectLayoutHolds(page, screen);
    };
    try {
      await page.goto(harness.url);
      // One notice area shows one notice at a time, with a pager: read all three through it.
      const notices = page.getByTestId('notice');
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        await expect(notices).toHaveCount(1);
        seen.push((await notices.textContent()) ?? '');
        await check(`start-up notice ${i + 1} and onboarding`);
        if (i < 2) await page.getByRole('button', { name: L.common.notices.next }).click();
      }
      expect(seen.filter((t) => t.includes(L.codes.keychain_unavailable))).toHaveLength(1);
      const settingsText = L.codes.settings_not_json.split(';')[0] ?? '';
      expect(seen.filter((t) => t.includes(settingsText))).toHaveLength(1);
      const historyText = L.codes.history_recovered.slice(0, 20);
      expect(seen.filter((t) => t.includes(historyText))).toHaveLength(1);

      // An OpenAI key on a HolySheep profile: the warning, then the relay's 401.
      await page.getByLabel(L.onboarding.provider).selectOption('holysheep');
      await page.getByLabel(L.onboarding.baseUrl).fill(relay.baseUrl);
      await page.getByLabel(L.onboarding.apiKey).fill(SK_KEY);
      await page.getByLabel(L.onboarding.model).fill('deepseek-chat');
      await page.getByRole('button', { name: L.onboarding.save, exact: true }).click();
      await expect(page.getByTestId('toast')).toContainText(L.codes.key_looks_like_openai);
      await check('the sk- key warning');
      while ((await notices.count()) > 0)
        await notices.first().getByRole('button', { name: L.common.dismiss, exact: true }).click();
      await page.getByTestId('toast').getByRole('button').click();

      await failTurn(page, relay, 'auth', [errorResponse(401, 'Invalid API key')]);
      await check('401');
      await failTurn(page, relay, 'model_not_found', [
        errorResponse(404, 'The model `deepseek-chat` does not exist', { code: 'model_not_found' }),
      ]);
      await check('unknown model');
      await failTurn(page, relay, 'rate_limited', [
        errorResponse(429, 'Rate limit reached', { headers: { 'retry-after': '120' } }),
      ]);
      await expect(page.getByTestId('error-card').last().getByRole('button')).toBeDisabled();
      await check('429 with Retry-After');
      const html502 = htmlErrorResponse(502, 'Bad Gateway');
      await failTurn(page, relay, 'server', [html502, html502, html502]);
      await check('502 HTML page');
      await failTurn(page, relay, 'interrupted', [
        // The pause lets the text arrive first: a cut before any text is retried, not reported.
        {
          type: 'stream',
          steps: [
            { data: completionChunk({ content: 'Half an answer' }) },
            { delayMs: 300 },
            'cut',
          ],
        },
      ]);
      await check('stream cut');

      // Short timeouts, then Test connection against a good and a bad relay.
      await page.getByRole('button', { name: L.common.sidebar.settings, exact: true }).click();
      await check('settings');
      await page.getByText(L.settings.profile.advanced).click();
      await page.getByLabel(L.settings.profile.connectTimeout).fill('1');
      await page.getByLabel(L.settings.profile.idleTimeout).fill('1');
      await page.getByRole('button', { name: L.settings.profile.save, exact: true }).click();
      await expect(page.getByText(L.settings.profile.saved)).toBeVisible();
      relay.enqueueModels({
        type: 'response',
        status: 200,
        body: { object: 'list', data: [{ id: 'deepseek-chat' }, { id: 'deepseek-reasoner' }] },
      });
      // The answer the probe asks for (60 numbers, some 14 KB): large enough that a busy machine
      // reading it late cannot pass for a buffering proxy.
      relay.enqueue(tokensScript(textToTokens(NUMBERS), { delayMs: 20 }));
      await page.getByRole('button', { name: L.settings.probe.button, exact: true }).click();
      const result = page.getByTestId('probe-result');
      await expect(result.locator('li[data-status="ok"]')).toHaveCount(5);
      await check('Test connection, good relay');
      relay.enqueueModels(errorResponse(401, 'Invalid API key'));
      await page.getByRole('button', { name: L.settings.probe.button, exact: true }).click();
      await expect(result.locator('li[data-status="fail"]')).toHaveCount(1);
      await check('Test connection, bad relay');

      await page.getByRole('button', { name: L.common.sidebar.newChat, exact: true }).click();
      // A relay that takes the request and then hangs is "slow to start" (never resent), so the
      // offline case is a relay that drops every connection.
      await failTurn(page, relay, 'network', [
        { type: 'reset' },
        { type: 'reset' },
        { type: 'reset' },
      ]);
      await check('connection dropped');
      // Offline now: sending waits until the relay answers again.
      await page.getByTestId('offline-banner').getByRole('button').click();
      await expect(page.getByTestId('offline-banner')).toHaveCount(0);
      await failTurn(page, relay, 'timeout_idle', [
        { type: 'stream', steps: [{ data: completionChunk({ content: 'Started' }) }, 'hang'] },
      ]);
      await check('idle timeout');

      // A relay whose TLS handshake never finishes: the 1 s connect timeout, on every attempt.
      await page.getByRole('button', { name: L.common.sidebar.settings, exact: true }).click();
      await page.getByLabel(L.settings.profile.baseUrl).fill(silent.httpsBaseUrl);
      // Another server: the stored key is dropped, so give it one (never sent: no handshake).
      await page.getByLabel(L.settings.profile.apiKey).fill('hsa-e2e-0123456789abcdef');
      await page.getByRole('button', { name: L.settings.profile.save, exact: true }).click();
      // The check on save cannot reach it either: it says so at the field, and saving is on purpose.
      await page.getByRole('button', { name: L.settings.check.saveAnyway, exact: true }).click();
      await check('check on save, unreachable');
      await expect(page.getByText(L.settings.profile.saved)).toBeVisible();
      // The new key refreshes the model list, which doubles as the reachability check: the 1 s
      // connect timeout on it says the relay is out of reach, in the banner, and sending waits.
      await page.getByRole('button', { name: L.common.sidebar.newChat, exact: true }).click();
      const banner = page.getByTestId('offline-banner');
      await expect(banner).toContainText(
        L.codes.relay_connect_timeout.replace('{{seconds}}', '1'),
        { timeout: 30_000 },
      );
      expect(silent.connections).toBeGreaterThan(0);
      await page
        .getByRole('textbox', { name: L.chat.composer.label })
        .fill('Trigger timeout_connect');
      await expect(
        page.getByRole('button', { name: L.chat.composer.send, exact: true }),
      ).toBeDisabled();
      await check('connect timeout');

      // Grouped search results with the kind of each match, then the trash and its confirm.
      await page.getByRole('searchbox', { name: L.common.sidebar.search }).fill('Half');
      await expect(page.getByTestId('search-result-kind').first()).toBeVisible();
      await check('search results');
      await page.getByRole('searchbox', { name: L.common.sidebar.search }).fill('');
      await page.getByTestId('conversation').first().getByRole('button').last().click();
      await page.getByRole('menuitem', { name: L.common.sidebar.delete }).click();
      await page.getByRole('button', { name: L.common.sidebar.trash, exact: true }).click();
      await expect(page.getByTestId('trash-item')).toHaveCount(1);
      await check('trash');
      await page.getByRole('button', { name: L.common.trash.empty }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await check('empty the trash?');
      expect(browserErrors).toEqual([]);
    } finally {
      await context.close();
      await harness.stop();
      await relay.close();
      await silent.close();
    }
  });
}

/** Sends a message while the relay answers with `scripts`; waits for the failed answer's card. */
async function failTurn(
  page: Page,
  relay: FakeRelay,
  kind: string,
  scripts: Parameters<FakeRelay['enqueue']>,
): Promise<void> {
  relay.reset();
  relay.enqueue(...scripts);
  const box = page.locator('textarea').first();
  await box.fill(`Trigger ${kind}`);
  await box.press('Enter');
  const card = page
    .locator('[data-testid="message"][data-role="assistant"]')
    .last()
    .getByTestId('error-card');
  await expect(card).toHaveAttribute('data-kind', kind, { timeout: 30_000 });
}
