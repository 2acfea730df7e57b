import type { RelayChatMessage } from './relayTypes';
import { encodeInSlices, TokenWorker } from './tokenWorker';

/** Chat framing adds a few tokens per message (role, separators), as OpenAI documents. */
const PER_MESSAGE_OVERHEAD = 4;
/** Texts kept as cache keys, in characters: the earlier turns of a conversation are counted once. */
const CACHE_CHARS = 8_000_000;

/** Counts of texts already seen, oldest first (a Map keeps insertion order). */
const cache = new Map<string, number>();
let cachedChars = 0;
let worker: TokenWorker | undefined;

/**
 * A bounded, linear guess for when the worker cannot run: about 4 bytes of UTF-8 per token
 * (English ~4 characters a token, Chinese 3 bytes a character at ~0.6–1 token each).
 */
export function roughTokenCount(utf8Bytes: number): number {
  return Math.ceil(utf8Bytes / 4);
}

/** Tokens in `text` (o200k_base), counted off the main thread, remembered per text. */
export async function countTokens(text: string): Promise<number> {
  if (text === '') return 0;
  const known = cache.get(text);
  if (known !== undefined) {
    cache.delete(text);
    cache.set(text, known);
    return known;
  }
  worker ??= new TokenWorker();
  const bytes = await encodeInSlices(text);
  const size = bytes.byteLength;
  const count = await worker.count(bytes).catch(() => roughTokenCount(size));
  remember(text, count);
  return count;
}

function remember(text: string, count: number): void {
  if (text.length > CACHE_CHARS || cache.has(text)) return;
  cache.set(text, count);
  cachedChars += text.length;
  for (const [oldest] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(oldest);
    cachedChars -= oldest.length;
  }
}

/** Ends the worker thread (app shutdown); a later count starts a new one. */
export async function disposeTokenCounter(): Promise<void> {
  const running = worker;
  worker = undefined;
  await running?.dispose();
}

/** A local count (o200k_base) for when the relay sent no usage. Close for OpenAI models, rough for others. */
export async function estimateUsage(
  prompt: readonly RelayChatMessage[],
  completion: string,
  /** Tokens of the images sent (see imageTokens in shared/rules/attachmentLimits.ts). */
  imageTokens = 0,
): Promise<{ promptTokens: number; completionTokens: number }> {
  let promptTokens = 3 + imageTokens;
  // One text at a time: each count is its own task on the main thread, however long the prompt.
  for (const m of prompt) {
    const texts =
      typeof m.content === 'string'
        ? [m.content]
        : m.content.flatMap((p) => (p.type === 'text' ? [p.text] : []));
    for (const text of texts) promptTokens += await countTokens(text);
    promptTokens += PER_MESSAGE_OVERHEAD;
  }
  return { promptTokens, completionTokens: await countTokens(completion) };
}
