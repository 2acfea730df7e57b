/**
 * Main-process stall benchmark (`npm run bench:stall`).
 *
 * Turns on Chinese, English and mixed text go through the real ChatService, the real relay
 * client, the real history (its finish writer thread included) and a loopback fake relay on a
 * thread of its own (relayThread.ts) that sends no usage, so the tokens must be counted locally. Two sets: a 1 MB prompt with a 100 KB
 * answer, and a short prompt with an 8 MB answer (the message limit) streamed in 64 KB pieces.
 * Each is finished twice: once by the relay (`[DONE]` without usage) and once by Stop after the
 * last piece. The event loop's delay is the longest task: while it lasts, no route answers and
 * no other stream is read. It is measured by a 2 ms interval whose late ticks are the stalls
 * (perf_hooks' monitorEventLoopDelay only starts sampling on the next loop turn, so it misses a
 * stall in the same task as `enable`), each bounded by the main thread's CPU time over it
 * (process.threadCpuUsage).
 *
 * Figures per turn: counting alone (estimateUsage on the prompt and the answer), sending (storing
 * the prompt, building the request, up to the first text), streaming (the checkpoints), finishing (from the last text, or Stop, to `chat.done`: the count and the final
 * write), indexing (the answer's search index, in slices), the whole turn, and the longest
 * garbage-collection pause in it (V8's, not a task of the app's code). Then the longest single
 * call of each history step on the main thread, by the wall clock (waits for a CPU included).
 * Budget: 50 ms.
 */
import { ChatService, type ChatHistory } from '../src/main/chat/ChatService';
import { disposeTokenCounter, estimateUsage } from '../src/main/chat/tokenEstimate';
import { streamChat } from '../src/main/relay/index';
import type { HistoryStore } from '../src/main/history/HistoryStore';
import type { ChatDelta, ChatDone } from '../src/shared/types/chat';
import { TempDir } from '../test/main/history/tempStore';
import { LagProbe, type Stall } from './lagProbe';
import { startRelayThread } from './relayThread';

const BUDGET_MS = 50;
const ZH = '我们今天讨论的是如何在不阻塞主线程的情况下计算文本的令牌数量';
const EN = 'The quick brown fox jumps over the lazy dog while the tokens are counted. ';
const MIXED = 'Giá của 中转站 API là bao nhiêu? The relay 每百万 token 收费 $0.5 🎉 ';
/** `npm run bench:stall -- Chinese` runs one kind of text only. */
const ONLY = process.argv[2];
const KINDS = (
  [
    ['Chinese', ZH],
    ['English', EN],
    ['mixed', MIXED],
  ] as [string, string][]
).filter(([kind]) => ONLY === undefined || kind === ONLY);

interface Shape {
  label: string;
  promptChars: number;
  /** The answer: `pieces` pieces of `pieceChars` characters, one every `delayMs`. */
  pieces: number;
  pieceChars: number;
  delayMs: number;
}

const SHAPES: Shape[] = [
  {
    label: '1 MB prompt, 100 KB answer',
    promptChars: 1_000_000,
    pieces: 200,
    pieceChars: 500,
    delayMs: 2,
  },
  {
    label: 'short prompt, 8 MB answer',
    promptChars: 200,
    pieces: 128,
    pieceChars: 65_536,
    delayMs: 8,
  },
];

/** The history steps timed on the main thread (an async one up to its first wait). */
const STEPS = [
  'appendMessage',
  'pathMessages',
  'appendToMessage',
  'finishMessage',
  'finishMessageOffThread',
] as const;
type Step = (typeof STEPS)[number];

function text(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

interface Row {
  shape: string;
  kind: string;
  ending: 'done' | 'stop';
  countMs: Stall;
  sendMs: Stall;
  streamMs: Stall;
  finishMs: Stall;
  indexMs: Stall;
  turnMs: Stall;
  /** The longest garbage-collection pause in the whole turn. */
  gcMs: number;
  promptTokens: number | null;
  wallMs: number;
}

/** The store as the chat service sees it, each step's longest synchronous run recorded. */
function timed(store: HistoryStore, longest: Map<Step, number>): ChatHistory {
  const wrapper = Object.create(store) as HistoryStore;
  for (const step of STEPS) {
    const original = (store[step] as (...args: unknown[]) => unknown).bind(store);
    Object.assign(wrapper, {
      [step]: (...args: unknown[]) => {
        const from = performance.now();
        try {
          return original(...args);
        } finally {
          longest.set(step, Math.max(longest.get(step) ?? 0, performance.now() - from));
        }
      },
    });
  }
  return wrapper;
}

async function main(): Promise<void> {
  const relay = await startRelayThread();
  const dir = new TempDir();
  const { store } = await dir.open();
  const done = new Map<string, ChatDone>();
  const received = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const stepMs = new Map<Step, number>();
  const service = new ChatService({
    history: timed(store, stepMs),
    // The default answer limit is 4 MB; a user may raise it (Settings → Preferences).
    streamChat: (request, options) =>
      streamChat(request, { ...options, maxAnswerChars: 9 * 1024 * 1024 }),
    resolveTarget: async () => ({
      profileId: 'bench',
      baseUrl: relay.baseUrl,
      model: 'deepseek-chat',
    }),
    emit: (name: string, payload: unknown) => {
      if (name === 'chat.delta') {
        const d = payload as ChatDelta;
        received.set(d.messageId, (received.get(d.messageId) ?? 0) + d.content.length);
        return;
      }
      if (name !== 'chat.done') return;
      const d = payload as ChatDone;
      done.set(d.message.id, d);
      waiting.get(d.message.id)?.();
    },
  });
  const finished = (id: string): Promise<void> =>
    done.has(id) ? Promise.resolve() : new Promise((resolve) => waiting.set(id, resolve));

  const probe = new LagProbe();
  const rows: Row[] = [];
  for (const shape of SHAPES) {
    for (const [kind, unit] of KINDS) {
      const prompt = text(unit, shape.promptChars);
      for (const ending of ['done', 'stop'] as const) {
        await relay.enqueue({
          unit,
          pieces: shape.pieces,
          pieceChars: shape.pieceChars,
          delayMs: shape.delayMs,
          ending: ending === 'done' ? 'done' : 'hang',
        });
        const piece = text(unit, shape.pieceChars);
        const pieces = Array.from({ length: shape.pieces }, () => piece);
        await settle();
        const started = performance.now();
        const ids = await service.send({ text: prompt });
        const id = ids.assistant.id;
        const length = shape.pieces * shape.pieceChars;
        let streaming: number | null = null;
        while ((received.get(id) ?? 0) < length && !done.has(id)) {
          if (streaming === null && (received.get(id) ?? 0) > 0) streaming = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        const finishing = performance.now();
        if (ending === 'stop') await service.stop(id);
        await finished(id);
        const ended = performance.now();
        // Long messages go into the search index in slices after the turn: part of its cost.
        await store.searchIndexed();
        const indexed = performance.now();
        const expected = pieces.join('');
        await settle();
        // The count alone, on fresh strings of the same texts (the per-text cache is bypassed).
        const countFrom = performance.now();
        await estimateUsage([{ role: 'user', content: `${prompt} ` }], `${expected} `);
        const countTo = performance.now();
        await settle();
        // Reading the stored text back is itself a long task: after the measured windows.
        const stored = store.getMessage(id);
        if (stored?.content.length !== length)
          throw new Error(`${kind} ${ending}: ${stored?.content.length} of ${length} stored`);
        await settle();
        rows.push({
          shape: shape.label,
          kind,
          ending,
          countMs: probe.longest(countFrom, countTo),
          sendMs: probe.longest(started, streaming ?? started),
          streamMs: probe.longest(streaming ?? started, finishing),
          finishMs: probe.longest(finishing, ended),
          indexMs: probe.longest(ended, indexed),
          turnMs: probe.longest(started, indexed),
          gcMs: probe.longestGc(started, indexed),
          promptTokens: stored.promptTokens,
          wallMs: ended - started,
        });
      }
    }
  }
  probe.stop();
  await service.dispose();
  await disposeTokenCounter();
  await relay.close();
  dir.cleanup();

  console.log(
    'Longest main-process task, busy (wall clock in brackets), ms; no usage from the relay',
  );
  for (const shape of SHAPES) {
    console.log(`\n${shape.label}`);
    console.log(
      'text      end      counting       sending        streaming      finishing       indexing      whole turn   GC pause   prompt tok   turn',
    );
    for (const r of rows.filter((row) => row.shape === shape.label)) {
      console.log(
        `${r.kind.padEnd(9)} ${r.ending.padEnd(5)} ${[r.countMs, r.sendMs, r.streamMs, r.finishMs, r.indexMs, r.turnMs].map(ms).join(' ')} ${r.gcMs.toFixed(1).padStart(9)} ${String(r.promptTokens).padStart(11)} ${(r.wallMs / 1000).toFixed(1).padStart(5)} s`,
      );
    }
  }
  console.log(
    '\nLongest single call per history step on the main thread (async: up to its first wait)',
  );
  for (const step of STEPS)
    console.log(`  ${step.padEnd(24)} ${(stepMs.get(step) ?? 0).toFixed(1)} ms`);

  let failed = false;
  for (const [label, pick] of [
    ['token counting', (r: Row) => r.countMs],
    ['streaming (checkpoints)', (r: Row) => r.streamMs],
    ['finishing a turn', (r: Row) => r.finishMs],
    ['whole turn (storing and indexing the messages included)', (r: Row) => r.turnMs],
  ] as const) {
    const busy = Math.max(...rows.map((r) => pick(r).busy));
    const wall = Math.max(...rows.map((r) => pick(r).wall));
    const pass = busy <= BUDGET_MS;
    failed ||= !pass;
    console.log(
      `${pass ? 'PASS' : 'FAIL'}: ${label}: longest task ${busy.toFixed(1)} ms, longest stall by the wall clock ${wall.toFixed(1)} ms (budget ${BUDGET_MS} ms)`,
    );
  }
  if (failed) process.exitCode = 1;
}

function ms(value: Stall): string {
  return `${value.busy.toFixed(1).padStart(6)} (${value.wall.toFixed(0).padStart(4)})`;
}

void main();
