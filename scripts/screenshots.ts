/**
 * Takes the screenshots in docs/ through the harness (same renderer and services as the app):
 * every screen — first run and its check on save, the empty chat, a conversation (table, code,
 * math), a streaming answer, the model picker, an error card, the 429 countdown, search, every
 * Settings tab, the profile dialogs, usage, trash, the collapsed sidebar and the shortcuts sheet —
 * in light and dark, English, Vietnamese and Chinese, at 1280×800 and at the smallest supported
 * window, 900×600 (files ending in -900). Also the model picker in compare mode, three models
 * answering one question side by side, and the Compare tab of the Usage page.
 *
 * Run with `npm run screenshots` (it needs gnome-keyring, like the e2e specs). `SCREENSHOTS_DIR=some/folder` writes elsewhere (while iterating);
 * `SCREENSHOTS_LANGS=en,vi` and `SCREENSHOTS_THEMES=dark` narrow the run, `SCREENSHOTS_ONLY=compare`
 * takes only the screens named (every step still runs). Every language and theme
 * gets a fresh harness and walks the same steps, so the set is the same on every run.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumLaunchOptions } from '../test/fixtures/chromium';
import { chromium, type Browser } from '@playwright/test';
import {
  errorResponse,
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../test/fixtures/fake-relay';
import { startHarnessProcess } from '../test/e2e/harnessProcess';
import { en } from '../src/renderer/src/i18n/resources';
import vi from '../src/renderer/src/i18n/vi/catalog';
import zhCN from '../src/renderer/src/i18n/zh-CN/catalog';

const KEY = 'hsa-docs-0123456789abcdef3f9a';
const out = resolve(process.env['SCREENSHOTS_DIR'] ?? resolve(import.meta.dirname, '../docs'));
const LANGS = ['en', 'vi', 'zh-CN'] as const;
const THEMES = ['light', 'dark'] as const;
type Lang = (typeof LANGS)[number];
const CATALOGUES = { en, vi, 'zh-CN': zhCN };
const WIDE = { width: 1280, height: 800 };
const SMALL = { width: 900, height: 600 };
/** Settings tabs: the picture's name and the tab's key in the catalogue (found by its label). */
const TABS = [
  ['general', 'general'],
  ['profiles', 'profiles'],
  ['prices', 'models'],
  ['prompts', 'prompts'],
  ['network', 'network'],
  ['data', 'data'],
  ['shortcuts', 'shortcuts'],
  ['about', 'about'],
] as const;
/** A local server as a second profile, so the picker shows two groups with what is known. */
/** The models of the comparison screen: two of the relay's and one local. */
const COMPARED = ['deepseek-chat', 'gpt-4o', 'qwen3:8b'];
const LOCAL_MODELS = ['qwen3:8b', 'llama3.2-vision:11b', 'deepseek-r1:14b', 'gemma3:12b'];
/** Fixed ports, so the base URLs on screen are the same on every run. */
const RELAY_PORT = 18317;
/** The same data folder on every run (Settings → Data shows it), where Linux keeps it. */
const DATA_DIR = join(tmpdir(), 'fleece-docs', '.config', 'Fleece');
const LOCAL_PORT = 18434;
/** `SCREENSHOTS_ONLY=compare,compare-table` takes these screens only (every step still runs). */
const ONLY = process.env['SCREENSHOTS_ONLY']?.split(',').map((x) => x.trim());

interface Script {
  question: string;
  answer: string;
  /** What the model thought first: streamed before the answer, so it shows a real duration. */
  reasoning: string;
  /** A long answer shown while it streams. */
  streamQuestion: string;
  stream: string;
  search: string;
  followUp?: { question: string; answer: string };
  /** One question to three models at once: each model's answer. */
  compareQuestion: string;
  compareAnswers: [string, string, string];
}

const SCRIPTS: Record<Lang, Script> = {
  en: {
    question:
      'How much would 10M output tokens a month cost on GPT-4.1 vs DeepSeek through the relay?',
    reasoning:
      'GPT-4.1 output is $8.00 per million tokens and DeepSeek V3.2 through the relay is $0.42 per million. Ten million tokens is ten times the per-million price: $80 against $4.20. The user may also want the ratio, so give the saving as a percentage and show the arithmetic in code.',
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
    followUp: {
      question: 'How does billing work?',
      answer: 'Relays bill in CNY at ¥1 = $1, with WeChat and Alipay.',
    },
    streamQuestion: 'Explain streaming with server-sent events in a few paragraphs.',
    stream: [
      'Server-sent events keep one HTTP response open and write the answer as it is generated.',
      'Each event is a line that starts with `data:` followed by a JSON chunk, and a blank line ends it.',
      '',
      '1. The client sends the request with `stream: true`.',
      '2. The relay forwards every chunk the model writes, as soon as it is written.',
      '3. The last event is `data: [DONE]`, after a chunk with the token usage.',
      '',
      'A proxy that buffers the response breaks this: the text then arrives in blocks.',
    ].join('\n'),
    search: 'DeepSeek',
    compareQuestion: 'In one short paragraph: when should I stream an answer?',
    compareAnswers: [
      'Stream whenever a person is **waiting to read**: the first words arrive in well under a second, and the answer can be stopped as soon as it goes wrong.',
      'Streaming pays off for long answers. For short, machine-read results (JSON, a label), one complete response is simpler to parse and to retry.',
      'Almost always in a chat. Keep a non-streamed request for batch jobs, where latency does not matter and a retry is cheaper.',
    ],
  },
  vi: {
    question: 'Dùng relay thì tiết kiệm được bao nhiêu so với gọi API trực tiếp?',
    reasoning:
      'Mỗi ngày 1000 người dùng gửi 50 tin nhắn, tức 50 000 tin nhắn, mỗi tin khoảng 300 token đầu ra. Một tháng là khoảng 450 triệu token. So sánh giá gọi trực tiếp với giá qua relay rồi tính phần trăm tiết kiệm.',
    answer: [
      'Với **1000 người dùng mỗi ngày × 50 tin nhắn**:',
      '',
      '| Cách gọi | Chi phí / tháng |',
      '| --- | ---: |',
      '| API trực tiếp | ≈ $450 |',
      '| Qua relay HolySheep | ≈ $24 |',
      '',
      'Tính nhanh bằng Python:',
      '',
      '```python',
      'truc_tiep, relay = 450, 24',
      'print(f"Tiết kiệm {1 - relay / truc_tiep:.0%}")  # Tiết kiệm 95%',
      '```',
      '',
      'Tức là tiết kiệm $$1 - \\frac{24}{450} \\approx 94{,}7\\%$$ chi phí, mà token đầu tiên vẫn đến sau chưa tới 0,2 giây.',
    ].join('\n'),
    streamQuestion: 'Giải thích ngắn gọn cách truyền luồng (streaming) hoạt động.',
    stream: [
      'Khi bật `stream: true`, relay giữ kết nối HTTP mở và gửi từng phần câu trả lời ngay khi mô hình viết ra.',
      'Mỗi sự kiện là một dòng bắt đầu bằng `data:` kèm một đoạn JSON.',
      '',
      '1. Ứng dụng gửi yêu cầu và chờ phản hồi đầu tiên.',
      '2. Chữ hiện ra từng từ, không phải đợi cả câu trả lời.',
      '3. Sự kiện cuối cùng là `data: [DONE]`, kèm số token đã dùng.',
      '',
      'Nếu có proxy gom dữ liệu ở giữa, chữ sẽ hiện ra từng đợt thay vì từng từ.',
    ].join('\n'),
    search: 'tiet kiem',
    compareQuestion: 'Trả lời ngắn gọn: khi nào nên truyền luồng câu trả lời?',
    compareAnswers: [
      'Nên truyền luồng khi **có người đang chờ đọc**: chữ đầu tiên hiện ra chưa tới một giây và có thể dừng ngay khi câu trả lời đi sai hướng.',
      'Truyền luồng có lợi với câu trả lời dài. Với kết quả ngắn cho máy đọc (JSON, nhãn), một phản hồi trọn vẹn dễ xử lý và thử lại hơn.',
      'Trong trò chuyện thì gần như luôn nên. Hãy để yêu cầu không truyền luồng cho các tác vụ hàng loạt, nơi độ trễ không quan trọng.',
    ],
  },
  'zh-CN': {
    question: '中转站的首 token 延迟大概是多少？',
    reasoning:
      '先看直连官方 API 的首 token 延迟，一般在 350 到 1200 毫秒之间；再看经过中转站的延迟，测试中大约 100 毫秒。用表格对比，再给出一段查询模型列表的代码。',
    answer: [
      '根据测试数据：',
      '',
      '| 线路 | 首 token 延迟 |',
      '| --- | ---: |',
      '| 直连官方 API | 350–1200 ms |',
      '| 通过中转站（DeepSeek） | **≈ 100 ms** |',
      '',
      '```python',
      'import httpx',
      'r = httpx.get("https://api.holysheep.ai/v1/models", headers={"Authorization": f"Bearer {key}"})',
      'print(len(r.json()["data"]), "个模型可用")',
      '```',
      '',
      '按最好情况算也快了约 $$\\frac{350}{100} = 3.5$$ 倍。',
    ].join('\n'),
    streamQuestion: '简单解释一下流式输出是怎么工作的。',
    stream: [
      '开启 `stream: true` 后，中转站会保持 HTTP 连接，模型每写出一段就立刻转发。',
      '每个事件是一行以 `data:` 开头的 JSON 数据。',
      '',
      '1. 客户端发出请求，等待第一个数据块。',
      '2. 文字逐字出现，不必等整段回答生成完。',
      '3. 最后一个事件是 `data: [DONE]`，之前会附上用量统计。',
      '',
      '如果中间有代理缓冲了数据，文字就会一阵一阵地出现。',
    ].join('\n'),
    search: '中转',
    compareQuestion: '简短回答：什么时候应该用流式输出？',
    compareAnswers: [
      '只要**有人在等着看**，就用流式输出：第一个字不到一秒就出现，回答跑偏时也能立刻停止。',
      '回答越长，流式输出越划算。对于给程序读取的短结果（JSON、标签），一次性返回更容易解析和重试。',
      '在聊天里几乎总是应该用。批量任务不在乎延迟，用非流式请求更简单，重试也更省。',
    ],
  },
};

function pick<T extends string>(all: readonly T[], env: string | undefined): T[] {
  if (!env) return [...all];
  const wanted = env.split(',').map((s) => s.trim());
  return all.filter((x) => wanted.includes(x));
}

async function session(
  lang: Lang,
  theme: 'light' | 'dark',
  relay: FakeRelay,
  local: FakeRelay,
  browser: Browser,
): Promise<void> {
  const L = CATALOGUES[lang];
  const S = SCRIPTS[lang];
  // The real keychain (the script runs under scripts/with-keyring.sh), as on a desktop.
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  // The data folder sits in a home of its own, so Settings shows it as a user sees theirs
  // (`~/.config/Fleece`).
  const harness = await startHarnessProcess({
    secrets: 'keychain',
    dataDir: DATA_DIR,
    env: { HOME: join(tmpdir(), 'fleece-docs') },
  });
  // Reduced motion: the live dots hold still at their resting look, the same in every picture.
  const context = await browser.newContext({
    viewport: WIDE,
    locale: lang,
    colorScheme: theme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  relay.reset();
  local.reset();
  let count = 0;

  /** The picture at one size: nothing hovered, animations at rest. */
  const take = async (name: string, small: boolean): Promise<void> => {
    if (ONLY && !ONLY.includes(name)) return;
    const size = small ? SMALL : WIDE;
    // Off to the side of the sidebar's list, where nothing reacts to a pointer.
    await page.mouse.move(0, Math.round(size.height * 0.6));
    await page.waitForTimeout(250);
    await page.screenshot({
      path: resolve(out, `screenshot-${name}-${lang}-${theme}${small ? '-900' : ''}.png`),
      animations: 'disabled',
    });
    count++;
  };
  /** The same screen at 1280×800, then at 900×600, leaving the window wide again. */
  const shot = async (name: string): Promise<void> => {
    await take(name, false);
    await page.setViewportSize(SMALL);
    await take(name, true);
    await page.setViewportSize(WIDE);
    await page.waitForTimeout(100);
  };
  const sidebarButton = (label: string) =>
    page.getByTestId('sidebar').getByRole('button', { name: label, exact: true });
  const newChat = () => sidebarButton(L.common.sidebar.newChat).click();
  const openSettings = () => sidebarButton(L.common.sidebar.settings).click();
  const openConversation = async (title: string): Promise<void> => {
    await page.getByTestId('conversation').filter({ hasText: title }).first().click();
    await page.locator('[data-testid="message"]').last().waitFor();
  };
  const ask = async (question: string): Promise<void> => {
    await page.getByRole('textbox', { name: L.chat.composer.label }).fill(question);
    await page.keyboard.press('Enter');
  };
  const lastAnswer = page.locator('[data-testid="message"][data-role="assistant"]').last();

  try {
    await page.goto(harness.url);
    await page.locator('main').waitFor();

    // First run, then check on save: a base URL without /v1 and a wrong key, caught at the fields.
    await shot('onboarding');
    await page.getByLabel(L.onboarding.provider).selectOption('custom');
    await page.getByLabel(L.onboarding.baseUrl).fill(relay.origin);
    await page.getByLabel(L.onboarding.apiKey).fill('hsa-wrong-key-0000000000');
    await page.getByLabel(L.onboarding.model).fill('deepseek-chat');
    await page.getByRole('button', { name: L.onboarding.save, exact: true }).click();
    await page.locator('[data-kind="missing_v1"] button').waitFor();
    await shot('onboarding-check');
    await page.getByLabel(L.onboarding.baseUrl).fill(relay.baseUrl);
    await page.getByLabel(L.onboarding.apiKey).fill(KEY);
    await page.getByRole('button', { name: L.onboarding.save, exact: true }).click();
    await page.getByRole('textbox', { name: L.chat.composer.label }).waitFor();
    const created = await page.evaluate(
      ([name, baseUrl]) =>
        (
          window as unknown as {
            fleece: { invoke: (route: string, input: unknown) => Promise<{ ok: boolean }> };
          }
        ).fleece.invoke('profiles.create', {
          preset: 'custom',
          name,
          baseUrl,
          requiresKey: false,
        }),
      ['Ollama', local.baseUrl] as const,
    );
    if (!created.ok) throw new Error('could not add the local profile');
    await shot('empty');

    // A conversation with reasoning, a table, code and math, at a realistic pace.
    relay.enqueue(
      tokensScript(textToTokens(S.answer), {
        reasoning: textToTokens(S.reasoning),
        delayMs: 12,
        usage: { prompt_tokens: 42, completion_tokens: 180 },
      }),
    );
    await ask(S.question);
    await lastAnswer.and(page.locator('[data-status="complete"]')).waitFor();
    if (S.followUp) {
      relay.enqueue(
        tokensScript(textToTokens(S.followUp.answer), {
          delayMs: 12,
          usage: { prompt_tokens: 30, completion_tokens: 16 },
        }),
      );
      await ask(S.followUp.question);
      await page
        .locator('[data-testid="message"][data-role="assistant"][data-status="complete"]')
        .nth(1)
        .waitFor();
    }
    await shot('chat');

    // The model picker over both profiles.
    await page.getByRole('combobox', { name: L.chat.model.label, exact: true }).click();
    await page.getByTestId('model-option').first().waitFor();
    await shot('model-picker');
    await page.keyboard.press('Escape');
    await page.getByTestId('model-option').first().waitFor({ state: 'detached' });

    // The search, grouped per conversation, then the opened answer with the words highlighted.
    const search = page.getByRole('searchbox').or(page.locator('input[type="search"]')).first();
    await search.fill(S.search);
    await page.getByTestId('search-result').first().waitFor();
    await shot('search');
    await page.locator('[data-testid="search-result"][data-kind="answer"]').first().click();
    await page.locator('.message-row-focus').waitFor();
    await page.waitForTimeout(400);
    await shot('search-open');
    await search.fill('');

    // An error card: the relay refuses the key.
    await newChat();
    relay.enqueue(errorResponse(401, 'Invalid API key', { type: 'authentication_error' }));
    await ask(lang === 'en' ? 'Hello?' : lang === 'vi' ? 'Xin chào?' : '你好？');
    await page.getByTestId('error-card').waitFor();
    await shot('error');

    // A 429 waiting for Retry-After: the countdown with its Cancel.
    await newChat();
    relay.enqueue(errorResponse(429, 'Rate limit reached', { headers: { 'retry-after': '45' } }));
    await ask(
      lang === 'en' ? 'One more question' : lang === 'vi' ? 'Thêm một câu hỏi' : '再问一个问题',
    );
    await page.getByTestId('retry-countdown').waitFor();
    await shot('rate-limit');
    await page.getByTestId('retry-countdown').getByRole('button').click();
    await lastAnswer.and(page.locator('[data-status="stopped"]')).waitFor();

    // A streaming answer: the live indicator and the one Stop control.
    await newChat();
    relay.enqueue(tokensScript(textToTokens(S.stream), { delayMs: 150 }));
    await ask(S.streamQuestion);
    await lastAnswer.locator('.message-body li').first().waitFor({ timeout: 60_000 });
    await shot('streaming');
    await page.getByRole('button', { name: L.chat.action.stop, exact: true }).first().click();
    await lastAnswer.and(page.locator('[data-status="stopped"]')).waitFor();

    // One question to three models at once (two profiles), side by side with their figures.
    const answerPerModel =
      (pace: Record<string, number>) =>
      (request: { body: unknown }): ReturnType<typeof tokensScript> => {
        const model = (request.body as { model?: string } | undefined)?.model ?? '';
        const i = Math.max(0, COMPARED.indexOf(model));
        const text = S.compareAnswers[i] ?? S.compareAnswers[0];
        return {
          ...tokensScript(textToTokens(text), {
            model,
            delayMs: pace[model] ?? 10,
            usage: { prompt_tokens: 24, completion_tokens: textToTokens(text).length },
          }),
          headersDelayMs: 120 + i * 180,
        };
      };
    const pace = { 'deepseek-chat': 8, 'gpt-4o': 14, 'qwen3:8b': 22 };
    relay.setDefault(answerPerModel(pace));
    local.setDefault(answerPerModel(pace));
    await newChat();
    await page
      .getByRole('group', { name: L.chat.composer.toolbar })
      .getByRole('button', { name: L.chat.compare.toggle, exact: true })
      .click();
    for (const model of COMPARED.slice(1))
      await page.getByTestId('model-option').filter({ hasText: model }).first().click();
    await page.getByTestId('compare-chip').nth(2).waitFor();
    await shot('compare-picker');
    // Closed with its own button, and the three models checked as still chosen before the
    // question goes (a comparison screen without its group fails here, not 30 s later).
    await page.getByRole('button', { name: L.chat.compare.done, exact: true }).click();
    await page.getByTestId('compare-chip').nth(2).waitFor();
    await ask(S.compareQuestion);
    for (const model of COMPARED)
      await page
        .locator(
          `[data-testid="compare-column"][data-model="${model}"] [data-testid="message"][data-status="complete"]`,
        )
        .waitFor();
    await page.waitForTimeout(300);
    await shot('compare');
    relay.setDefault(undefined);
    local.setDefault(undefined);

    // Settings, every tab, then the profile dialogs.
    await openSettings();
    const tab = (key: (typeof TABS)[number][1]) =>
      page.getByRole('tab', { name: L.settings.tabs[key], exact: true });
    for (const [name, key] of TABS) {
      await tab(key).click();
      await page.waitForTimeout(200);
      if (name === 'prices') await page.getByTestId('price-table').waitFor();
      await shot(`settings-${name}`);
    }
    await tab('profiles').click();
    await page.getByRole('button', { name: L.settings.profiles.add, exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await shot('settings-add-profile');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: L.settings.profiles.delete, exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await shot('settings-delete-profile');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await tab('general').click();

    // Usage of the priced chats.
    await sidebarButton(L.common.sidebar.usage).click();
    await page.waitForTimeout(800);
    await shot('usage');
    // The figures of the comparisons, per model and profile.
    await page.getByRole('tab', { name: L.usage.tabs.compare, exact: true }).click();
    await page.getByTestId('compare-stats-row').first().waitFor();
    await shot('compare-table');
    await page.getByRole('tab', { name: L.usage.tabs.usage, exact: true }).click();

    // The trash, holding the latest conversation.
    await page
      .getByTestId('conversation')
      .first()
      .locator('.conversation-menu-button')
      .click({ force: true });
    await page.getByRole('menuitem').last().click();
    // The undo toast is closed, so it does not cover the screens that follow.
    await page.getByTestId('undo-toast').getByRole('button').last().click();
    await page.getByTestId('undo-toast').waitFor({ state: 'detached' });
    await sidebarButton(L.common.sidebar.trash).click();
    await page.getByTestId('trash-item').first().waitFor();
    await shot('trash');

    // The collapsed sidebar and the shortcuts sheet, over the first conversation.
    await openConversation(S.question.slice(0, 12));
    await page.keyboard.press('Control+b');
    await page.getByTestId('sidebar').and(page.locator('[data-collapsed="true"]')).waitFor();
    await shot('sidebar-collapsed');
    await page.keyboard.press('Control+b');
    await page.keyboard.press('Control+/');
    await page.getByRole('dialog').waitFor();
    await shot('shortcuts');
    await page.keyboard.press('Escape');
    console.log(`${lang} ${theme}: ${count} screenshots`);
  } finally {
    await context.close();
    await harness.stop();
  }
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const langs = pick(LANGS, process.env['SCREENSHOTS_LANGS']);
  const themes = pick(THEMES, process.env['SCREENSHOTS_THEMES']);
  // A full run replaces the whole set, so a screen that is gone leaves no stale picture; a run
  // narrowed to some languages, themes or screens (SCREENSHOTS_ONLY) keeps the others.
  if (langs.length === LANGS.length && themes.length === THEMES.length && !ONLY)
    for (const f of readdirSync(out)) if (/^screenshot-.*\.png$/.test(f)) rmSync(resolve(out, f));
  const relay = await startFakeRelay({ apiKey: KEY, port: RELAY_PORT });
  const local = await startFakeRelay({ models: LOCAL_MODELS, port: LOCAL_PORT });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    for (const lang of langs)
      for (const theme of themes) await session(lang, theme, relay, local, browser);
  } finally {
    await browser.close();
    await relay.close();
    await local.close();
  }
  console.log(`screenshots written to ${out}`);
}

await main();
