import type { CompareStats, CompareStatsRow } from '../../shared/types/compare';
import type { ComparedAnswer } from './comparisonRepository';

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The 90th percentile by nearest rank (the smallest value ≥ 90 % of them); null for none. */
export function p90(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.9) - 1)] as number;
}

/**
 * Completion tokens per second after the first token; null unless the tokens, the duration and
 * the time to first token are known and the time streaming is positive.
 */
export function tokensPerSecond(a: ComparedAnswer): number | null {
  if (a.completionTokens === null || a.completionTokens <= 0) return null;
  if (a.durationMs === null || a.ttftMs === null) return null;
  const streamingMs = a.durationMs - a.ttftMs;
  return streamingMs > 0 ? a.completionTokens / (streamingMs / 1000) : null;
}

interface Group {
  model: string;
  profileId: string | null;
  answers: number;
  kept: number;
  failed: number;
  ttft: number[];
  speed: number[];
  costs: number[];
  estimated: boolean;
}

/**
 * One row per model and profile over the answers of the comparisons counted. A failed answer
 * (status `error`) counts as an answer and a failure, and in no figure; the others give what
 * they know (a stopped answer its time to first token and its speed so far).
 */
export function compareStats(
  comparisons: number,
  answers: readonly ComparedAnswer[],
  profileName: (profileId: string) => string | null,
): CompareStats {
  const groups = new Map<string, Group>();
  for (const a of answers) {
    const model = a.model ?? '';
    const key = JSON.stringify([model, a.profileId]);
    let g = groups.get(key);
    if (!g) {
      g = {
        model,
        profileId: a.profileId,
        answers: 0,
        kept: 0,
        failed: 0,
        ttft: [],
        speed: [],
        costs: [],
        estimated: false,
      };
      groups.set(key, g);
    }
    g.answers += 1;
    if (a.kept) g.kept += 1;
    if (a.status === 'error') {
      g.failed += 1;
      continue;
    }
    if (a.ttftMs !== null) g.ttft.push(a.ttftMs);
    const speed = tokensPerSecond(a);
    if (speed !== null) g.speed.push(speed);
    if (a.cost !== null) g.costs.push(a.cost);
    if (a.tokensEstimated) g.estimated = true;
  }
  const rows: CompareStatsRow[] = [...groups.values()].map((g) => ({
    model: g.model,
    profileId: g.profileId,
    profileName: g.profileId === null ? null : profileName(g.profileId),
    answers: g.answers,
    kept: g.kept,
    failed: g.failed,
    ttftMsMedian: median(g.ttft),
    ttftMsP90: p90(g.ttft),
    tokensPerSecondMedian: median(g.speed),
    costMean: g.costs.length === 0 ? null : g.costs.reduce((s, c) => s + c, 0) / g.costs.length,
    estimated: g.estimated,
  }));
  // The models kept most first; among equals the quickest to answer, then by name.
  rows.sort(
    (a, b) =>
      b.kept - a.kept ||
      (a.ttftMsMedian ?? Number.POSITIVE_INFINITY) - (b.ttftMsMedian ?? Number.POSITIVE_INFINITY) ||
      a.model.localeCompare(b.model) ||
      (a.profileName ?? '').localeCompare(b.profileName ?? ''),
  );
  return { comparisons, rows };
}
