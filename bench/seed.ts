/**
 * The seeded history the renderer benchmarks share (start-up, UI, soak): 500 conversations of
 * 10 messages plus one of 1,000 messages with code and tables, built once into os.tmpdir() and
 * reused. A benchmark that writes (sends, streams) works on a copy (`copyHistory`).
 *
 * Branches, as people leave them: in the long conversation every 10th answer was regenerated
 * (2 or 3 versions, the newest on screen) and two questions were edited and sent again (the
 * first wording and what followed it stay as the other version); every 25th small conversation
 * has its last answer regenerated once. The counts shown are always 1,000 and 10 messages: the
 * other versions are off the path on screen.
 */
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../src/main/history/HistoryStore';

// Bump when what is generated changes, so an old cached copy is not used.
const GENERATOR_VERSION = 3;
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

/** In the long conversation: answers regenerated (every 10th), some of them twice. */
const regenerations = (i: number): number => (i % 10 !== 7 ? 0 : i % 20 === 7 ? 2 : 1);
/** In the long conversation: the turns whose question was edited and sent again. */
const EDITED_TURNS = [120, 370];
/** Every 25th small conversation has its last answer regenerated once. */
const shortRegenerated = (c: number): boolean => c % 25 === 0;

/** Answers of the long conversation with other versions (regenerated), on the path on screen. */
export const LONG_REGENERATED = Array.from({ length: LONG_MESSAGES / 2 }, (_, i) =>
  regenerations(i),
).filter((n) => n > 0).length;
export const LONG_EDITED = EDITED_TURNS.length;

/** One question and its complete answer; returns the question's id. */
export function addTurn(
  store: HistoryStore,
  conversationId: string,
  i: number,
  options: { parentId?: string | null; question?: string } = {},
): string {
  const q = store.appendMessage({
    conversationId,
    role: 'user',
    content: options.question ?? `Question ${i}: làm sao tiết kiệm?`,
    status: 'complete',
    ...(options.parentId !== undefined ? { parentId: options.parentId } : {}),
  });
  addAnswer(store, conversationId, q.id, i);
  return q.id;
}

/** A complete answer to question `parentId`: another version of the answer when it has one. */
function addAnswer(
  store: HistoryStore,
  conversationId: string,
  parentId: string,
  i: number,
  version = 1,
): void {
  const a = store.appendMessage({
    conversationId,
    role: 'assistant',
    status: 'streaming',
    model: 'deepseek-chat',
    parentId,
  });
  store.finishMessage(a.id, {
    status: 'complete',
    content: version === 1 ? seedAnswer(i) : `${seedAnswer(i)}\n\nVersion ${version}, regenerated.`,
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

/** Turn `i` of the long conversation, with the versions it was given (see the top). */
function addLongTurn(store: HistoryStore, conversationId: string, i: number): void {
  if (EDITED_TURNS.includes(i)) {
    // The first wording, answered, and one more turn after it; then the question edited and
    // sent again from the same place, which is the path on screen from then on.
    const first = store.getMessage(
      addTurn(store, conversationId, i, { question: `Question ${i}: tiết kiệm thế nào?` }),
    );
    addTurn(store, conversationId, i, { question: `Question ${i}, then: còn chi phí đầu vào?` });
    addTurn(store, conversationId, i, { parentId: first?.parentId ?? null });
    return;
  }
  const question = addTurn(store, conversationId, i);
  // Regenerated: each new answer is another version under the same question, shown at once.
  for (let r = 1; r <= regenerations(i); r++) addAnswer(store, conversationId, question, i, r + 1);
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
    let question = '';
    for (let i = 0; i < SHORT_MESSAGES / 2; i++) question = addTurn(store, conv.id, c * 10 + i);
    if (shortRegenerated(c)) addAnswer(store, conv.id, question, c * 10 + 4, 2);
    store.renameConversation(conv.id, shortTitle(c));
  }
  const long = store.createConversation({ model: 'deepseek-chat' });
  for (let i = 0; i < LONG_MESSAGES / 2; i++) addLongTurn(store, long.id, i);
  store.renameConversation(long.id, LONG_TITLE);
  store.close();
  renameSync(scratch, dir);
  return dir;
}

/** The copies this process made, removed if a signal stops it (the handlers are set once). */
const copies = new Set<string>();

/**
 * A private copy of the shared history, for a benchmark that writes to it. The benchmark removes
 * it when it ends; stopped by Ctrl+C or a kill (its own clean-up then never runs), the copy is
 * removed here before the process exits as the signal would have ended it.
 */
export async function copyHistory(rebuild = false): Promise<string> {
  const source = await cachedHistory(rebuild);
  const copy = mkdtempSync(join(tmpdir(), 'fleece-bench-copy-'));
  if (copies.size === 0)
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const)
      process.once(signal, () => {
        for (const dir of copies) rmSync(dir, { recursive: true, force: true });
        process.exit(code);
      });
  copies.add(copy);
  cpSync(source, copy, { recursive: true });
  return copy;
}
