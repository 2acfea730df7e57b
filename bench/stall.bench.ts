/**
 * Main-process stall benchmark (`npm run bench:stall`).
 *
 * Turns on a megabyte of Chinese, English and mixed text go through the real ChatService, the
 * real relay client and a loopback fake relay that sends no usage, so the tokens of the 1 MB
 * prompt and of the answer must be counted locally. Each kind is finished twice: once by the
 * relay (`[DONE]` without usage) and once by Stop in the middle of the answer. The event loop's
 * delay is the longest task: while it lasts, no route answers and no other stream is read. It is
 * measured by a 2 ms interval whose late ticks are the stalls (perf_hooks' monitorEventLoopDelay
 * only starts sampling on the next loop turn, so it misses a stall in the same task as `enable`),
 * each bounded by the main thread's CPU time over it (process.threadCpuUsage).
 *
 * Three figures per kind: counting alone (estimateUsage on the 1 MB prompt and the answer), the
 * finishing of each turn (from the last text, or Stop, to `chat.done`: the count and the final
 * write) and the whole turn (storing the 1 MB message and indexing it and the answer for search
 * included, up to the last index slice). Budget: 50 ms.
 */
import { ChatService } from '../src/main/chat/ChatService';
import { disposeTokenCounter, estimateUsage } from '../src/main/chat/tokenEstimate';
import { streamChat } from '../src/main/relay/index';
import type { ChatDone } from '../src/shared/types/chat';
import { completionChunk, startFakeRelay, tokensScript } from '../test/fixtures/fake-relay';
import { TempDir } from '../test/main/history/tempStore';
import { LagProbe, type Stall } from './lagProbe';

const BUDGET_MS = 50;
const SIZE = 1_000_000;
const ZH = '我们今天讨论的是如何在不阻塞主线程的情况下计算文本的令牌数量';
const EN = 'The quick brown fox jumps over the lazy dog while the tokens are counted. ';
const MIXED = 'Giá của 中转站 API là bao nhiêu? The relay 每百万 token 收费 $0.5 🎉 ';
const KINDS: [string, string][] = [
  ['Chinese', ZH],
  ['English', EN],
  ['mixed', MIXED],
];

function text(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The answer: 200 pieces of 500 characters (100 KB) at 2 ms each. */
function answerPieces(unit: string): string[] {
  const piece = text(unit, 500);
  return Array.from({ length: 200 }, () => piece);
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

interface Row {
  kind: string;
  countMs: Stall;
  ending: 'done' | 'stop';
  turnMs: Stall;
  finishMs: Stall;
  promptTokens: number | null;
  wallMs: number;
}

async function main(): Promise<void> {
  const relay = await startFakeRelay();
  const dir = new TempDir();
  const { store } = await dir.open();
  const done = new Map<string, ChatDone>();
  const waiting = new Map<string, () => void>();
  const service = new ChatService({
    history: store,
    streamChat: (request, options) => streamChat(request, options),
    resolveTarget: async () => ({
      profileId: 'bench',
      baseUrl: relay.baseUrl,
      model: 'deepseek-chat',
    }),
    emit: (name: string, payload: unknown) => {
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
  for (const [kind, unit] of KINDS) {
    const prompt = text(unit, SIZE);
    for (const ending of ['done', 'stop'] as const) {
      const pieces = answerPieces(unit);
      relay.enqueue(
        ending === 'done'
          ? tokensScript(pieces, { delayMs: 2, usage: null })
          : {
              type: 'stream',
              steps: [
                ...pieces.flatMap((p) => [
                  { delayMs: 2 },
                  { data: completionChunk({ content: p }) },
                ]),
                'hang',
              ],
            },
      );
      await settle();
      const started = performance.now();
      const ids = await service.send({ text: prompt });
      const id = ids.assistant.id;
      const expected = pieces.join('');
      while (store.getMessage(id)?.content !== expected && !done.has(id)) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const finishing = performance.now();
      if (ending === 'stop') await service.stop(id);
      await finished(id);
      const ended = performance.now();
      // Long messages go into the search index in slices after the turn: part of its cost.
      await store.searchIndexed();
      const indexed = performance.now();
      await settle();
      // The count alone, on fresh strings of the same texts (the per-text cache is bypassed).
      const countFrom = performance.now();
      await estimateUsage([{ role: 'user', content: `${prompt} ` }], `${expected} `);
      const countTo = performance.now();
      await settle();
      rows.push({
        kind,
        ending,
        countMs: probe.longest(countFrom, countTo),
        turnMs: probe.longest(started, indexed),
        finishMs: probe.longest(finishing, ended),
        promptTokens: store.getMessage(id)?.promptTokens ?? null,
        wallMs: ended - started,
      });
    }
  }
  probe.stop();
  await service.dispose();
  await disposeTokenCounter();
  await relay.close();
  dir.cleanup();

  console.log('Longest main-process task (busy; wall clock in brackets), 1 MB prompt, no usage');
  console.log(
    'text      end   counting            finishing           whole turn          prompt tokens  turn',
  );
  for (const r of rows) {
    console.log(
      `${r.kind.padEnd(9)} ${r.ending.padEnd(5)} ${ms(r.countMs)} ${ms(r.finishMs)} ${ms(r.turnMs)}  ${String(r.promptTokens).padStart(13)}  ${(r.wallMs / 1000).toFixed(1)} s`,
    );
  }
  let failed = false;
  for (const [label, pick] of [
    ['token counting', (r: Row) => r.countMs],
    ['finishing a turn', (r: Row) => r.finishMs],
    ['whole turn (storing and indexing the message included)', (r: Row) => r.turnMs],
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
  return `${value.busy.toFixed(1).padStart(7)} (${value.wall.toFixed(1).padStart(6)}) ms`;
}

void main();
