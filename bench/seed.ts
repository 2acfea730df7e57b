/**
 * The seeded history the renderer benchmarks share (start-up, UI, soak): 500 conversations of
 * 10 messages plus one of 1,000 messages with code and tables, built once into os.tmpdir() and
 * reused. A benchmark that writes (sends, streams) works on a copy (`copyHistory`).
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../src/main/history/HistoryStore';

// Bump when what is generated changes, so an old cached copy is not used.
const GENERATOR_VERSION = 2;
export const CONVERSATIONS = 500;
export const SHORT_MESSAGES = 10;
export const LONG_MESSAGES = 1000;
export const LONG_TITLE = 'Benchmark conversation';
/** The title of the small conversation number `c` (the newest is CONVERSATIONS - 1). */
export const shortTitle = (c: number): string => `Conversation ${c}: tiết kiệm 中转站`;

export function seedAnswer(i: number): string {
  return [
    `### Answer ${i}: tiết kiệm chi phí với 中转站`,
    '',
    'Here is some code:',
    '',
    '```ts',
    `export function cost${i}(tokens: number, pricePerMillion: number): number {`,
    '  return (tokens / 1_000_000) * pricePerMillion;',
    '}',
    '```',
    '',
    '| model | output $/M |',
    '| --- | --- |',
    '| gpt-4.1 | 8.00 |',
    '| deepseek-chat | 0.42 |',
    '',
    `A paragraph with **bold**, _italic_, \`inline code\` and $x^2$ number ${i}.`,
  ].join('\n');
}

/** One question and its complete answer. */
export function addTurn(store: HistoryStore, conversationId: string, i: number): void {
  store.appendMessage({
    conversationId,
    role: 'user',
    content: `Question ${i}: làm sao tiết kiệm?`,
    status: 'complete',
  });
  const a = store.appendMessage({
    conversationId,
    role: 'assistant',
    status: 'streaming',
    model: 'deepseek-chat',
  });
  store.finishMessage(a.id, {
    status: 'complete',
    content: seedAnswer(i),
    reasoning: '',
    promptTokens: 20,
    completionTokens: 120,
    tokensEstimated: false,
    cost: 0.00005,
    ttftMs: 300,
    durationMs: 2000,
    finishReason: 'stop',
    errorKind: null,
    errorMessage: null,
  });
}

/**
 * The shared history's folder, built on first use into a scratch folder and renamed into place
 * so a half build is never used. The long conversation is written last, so it heads the sidebar.
 */
export async function cachedHistory(rebuild = false): Promise<string> {
  const dir = join(tmpdir(), `fleece-bench-history-v${GENERATOR_VERSION}`);
  if (rebuild) rmSync(dir, { recursive: true, force: true });
  if (existsSync(dir)) return dir;
  const scratch = `${dir}.building`;
  rmSync(scratch, { recursive: true, force: true });
  console.log(`building the benchmark history in ${dir} (once)…`);
  const { store } = await HistoryStore.open({ dataDir: scratch });
  for (let c = 0; c < CONVERSATIONS; c++) {
    const conv = store.createConversation({ model: 'deepseek-chat' });
    for (let i = 0; i < SHORT_MESSAGES / 2; i++) addTurn(store, conv.id, c * 10 + i);
    store.renameConversation(conv.id, shortTitle(c));
  }
  const long = store.createConversation({ model: 'deepseek-chat' });
  for (let i = 0; i < LONG_MESSAGES / 2; i++) addTurn(store, long.id, i);
  store.renameConversation(long.id, LONG_TITLE);
  store.close();
  renameSync(scratch, dir);
  return dir;
}

/** A private copy of the shared history, for a benchmark that writes to it. */
export async function copyHistory(rebuild = false): Promise<string> {
  const source = await cachedHistory(rebuild);
  const copy = mkdtempSync(join(tmpdir(), 'fleece-bench-copy-'));
  cpSync(source, copy, { recursive: true });
  return copy;
}
