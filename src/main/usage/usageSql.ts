import type { OffsetSegment } from '../../shared/rules/localDays';

/** Row shapes and SQL fragments shared by the two query strategies (see usageRepository.ts). */

export interface GroupRow {
  day: number;
  model: string | null;
  profileId: string | null;
  answers: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  pricedAnswers: number;
  unpricedAnswers: number;
  estimatedAnswers: number;
}

export interface LatencyRow {
  model: string | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  streamedTokens: number | null;
  streamingMs: number | null;
}

/** The instants a query covers, its local days and the zone's offsets over it. */
export interface UsageWindow {
  from: number;
  to: number;
  /** Local days in order; `start`/`end` are instants, `day` the local day number. */
  days: readonly { day: number; start: number; end: number }[];
  segments: readonly OffsetSegment[];
}

/** `total()` and plain `count()`: measurably cheaper per row than `coalesce(sum(…), 0)` and CASE chains. */
export const TOTALS_SQL = `count(*) AS answers,
  total(prompt_tokens) AS promptTokens,
  total(completion_tokens) AS completionTokens,
  total(cost) AS costUsd,
  count(cost) AS pricedAnswers,
  count(CASE WHEN cost IS NULL THEN completion_tokens END) AS unpricedAnswers,
  total(tokens_estimated) AS estimatedAnswers`;

export const LATENCY_SQL = `percentile(ttft_ms, 50) AS ttftP50Ms,
  percentile(ttft_ms, 95) AS ttftP95Ms,
  sum(CASE WHEN completion_tokens > 0 AND duration_ms > ttft_ms THEN completion_tokens END) AS streamedTokens,
  sum(CASE WHEN completion_tokens > 0 AND duration_ms > ttft_ms THEN duration_ms - ttft_ms END) AS streamingMs`;

/**
 * `(created_at + offset)` with the offset piecewise constant, as SQL and its parameters. The
 * offsets are bound as BigInt: better-sqlite3 binds a number as REAL, and a REAL would turn the
 * day division into a fractional one.
 */
export function localTimeSql(segments: readonly OffsetSegment[]): {
  sql: string;
  params: (number | bigint)[];
} {
  if (segments.length <= 1)
    return { sql: `(created_at + ?)`, params: [BigInt(segments[0]?.offset ?? 0)] };
  const params: (number | bigint)[] = [];
  let sql = '(created_at + CASE';
  segments.forEach((s, i) => {
    if (i === segments.length - 1) {
      sql += ' ELSE ? END)';
      params.push(BigInt(s.offset));
    } else {
      sql += ' WHEN created_at < ? THEN ?';
      params.push(s.until, BigInt(s.offset));
    }
  });
  return { sql, params };
}

export interface AnswerRow {
  seq: number;
  createdAt: number;
  conversationTitle: string;
  model: string | null;
  profileId: string | null;
  status: string;
  promptTokens: number | null;
  completionTokens: number | null;
  tokensEstimated: number;
  cost: number | null;
  ttftMs: number | null;
  durationMs: number | null;
}

export const ANSWER_COLUMNS = `m.seq, m.created_at AS createdAt, c.title AS conversationTitle, m.model,
  m.profile_id AS profileId, m.status, m.prompt_tokens AS promptTokens, m.completion_tokens AS completionTokens,
  m.tokens_estimated AS tokensEstimated, m.cost, m.ttft_ms AS ttftMs, m.duration_ms AS durationMs`;
