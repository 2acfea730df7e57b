/**
 * The Usage page's data at scale. `benchUsage(db)` times `loadUsageSummary` (everything the page
 * shows: days, models, profiles, latency, month-to-date, budgets) on any history database, e.g.
 * the 1M-message store of bench/history.bench.ts. Run alone, this file builds its own store with
 * mixed models and profiles and measures it without, then with, the `messages_usage` index:
 *   node --import tsx bench/usage.ts [--messages=1000000] [--rebuild]
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Db } from '../src/main/history/db';
import { insertConversation } from '../src/main/history/conversationRepository';
import { insertMessageRow } from '../src/main/history/messageRepository';
import { MIGRATIONS } from '../src/main/history/migrations';
import { runMigrations } from '../src/main/history/migrate';
import { HISTORY_FILE } from '../src/main/history/openHistoryDb';
import { hasUsageIndex, USAGE_INDEX_SQL } from '../src/main/usage/usageRepository';
import { loadUsageSummary } from '../src/main/usage/usageSummary';
import {
  dateOfDayNumber,
  localDayNumber,
  monthBounds,
  startOfLocalDay,
} from '../src/shared/rules/localDays';
import { DEFAULT_PRICES, type UsageRange } from '../src/shared/types/usage';

export interface UsageBenchFigures {
  answers: number;
  month: { range: UsageRange; answers: number; p50: number; p95: number };
  all: { range: UsageRange; answers: number; p50: number; p95: number };
  coveringIndex: boolean;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function timeSummary(db: Db, range: UsageRange, now: number, rounds: number) {
  const samples: number[] = [];
  let answers = 0;
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    const s = loadUsageSummary(db, range, {
      now,
      prices: DEFAULT_PRICES,
      budgets: { holysheep: 100 },
    });
    samples.push(performance.now() - t);
    answers = s.totals.answers;
  }
  return { range, answers, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/**
 * Times the Usage page's data for a whole month (the page's default, "this month", seen on its
 * last day; the month in the middle of the data, so it is full) and for the whole history.
 * Prints the figures and returns them; the caller judges them against its target (≤ 100 ms).
 */
export function benchUsage(
  db: Db,
  options: { timeZone?: string; rounds?: number } = {},
): UsageBenchFigures {
  const timeZone = options.timeZone ?? 'Asia/Ho_Chi_Minh';
  const coveringIndex = hasUsageIndex(db);
  const rounds = options.rounds ?? (coveringIndex ? 30 : 3);
  const span = db
    .prepare(
      "SELECT min(created_at) AS first, max(created_at) AS last, count(*) AS n FROM messages WHERE role = 'assistant'",
    )
    .get() as { first: number | null; last: number | null; n: number };
  if (span.first === null || span.last === null)
    throw new Error('benchUsage: the database has no answers');
  const firstDay = localDayNumber(span.first, timeZone);
  const lastDay = localDayNumber(span.last, timeZone);
  const month = monthBounds(Math.floor((firstDay + lastDay) / 2));
  const monthRange = {
    from: dateOfDayNumber(month.first),
    to: dateOfDayNumber(month.next),
    timeZone,
  };
  const allRange = { from: dateOfDayNumber(firstDay), to: dateOfDayNumber(lastDay + 1), timeZone };
  const now = startOfLocalDay(month.next, timeZone) - 1;
  timeSummary(db, monthRange, now, 1); // warm the page cache: the page is opened on a running app
  const figures: UsageBenchFigures = {
    answers: span.n,
    month: timeSummary(db, monthRange, now, rounds),
    all: timeSummary(db, allRange, now, rounds),
    coveringIndex,
  };
  const line = (name: string, r: UsageBenchFigures['month']) =>
    `usage page data, ${name} ${r.range.from}..${r.range.to} (${r.answers} answers): ` +
    `p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms`;
  console.log(
    `usage: ${span.n} answers; covering index messages_usage: ${coveringIndex ? 'yes' : 'NO'}`,
  );
  console.log(line('this month', figures.month));
  console.log(line('whole history', figures.all));
  return figures;
}

// Standalone: a store with several models, profiles and zones' worth of days.

const MODELS = [
  'deepseek-chat',
  'gpt-4.1',
  'claude-sonnet-4.5',
  'gemini-2.5-flash',
  'gpt-4o-mini',
  'qwen-max',
];
const PROFILES = ['holysheep', 'openrouter', 'local'];

function buildStore(dataDir: string, messages: number): void {
  let seed = 42;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const filler = 'Tiết kiệm chi phí với 中转站 relay, time to first token and streaming. '.repeat(
    40,
  );
  const building = `${dataDir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const db = new Database(join(building, HISTORY_FILE));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  runMigrations(db, MIGRATIONS);
  const started = performance.now();
  const conversations = Math.max(10, Math.round(messages / 100));
  db.transaction(() => {
    const pks: number[] = [];
    const t0 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < conversations; i++) {
      pks.push(
        insertConversation(db, {
          id: crypto.randomUUID(),
          title: `c${i}`,
          titleIsCustom: false,
          pinned: false,
          createdAt: t0,
          updatedAt: t0,
          deletedAt: null,
          model: null,
          profileId: null,
          systemPrompt: null,
          temperature: null,
          contextTurns: null,
        }),
      );
    }
    let t = t0;
    for (let n = 0; n < messages; n++) {
      t += 1000 + Math.floor(rand() * 30_000); // as bench/history.bench.ts: about 16 s apart
      const assistant = n % 2 === 1;
      const model = MODELS[Math.floor(rand() ** 1.5 * MODELS.length)] ?? 'deepseek-chat';
      const prompt = 200 + Math.floor(rand() * 4000);
      const completion = 50 + Math.floor(rand() * 1500);
      const ttft = 150 + Math.floor(rand() ** 3 * 3000);
      const cost =
        !assistant || model === 'qwen-max' ? null : (completion * 0.42 + prompt * 0.28) / 1e6;
      const content = filler.slice(0, 100 + Math.floor(rand() * 1200));
      insertMessageRow(
        db,
        pks[Math.floor(rand() * conversations)] ?? 1,
        {
          id: crypto.randomUUID(),
          conversationId: '',
          role: assistant ? 'assistant' : 'user',
          content,
          reasoning: '',
          status: 'complete',
          model: assistant ? model : null,
          profileId: assistant ? (PROFILES[Math.floor(rand() * PROFILES.length)] ?? null) : null,
          promptTokens: assistant ? prompt : null,
          completionTokens: assistant ? completion : null,
          tokensEstimated: assistant && rand() < 0.05,
          cost,
          ttftMs: assistant ? ttft : null,
          durationMs: assistant ? ttft + completion * 12 : null,
          finishReason: assistant ? 'stop' : null,
          errorKind: null,
          errorMessage: null,
          createdAt: t,
          updatedAt: t,
        },
        false,
      );
    }
  })();
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(building, dataDir);
  console.log(
    `build: ${messages} messages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The target line, as bench/history.bench.ts prints it with its own `target()`. */
function verdict(figures: UsageBenchFigures): void {
  const p95 = figures.month.p95;
  console.log(
    `${p95 <= 100 ? 'PASS' : 'FAIL'}  usage page data, this month (p95): ${p95.toFixed(2)} ms (target ≤ 100 ms)`,
  );
}

function main(): void {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
  const messages = Number(arg('messages')?.split('=')[1] ?? 1_000_000);
  const dataDir = join(tmpdir(), `fleece-usage-bench-${messages}`);
  if (arg('rebuild')) rmSync(dataDir, { recursive: true, force: true });
  if (!existsSync(join(dataDir, HISTORY_FILE))) buildStore(dataDir, messages);
  let db = new Database(join(dataDir, HISTORY_FILE));
  db.pragma('journal_mode = WAL');
  db.exec('DROP INDEX IF EXISTS messages_usage');
  console.log('--- without the covering index (a full table scan per query)');
  verdict(benchUsage(db));
  const t = performance.now();
  db.exec(USAGE_INDEX_SQL);
  console.log(
    `--- CREATE INDEX messages_usage on ${messages} messages: ${((performance.now() - t) / 1000).toFixed(2)} s`,
  );
  // A new connection, as after the migration (the index check is cached per connection).
  db.close();
  db = new Database(join(dataDir, HISTORY_FILE));
  verdict(benchUsage(db));
  const plan = db
    .prepare(
      `EXPLAIN QUERY PLAN SELECT sum(cost) FROM messages WHERE role = 'assistant' AND model IS ? AND profile_id IS ? AND created_at >= ? AND created_at < ?`,
    )
    .all('m', 'p', 0, 1) as { detail: string }[];
  console.log(`plan of one pair-day aggregate: ${plan.map((p) => p.detail).join('; ')}`);
  db.exec('DROP INDEX messages_usage');
  db.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
