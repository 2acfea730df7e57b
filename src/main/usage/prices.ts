import type { ChatUsage } from '../../shared/types/chat';
import type { PriceCoverage, PriceEntry } from '../../shared/types/usage';
import { findPrice } from '../../shared/rules/modelInfo';

// Shared with the window (the model picker shows prices): one lookup for both processes.
export { findPrice, normalizeModelName } from '../../shared/rules/modelInfo';

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
    out.push({
      model,
      inputPerMTok: p.inputPerMTok,
      outputPerMTok: p.outputPerMTok,
      ...(typeof p.contextTokens === 'number' ? { contextTokens: p.contextTokens } : {}),
    });
  }
  return out;
}
