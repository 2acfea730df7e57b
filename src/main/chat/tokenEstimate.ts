import type { RelayChatMessage } from './relayTypes';

type CountTokens = (text: string) => number;
let counter: Promise<CountTokens> | undefined;

/** gpt-tokenizer loads its BPE ranks on import (noticeable at start-up), so only when first needed. */
function loadCounter(): Promise<CountTokens> {
  counter ??= import('gpt-tokenizer').then((m) => (text: string) => m.countTokens(text));
  return counter;
}

/** Chat framing adds a few tokens per message (role, separators), as OpenAI documents. */
const PER_MESSAGE_OVERHEAD = 4;

/** A local count (o200k_base) for when the relay sent no usage. Close for OpenAI models, rough for others. */
export async function estimateUsage(
  prompt: readonly RelayChatMessage[],
  completion: string,
): Promise<{ promptTokens: number; completionTokens: number }> {
  const count = await loadCounter();
  let promptTokens = 3;
  for (const m of prompt) promptTokens += count(m.content) + PER_MESSAGE_OVERHEAD;
  return { promptTokens, completionTokens: count(completion) };
}
