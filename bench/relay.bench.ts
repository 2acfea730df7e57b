/**
 * Relay client benchmark (`npm run bench:relay`).
 *
 * 1. CPU per SSE event, streamChat versus the official openai SDK, both reading the very same
 *    bytes from an injected fetch whose body yields them from memory (so the network stack, equal
 *    for both, is out of the picture). Two chunkings: one event per read (tokens arriving one by
 *    one, the worst case for fixed per-read costs) and 16 KiB reads (a busy connection).
 * 2. Linearity in bytes: one 512 KiB and one 1 MiB event, each delivered in 1-byte chunks, and
 *    N versus 2N events. Doubling the bytes must at most 2.5× the cost (no quadratic buffering).
 *
 * CPU is process.cpuUsage() (user + system). The machine is shared, so runs are interleaved and
 * the figure kept is the best run.
 */
import OpenAI from 'openai';
import { streamChat } from '../src/main/relay/index';
import { textToTokens, toActions, tokensScript } from '../test/fixtures/fake-relay';

const N = 20_000;
const RUNS = 7;
const WARMUP = 3;
const BASE_URL = 'http://relay.bench/v1';
const MESSAGES = [{ role: 'user' as const, content: 'Benchmark' }];

type Fetch = () => Promise<Response>;

/** Ignores the request: both clients get the same answer bytes, cut into these reads. */
function memoryFetch(read: (index: number) => Uint8Array | undefined): Fetch {
  return () => {
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = read(index++);
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const headers = { 'content-type': 'text/event-stream' };
    return Promise.resolve(new Response(stream, { status: 200, headers }));
  };
}

const chunksOf = (chunks: Uint8Array[]): Fetch => memoryFetch((i) => chunks[i]);
const bytesOf = (bytes: Uint8Array, size: number): Fetch =>
  memoryFetch((i) =>
    i * size < bytes.length ? bytes.subarray(i * size, (i + 1) * size) : undefined,
  );

function bodyBytes(script: ReturnType<typeof tokensScript>): Uint8Array[] {
  return toActions(script).flatMap((a) => (typeof a === 'object' && 'write' in a ? [a.write] : []));
}

/** A realistic answer of `count` tokens (Vietnamese, Chinese, emoji), one SSE event per read. */
function eventChunks(count: number): Uint8Array[] {
  const pool = textToTokens(
    'Tiết kiệm chi phí với 中转站: DeepSeek V3.2 costs $0.42 per million tokens 🎉. ',
  );
  return bodyBytes(
    tokensScript(Array.from({ length: count }, (_, i) => pool[i % pool.length] ?? '')),
  );
}

function rechunk(chunks: Uint8Array[], size: number): Uint8Array[] {
  const all = Buffer.concat(chunks);
  const out: Uint8Array[] = [];
  for (let i = 0; i < all.length; i += size) out.push(all.subarray(i, i + size));
  return out;
}

/** One SSE event whose content is `contentBytes` of UTF-8 text. */
function singleEvent(contentBytes: number): Uint8Array {
  const unit = 'Tiết kiệm 中转站 ';
  const content = unit.repeat(Math.ceil(contentBytes / Buffer.byteLength(unit)));
  return Buffer.concat(bodyBytes(tokensScript([content], { usage: null })));
}

async function viaStreamChat(fetch: Fetch): Promise<void> {
  const request = { baseUrl: BASE_URL, model: 'deepseek-chat', messages: MESSAGES };
  let text = 0;
  for await (const event of streamChat(request, { fetch, maxRetries: 0 })) {
    if (event.type === 'delta') text += event.content?.length ?? 0;
  }
  if (text === 0) throw new Error('streamChat read no text');
}

async function viaOpenAI(fetch: Fetch): Promise<void> {
  const client = new OpenAI({ baseURL: BASE_URL, apiKey: 'sk-bench', fetch, maxRetries: 0 });
  const stream = await client.chat.completions.create({
    model: 'deepseek-chat',
    messages: MESSAGES,
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = 0;
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content?.length ?? 0;
  if (text === 0) throw new Error('openai read no text');
}

/** Best CPU µs of `runs` interleaved runs of each task, after warm-up. */
async function cpu(
  tasks: (() => Promise<void>)[],
  runs = RUNS,
  warmup = WARMUP,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) for (const task of tasks) await task();
  const best = tasks.map(() => Infinity);
  for (let r = 0; r < runs; r++) {
    for (const [i, task] of tasks.entries()) {
      // A pause lets the collector's background threads finish: their CPU would count against
      // the run. (No forced gc(): it slows the next run by ~50 ms whatever runs, blurring ratios.)
      await new Promise((resolve) => setTimeout(resolve, 30));
      const before = process.cpuUsage();
      await task();
      const used = process.cpuUsage(before);
      best[i] = Math.min(best[i] ?? Infinity, used.user + used.system);
    }
  }
  return best;
}

const rows: string[][] = [['case', 'streamChat', 'compared with', 'ratio', 'target', '']];
let failed = false;
function row(cells: string[], ok: boolean): void {
  if (!ok) failed = true;
  rows.push([...cells, ok ? 'PASS' : 'FAIL']);
}
const f = (n: number, digits = 2): string => n.toFixed(digits);

const perEvent = eventChunks(N);
const events = perEvent.length;
console.log(
  `Relay benchmark: Node ${process.version}, ${events} SSE events (${N} tokens, ` +
    `${(Buffer.concat(perEvent).length / 1024).toFixed(0)} KiB), best of ${RUNS} runs after ${WARMUP} warm-up`,
);

for (const [label, chunks] of [
  ['one event per read', perEvent],
  ['16 KiB reads', rechunk(perEvent, 16 * 1024)],
] as const) {
  const fetch = chunksOf(chunks);
  const [ours = 0, theirs = 0] = await cpu([() => viaStreamChat(fetch), () => viaOpenAI(fetch)]);
  const ratio = theirs / ours;
  row(
    [
      `µs per event, ${label}`,
      `${f(ours / events)} µs`,
      `openai ${f(theirs / events)} µs`,
      `${f(ratio, 1)}× cheaper`,
      '≥ 4×',
    ],
    ratio >= 4,
  );
}

const half = singleEvent(512 * 1024);
const full = singleEvent(1024 * 1024);
const [costHalf = 0, costFull = 0] = await cpu(
  [() => viaStreamChat(bytesOf(half, 1)), () => viaStreamChat(bytesOf(full, 1))],
  5,
  1,
);
row(
  [
    '1 event in 1-byte reads',
    `1 MiB ${f(costFull / 1000, 0)} ms`,
    `512 KiB ${f(costHalf / 1000, 0)} ms`,
    `${f(costFull / costHalf)}× for 2× bytes`,
    '≤ 2.5×',
  ],
  costFull / costHalf <= 2.5,
);

const double = eventChunks(2 * N);
const [costN = 0, cost2N = 0] = await cpu([
  () => viaStreamChat(chunksOf(perEvent)),
  () => viaStreamChat(chunksOf(double)),
]);
row(
  [
    `${2 * N} vs ${N} tokens`,
    `2N ${f(cost2N / 1000, 1)} ms`,
    `N ${f(costN / 1000, 1)} ms`,
    `${f(cost2N / costN)}× for 2× bytes`,
    '≤ 2.5×',
  ],
  cost2N / costN <= 2.5,
);

const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
for (const r of rows) console.log(r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
console.log(failed ? 'RESULT: FAIL' : 'RESULT: PASS');
if (failed) process.exitCode = 1;
