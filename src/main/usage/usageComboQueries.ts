import { stmt, type Db } from '../history/db';
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

/**
 * The fast strategy, for files with the `messages_usage` index on
 * (model, profile_id, created_at, …) WHERE role = 'assistant'. A GROUP BY over a range sorts
 * every row in a temp b-tree (it spills to disk past the cache: ~0.5 µs a row); here each
 * (model, profile) pair is an index prefix, and a pair's rows for one day are one contiguous
 * range that SQLite aggregates while it reads (~0.05 µs a row). Pairs are few, found by seeks.
 */

export interface Combo {
  model: string | null;
  profileId: string | null;
}

type Totals = Omit<GroupRow, 'day' | 'model' | 'profileId'>;

const ANSWERS = "role = 'assistant'";
const PAIR_RANGE = `${ANSWERS} AND model IS ? AND profile_id IS ? AND created_at >= ? AND created_at < ?`;

/** A pair with at least this many answers per day of the window is read day by day. */
const DENSE_PER_DAY = 8;
/** Up to this many (pair × day) lookups, every pair is read day by day without counting first. */
const DAY_BY_DAY_MAX_LOOKUPS = 5000;

function first<T>(db: Db, sql: string, ...params: unknown[]): { value: T } | null {
  const row = stmt(db, sql).get(...params) as Record<string, T> | undefined;
  return row ? { value: Object.values(row)[0] as T } : null;
}

/** Every distinct (model, profile) pair of answers, by a loose index scan (two seeks per pair). */
export function listCombos(db: Db): Combo[] {
  const combos: Combo[] = [];
  const nextModel = (after: string | null) =>
    after === null
      ? first<string>(
          db,
          `SELECT model FROM messages WHERE ${ANSWERS} AND model IS NOT NULL ORDER BY model LIMIT 1`,
        )
      : first<string>(
          db,
          `SELECT model FROM messages WHERE ${ANSWERS} AND model > ? ORDER BY model LIMIT 1`,
          after,
        );
  const nextProfile = (model: string | null, after: string | null) =>
    after === null
      ? first<string>(
          db,
          `SELECT profile_id FROM messages WHERE ${ANSWERS} AND model IS ? AND profile_id IS NOT NULL ORDER BY profile_id LIMIT 1`,
          model,
        )
      : first<string>(
          db,
          `SELECT profile_id FROM messages WHERE ${ANSWERS} AND model IS ? AND profile_id > ? ORDER BY profile_id LIMIT 1`,
          model,
          after,
        );
  let model = first<string | null>(
    db,
    `SELECT model FROM messages WHERE ${ANSWERS} ORDER BY model LIMIT 1`,
  );
  while (model) {
    const m = model.value;
    let profile = first<string | null>(
      db,
      `SELECT profile_id FROM messages WHERE ${ANSWERS} AND model IS ? ORDER BY profile_id LIMIT 1`,
      m,
    );
    while (profile) {
      combos.push({ model: m, profileId: profile.value });
      profile = nextProfile(m, profile.value);
    }
    model = nextModel(m);
  }
  return combos;
}

/**
 * Per local day, model and profile, without sorting. A pair is read day by day (one aggregate
 * per day, a seek for an empty one) unless it has few answers for a long window: then its rows
 * are grouped by day, a sort of a few rows. Deciding costs a count per pair, so short windows skip it.
 */
export function comboGroups(db: Db, combos: readonly Combo[], w: UsageWindow): GroupRow[] {
  const rows: GroupRow[] = [];
  const exists = stmt(db, `SELECT 1 FROM messages WHERE ${PAIR_RANGE} LIMIT 1`);
  const count = stmt(db, `SELECT count(*) FROM messages WHERE ${PAIR_RANGE}`).pluck();
  const totals = stmt(db, `SELECT ${TOTALS_SQL} FROM messages WHERE ${PAIR_RANGE}`);
  const local = localTimeSql(w.segments);
  const byDay = stmt(
    db,
    `SELECT ${local.sql} / ${DAY_MS} AS day, ${TOTALS_SQL} FROM messages WHERE ${PAIR_RANGE} GROUP BY day`,
  );
  const alwaysDayByDay = w.days.length * combos.length <= DAY_BY_DAY_MAX_LOOKUPS;
  for (const { model, profileId } of combos) {
    if (exists.get(model, profileId, w.from, w.to) === undefined) continue;
    const dense =
      alwaysDayByDay ||
      (count.get(model, profileId, w.from, w.to) as number) >= w.days.length * DENSE_PER_DAY;
    if (dense) {
      for (const d of w.days) {
        const t = totals.get(model, profileId, d.start, d.end) as Totals;
        if (t.answers > 0) rows.push({ day: d.day, model, profileId, ...t });
      }
    } else {
      for (const t of byDay.all(...local.params, model, profileId, w.from, w.to) as (Totals & {
        day: number;
      })[]) {
        rows.push({ ...t, model, profileId });
      }
    }
  }
  return rows;
}

/**
 * Per model, over all its profiles (percentiles do not add up, so one query per model). Answers
 * without a profile need a second index range; the UNION costs ~40 %, so only when there are some.
 */
export function comboLatency(
  db: Db,
  combos: readonly Combo[],
  from: number,
  to: number,
): LatencyRow[] {
  const profilesByModel = new Map<string | null, (string | null)[]>();
  for (const c of combos)
    profilesByModel.set(c.model, [...(profilesByModel.get(c.model) ?? []), c.profileId]);
  const named = `${ANSWERS} AND model IS @model AND profile_id IN (SELECT value FROM json_each(@profiles))
    AND created_at >= @from AND created_at < @to`;
  const unnamed = `${ANSWERS} AND model IS @model AND profile_id IS NULL AND created_at >= @from AND created_at < @to`;
  const columns = 'ttft_ms, completion_tokens, duration_ms';
  const namedOnly = stmt(db, `SELECT ${LATENCY_SQL} FROM messages WHERE ${named}`);
  const withUnnamed = stmt(
    db,
    `SELECT ${LATENCY_SQL} FROM (SELECT ${columns} FROM messages WHERE ${named}
       UNION ALL SELECT ${columns} FROM messages WHERE ${unnamed})`,
  );
  const rows: LatencyRow[] = [];
  for (const [model, profiles] of profilesByModel) {
    const ids = profiles.filter((p): p is string => p !== null);
    const params = { model, profiles: JSON.stringify(ids), from, to };
    const row = (ids.length < profiles.length ? withUnnamed : namedOnly).get(params) as Omit<
      LatencyRow,
      'model'
    >;
    rows.push({ model, ...row });
  }
  return rows;
}

/** Every answer of [from, to) with its conversation title, pair by pair (unsorted). */
export function comboAnswers(
  db: Db,
  combos: readonly Combo[],
  from: number,
  to: number,
): AnswerRow[] {
  const answers = stmt(
    db,
    `SELECT ${ANSWER_COLUMNS} FROM messages m JOIN conversations c ON c.pk = m.conv_pk
     WHERE m.role = 'assistant' AND m.model IS ? AND m.profile_id IS ? AND m.created_at >= ? AND m.created_at < ?`,
  );
  const rows: AnswerRow[] = [];
  for (const c of combos) {
    for (const row of answers.iterate(
      c.model,
      c.profileId,
      from,
      to,
    ) as IterableIterator<AnswerRow>)
      rows.push(row);
  }
  return rows;
}
