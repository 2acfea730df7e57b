import type { ChatUsage } from '../../shared/types/chat';
import type { PriceCoverage, PriceEntry } from '../../shared/types/usage';

/**
 * Relays and providers spell one model several ways: `DeepSeek-Chat`, `deepseek/deepseek-chat`
 * (OpenRouter), `gpt-4.1-2025-04-14` (a dated snapshot), `claude-sonnet-4-5`. Names are compared
 * lower-case, without a provider prefix or a date suffix; a few known synonyms map to one name.
 */
const ALIASES: Readonly<Record<string, string>> = {
  // DeepSeek serves V3.2 under the API name `deepseek-chat` (the relay bills it so).
  'deepseek-v3.2': 'deepseek-chat',
  'deepseek-v3.2-exp': 'deepseek-chat',
  'deepseek-v3-2': 'deepseek-chat',
  'claude-sonnet-4-5': 'claude-sonnet-4.5',
  'claude-4.5-sonnet': 'claude-sonnet-4.5',
  'gpt-4-1': 'gpt-4.1',
  'gemini-2-5-flash': 'gemini-2.5-flash',
};

const DATE_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$/;

/** The key a model name is looked up by. */
export function normalizeModelName(model: string): string {
  let name = model.trim().toLowerCase().replace(/\s+/g, '-');
  const slash = name.lastIndexOf('/');
  if (slash >= 0) name = name.slice(slash + 1);
  const alias = ALIASES[name];
  if (alias) return alias;
  const undated = name.replace(DATE_SUFFIX, '');
  return ALIASES[undated] ?? undated;
}

/** The row for a model: an exact (case-insensitive) name first, then the normalised name. */
export function findPrice(prices: readonly PriceEntry[], model: string): PriceEntry | null {
  const lower = model.trim().toLowerCase();
  const exact = prices.find((p) => p.model.trim().toLowerCase() === lower);
  if (exact) return exact;
  const key = normalizeModelName(model);
  return prices.find((p) => normalizeModelName(p.model) === key) ?? null;
}

export function priceCoverage(price: PriceEntry | null): PriceCoverage {
  if (!price) return 'none';
  const input = price.inputPerMTok !== null;
  const output = price.outputPerMTok !== null;
  return input && output ? 'full' : output ? 'output_only' : input ? 'input_only' : 'none';
}

/**
 * USD for one answer. Each side is priced when its price is known: the source document gives
 * output prices only, so with the defaults a cost covers the completion tokens and the UI marks
 * it "output only" (see `priceCoverage`). A side with tokens but no price is left out, never
 * counted as $0 of a known price; nothing known at all → null ("—" in the UI).
 */
export function computeCost(
  prices: readonly PriceEntry[],
  model: string,
  usage: Pick<ChatUsage, 'promptTokens' | 'completionTokens'>,
): number | null {
  const price = findPrice(prices, model);
  if (!price) return null;
  const { inputPerMTok: input, outputPerMTok: output } = price;
  if (input === null && output === null) return null;
  let cost = 0;
  if (input !== null) cost += usage.promptTokens * input;
  if (output !== null) cost += usage.completionTokens * output;
  return cost / 1_000_000;
}

/** A table as the user typed it, cleaned: names trimmed, later duplicates (same key) dropped. */
export function cleanPriceTable(prices: readonly PriceEntry[]): PriceEntry[] {
  const seen = new Set<string>();
  const out: PriceEntry[] = [];
  for (const p of prices) {
    const model = p.model.trim();
    const key = model.toLowerCase();
    if (model === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ model, inputPerMTok: p.inputPerMTok, outputPerMTok: p.outputPerMTok });
  }
  return out;
}
