import { flushSync } from 'react-dom';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { createRoot } from 'react-dom/client';
import type { Message } from '../../../../shared/message';
import type { Conversation } from '../../../../shared/types/history';
import type { FleeceClient } from '../../api/client';
import { afterNextPaint } from '../../afterFirstPaint';
import { markdownRenderer } from '../../markdown/LazyMarkdown';
import { createAppStore } from '../../store';
import { emptyChatData, loadThread } from '../../store/chatReducers';
import { StoreProvider } from '../../store/StoreContext';
import { ContextMeter } from './ContextMeter';
import { MessageList } from './MessageList';

const WARM_ID = 'warm-up';
let started = false;
// A rendering that cannot finish inside an idle period of this length waits for a longer one.
const IDLE_MS_NEEDED = 40;
// Rendered this many times, each in an idle period of its own: one pass compiles the view's code,
// the next ones give V8 the feedback it optimises on (the first few real opens took a quarter
// longer than later ones after a single pass).
const WARM_PASSES = 4;

/** Answers no request: the sample view must never reach main. */
const offline: FleeceClient = {
  call: () =>
    Promise.resolve({ ok: false, error: { code: 'internal', text: { code: 'internal' } } }),
  on: () => () => undefined,
};

// Two answers: one in ASCII, one in Vietnamese and Chinese. V8 compiles a regular expression
// apart for text with characters past Latin-1, and the block splitter's are large: an answer in
// those scripts would otherwise pay that compilation in the first conversation opened.
const ANSWERS = [
  [
    '### Steps',
    '',
    'Use **`fetch`** with a *timeout* and read the [docs](https://example.com).',
    '',
    '1. Create the controller',
    '2. Pass its signal',
    '   - abort after 5 s',
    '',
    '```ts',
    'const controller = new AbortController();',
    '```',
    '',
    '| option | default |',
    '| --- | --- |',
    '| timeout | 30 s |',
    '',
    '> Inline math $a^2 + b^2$ too.',
  ],
  [
    '### Steps: các bước 步骤',
    '',
    'Dùng **`fetch`** với *thời gian chờ*，读 [tài liệu 文档](https://example.com/vi).',
    '',
    '1. Tạo bộ điều khiển 创建控制器',
    '2. Truyền tín hiệu 传递信号',
    '   - hủy sau 5 giây 五秒后中止',
    '',
    '```ts',
    "const note = '超时';",
    '```',
    '',
    '| tùy chọn 选项 | mặc định 默认 |',
    '| --- | --- |',
    '| thời gian chờ 超时 | 30 s |',
    '',
    '> Công thức $a^2 + b^2$ 也可以.',
  ],
].map((lines) => lines.join('\n'));

/**
 * A message of the sample, every field spelled out: the schema's defaults would bring its
 * validator into the start-up script.
 */
function sampleMessage(
  fields: Pick<Message, 'id' | 'role' | 'content'> & Partial<Message>,
): Message {
  const at = Date.now() - 60_000;
  return {
    conversationId: WARM_ID,
    reasoning: '',
    status: 'complete',
    model: null,
    profileId: null,
    promptTokens: null,
    completionTokens: null,
    tokensEstimated: false,
    cost: null,
    ttftMs: null,
    durationMs: null,
    reasoningMs: null,
    finishReason: null,
    errorKind: null,
    errorMessage: null,
    errorHint: null,
    retryAfterMs: null,
    attachments: [],
    parentId: null,
    versionRank: 0,
    editedAt: null,
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

function sample(): Message[] {
  const question = (id: string, content: string): Message =>
    sampleMessage({ id, role: 'user', content });
  const answer = (id: string, parentId: string, content: string): Message =>
    sampleMessage({
      id,
      parentId,
      role: 'assistant',
      content,
      model: 'deepseek-chat',
      promptTokens: 120,
      completionTokens: 340,
      cost: 0.0004,
      ttftMs: 420,
      durationMs: 3_100,
      finishReason: 'stop',
    });
  return [
    question(`${WARM_ID}:q1`, 'How do I add a timeout to fetch?'),
    answer(`${WARM_ID}:a1`, `${WARM_ID}:q1`, ANSWERS[0] ?? ''),
    question(`${WARM_ID}:q2`, 'Còn trong Node thì sao? 在 Node 里呢？'),
    answer(`${WARM_ID}:a2`, `${WARM_ID}:q2`, ANSWERS[1] ?? ''),
  ];
}

/**
 * Renders a sample conversation a few times, off screen, while the app is idle after start-up:
 * the code that shows a conversation (the list, its rows and actions, Markdown, the context meter)
 * is then compiled and warm when the user opens the first real one, which otherwise takes about
 * twice as long as every later one. The sample lives in a store of its own that reaches nothing (no
 * request to main, nothing in the app's store) and in an element never attached to the
 * document, so nothing of it is laid out, painted or seen. It speaks the app's language (`i18n`).
 */
export function warmUpConversationView(i18n: I18n): void {
  if (started || typeof requestIdleCallback !== 'function') return;
  started = true;
  let passes = 0;
  const attempt = (deadline: IdleDeadline): void => {
    if (deadline.timeRemaining() < IDLE_MS_NEEDED && !deadline.didTimeout) {
      requestIdleCallback(attempt, { timeout: 5_000 });
      return;
    }
    renderSample(i18n);
    if (passes++ === 0) layOutType();
    if (passes < WARM_PASSES) requestIdleCallback(attempt, { timeout: 5_000 });
  };
  // The Markdown chunk is asked for once the start-up work is done (it is preloadMarkdown's too).
  requestIdleCallback(
    () =>
      void markdownRenderer.load().then(
        () => requestIdleCallback(attempt, { timeout: 5_000 }),
        () => undefined,
      ),
    { timeout: 5_000 },
  );
}

// The sample's conversation, listed in its store so the context meter has a figure to show (with
// none, it renders nothing and its code stays cold for the first real conversation).
function sampleConversation(): Conversation {
  const at = Date.now() - 60_000;
  return {
    id: WARM_ID,
    title: 'How do I add a timeout to fetch?',
    titleIsCustom: false,
    pinned: false,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    model: 'deepseek-chat',
    profileId: null,
    systemPrompt: null,
    temperature: null,
    contextTurns: null,
  };
}

function renderSample(i18n: I18n): void {
  const messages = sample();
  const store = createAppStore(offline);
  store.setState({
    conversations: [sampleConversation()],
    chat: loadThread(emptyChatData, WARM_ID, {
      messages,
      hasMore: false,
      versions: { [`${WARM_ID}:a2`]: [`${WARM_ID}:a2-old`, `${WARM_ID}:a2`] },
    }),
  });
  const root = createRoot(document.createElement('div'));
  try {
    flushSync(() =>
      root.render(
        <StoreProvider store={store} client={offline}>
          <I18nextProvider i18n={i18n}>
            <ContextMeter conversationId={WARM_ID} />
            <MessageList conversationId={WARM_ID} />
          </I18nextProvider>
        </StoreProvider>,
      ),
    );
  } catch {
    // Only a warm-up: a real conversation reports its own failures.
  }
  // Its effects run after this task; the sample goes once they have.
  setTimeout(() => root.unmount(), 0);
}

// A line in each face an answer is set in (text, bold heading, emphasis, code), in the scripts the
// app's users write: Latin, Vietnamese, Chinese.
const TYPE_SAMPLE: readonly (readonly [tag: string, text: string])[] = [
  ['h3', 'Ước tính chi phí 估算费用 Aa'],
  ['p', 'Ước tính chi phí 估算费用 Aa'],
  ['strong', 'Ước tính chi phí 估算费用 Aa'],
  ['em', 'Ước tính chi phí 估算费用 Aa'],
  ['code', 'Ước tính chi phí 估算费用 Aa'],
];

/**
 * The first text laid out in a face (and each fallback font for Vietnamese or Chinese in it)
 * loads that font: a hidden, unreadable line of each, laid out in the next frame and removed after
 * it, so the first conversation opened does not pay for it. It is in the document only for
 * that frame, invisible and hidden from assistive technology.
 */
function layOutType(): void {
  const probe = document.createElement('div');
  probe.setAttribute('aria-hidden', 'true');
  probe.style.cssText =
    'position:fixed;top:0;left:0;width:320px;height:0;overflow:hidden;visibility:hidden;contain:strict;pointer-events:none';
  const root = probe.appendChild(document.createElement('div'));
  root.className = 'md-root';
  for (const [tag, text] of TYPE_SAMPLE)
    root.appendChild(document.createElement(tag)).textContent = text;
  document.body.appendChild(probe);
  afterNextPaint(() => probe.remove());
}
