import { stmt, type Db } from '../history/db';
import { comboAnswers, comboGroups, comboLatency, listCombos } from './usageComboQueries';
import {
  ANSWER_COLUMNS,
  LATENCY_SQL,
  localTimeSql,
  TOTALS_SQL,
  type AnswerRow,
  type GroupRow,
  type LatencyRow,
  type UsageWindow,
} from './usageSql';
import { DAY_MS } from '../../shared/rules/localDays';

export type { AnswerRow, GroupRow, LatencyRow, UsageWindow } from './usageSql';

/**
 * Usage aggregates over the messages table, in SQL. Only answers (`role = 'assistant'`) carry
 * tokens, cost and timings. Trashed conversations still count: their money was spent.
 *
 * Two strategies give the same rows. With the covering partial index `messages_usage`
 * (USAGE_INDEX_SQL, added by a history migration) the work is split per (model, profile) pair
 * and per local day into index range scans that aggregate as they stream, so nothing is sorted
 * (usageComboQueries.ts). Without it, one scan per query groups everything in a temp b-tree:
 * correct, and fine for small files, but a full table scan at a million messages.
 */

/** The index the fast strategy needs. Leading (model, profile_id) lets each pair be found by seeks. */
export const USAGE_INDEX_SQL = `CREATE INDEX IF NOT EXISTS messages_usage ON messages
  (model, profile_id, created_at, cost, prompt_tokens, completion_tokens, tokens_estimated, ttft_ms, duration_ms)
  WHERE role = 'assistant'`;

const indexed = new WeakMap<Db, boolean>();

/** Whether the file has the usage index (a history migration adds it; checked once per connection). */
export function hasUsageIndex(db: Db): boolean {
  let known = indexed.get(db);
  if (known === undefined) {
    known =
      stmt(
        db,
        "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = 'messages_usage'",
      ).get() !== undefined;
    indexed.set(db, known);
  }
  return known;
}

const RANGE = `role = 'assistant' AND created_at >= ? AND created_at < ?`;

/**
 * Per local day, model and profile: counts, tokens and spend over the window. Generated titles'
 * and summaries' tokens and spend are added as rows of their own that count no answers.
 */
export function usageGroups(db: Db, w: UsageWindow): GroupRow[] {
  return [...answerGroups(db, w), ...extraGroups(db, w)];
}

function answerGroups(db: Db, w: UsageWindow): GroupRow[] {
  if (hasUsageIndex(db)) return comboGroups(db, listCombos(db), w);
  const local = localTimeSql(w.segments);
  return stmt(
    db,
    `SELECT ${local.sql} / ${DAY_MS} AS day, model, profile_id AS profileId, ${TOTALS_SQL}
     FROM messages WHERE ${RANGE} GROUP BY day, model, profile_id`,
  ).all(...local.params, w.from, w.to) as GroupRow[];
}

/** Titles and summaries are a few per conversation: a plain grouped scan of their range is small. */
function extraGroups(db: Db, w: UsageWindow): GroupRow[] {
  if (!hasExtraUsage(db)) return [];
  const local = localTimeSql(w.segments);
  return stmt(
    db,
    `SELECT ${local.sql} / ${DAY_MS} AS day, model, profile_id AS profileId,
       0 AS answers, total(prompt_tokens) AS promptTokens, total(completion_tokens) AS completionTokens,
       total(cost) AS costUsd, 0 AS pricedAnswers, 0 AS unpricedAnswers, 0 AS estimatedAnswers
     FROM extra_usage WHERE created_at >= ? AND created_at < ? GROUP BY day, model, profile_id`,
  ).all(...local.params, w.from, w.to) as GroupRow[];
}

const extraTable = new WeakMap<Db, boolean>();

/** Files of older versions opened read-only have no extra_usage table (migration 013 adds it). */
function hasExtraUsage(db: Db): boolean {
  let known = extraTable.get(db);
  if (known === undefined) {
    known =
      stmt(
        db,
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'extra_usage'",
      ).get() !== undefined;
    extraTable.set(db, known);
  }
  return known;
}

/**
 * Per model: time to first token p50/p95 (SQLite's `percentile`, interpolated) and the totals
 * for tokens per second, counting only answers that streamed after their first token.
 */
export function usageLatency(db: Db, from: number, to: number): LatencyRow[] {
  if (hasUsageIndex(db)) return comboLatency(db, listCombos(db), from, to);
  return stmt(db, `SELECT model, ${LATENCY_SQL} FROM messages WHERE ${RANGE} GROUP BY model`).all(
    from,
    to,
  ) as LatencyRow[];
}

/** Spend per profile over [from, to) (the budget month). */
export function spendByProfile(db: Db, from: number, to: number): Map<string | null, number> {
  const spent = new Map<string | null, number>();
  const window: UsageWindow = { from, to, days: [{ day: 0, start: from, end: to }], segments: [] };
  for (const row of usageGroups(db, window)) {
    spent.set(row.profileId, (spent.get(row.profileId) ?? 0) + row.costUsd);
  }
  return spent;
}

/** Every answer of [from, to), oldest first, with its conversation's title (the CSV export). */
export function answersInRange(db: Db, from: number, to: number): AnswerRow[] {
  if (hasUsageIndex(db)) {
    const rows = comboAnswers(db, listCombos(db), from, to);
    return rows.sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  }
  return stmt(
    db,
    `SELECT ${ANSWER_COLUMNS} FROM messages m JOIN conversations c ON c.pk = m.conv_pk
     WHERE m.role = 'assistant' AND m.created_at >= ? AND m.created_at < ? ORDER BY m.created_at, m.seq`,
  ).all(from, to) as AnswerRow[];
}
