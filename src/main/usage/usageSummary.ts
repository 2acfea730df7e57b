import type {
  DayUsage,
  ModelUsage,
  PriceEntry,
  ProfileUsage,
  UsageRange,
  UsageSummary,
  UsageTotals,
} from '../../shared/types/usage';
import type { Db } from '../history/db';
import { budgetStatuses } from './budgets';
import { findPrice, priceCoverage } from './prices';
import {
  spendByProfile,
  usageGroups,
  usageLatency,
  type GroupRow,
  type UsageWindow,
} from './usageRepository';
import {
  DAY_MS,
  dateOfDayNumber,
  dayNumberOf,
  localDayNumber,
  localDayStarts,
  monthBounds,
  monthOfDay,
  startOfLocalDay,
} from '../../shared/rules/localDays';

export interface SummaryOptions {
  now: number;
  prices: readonly PriceEntry[];
  budgets: Readonly<Record<string, number>>;
}

/** The instants a range of local days covers, each day's bounds and the zone's offsets. */
export function usageWindow(range: UsageRange): UsageWindow & { fromDay: number; toDay: number } {
  const fromDay = dayNumberOf(range.from);
  const toDay = dayNumberOf(range.to);
  const { starts, segments } = localDayStarts(fromDay, toDay, range.timeZone);
  const days: UsageWindow['days'][number][] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    days.push({ day: fromDay + i, start: starts[i] ?? 0, end: starts[i + 1] ?? 0 });
  }
  return { fromDay, toDay, from: starts[0] ?? 0, to: starts.at(-1) ?? 0, days, segments };
}

export function emptyTotals(): UsageTotals {
  return {
    answers: 0,
    promptTokens: 0,
    completionTokens: 0,
    costUsd: 0,
    pricedAnswers: 0,
    unpricedAnswers: 0,
    estimatedAnswers: 0,
  };
}

function add(into: UsageTotals, row: GroupRow): void {
  into.answers += row.answers;
  into.promptTokens += row.promptTokens;
  into.completionTokens += row.completionTokens;
  into.costUsd += row.costUsd;
  into.pricedAnswers += row.pricedAnswers;
  into.unpricedAnswers += row.unpricedAnswers;
  into.estimatedAnswers += row.estimatedAnswers;
}

function byCost<T extends UsageTotals>(a: T, b: T): number {
  return b.costUsd - a.costUsd || b.answers - a.answers;
}

/** The Usage page's data: groups per day, model and profile; latency per model; the month's spend. */
export function loadUsageSummary(db: Db, range: UsageRange, options: SummaryOptions): UsageSummary {
  const tz = range.timeZone;
  const window = usageWindow(range);
  const { fromDay, toDay, from, to } = window;
  const rows = usageGroups(db, window);

  const totals = emptyTotals();
  const days: DayUsage[] = [];
  for (let d = fromDay; d < toDay; d++) days.push({ day: dateOfDayNumber(d), ...emptyTotals() });
  const models = new Map<string | null, ModelUsage>();
  const profiles = new Map<string | null, ProfileUsage>();
  for (const row of rows) {
    add(totals, row);
    // A clock set back across midnight can put an instant a day outside its range: keep it in.
    const day = days[Math.min(Math.max(row.day, fromDay), toDay - 1) - fromDay];
    if (day) add(day, row);
    let m = models.get(row.model);
    if (!m) {
      const coverage =
        row.model === null ? 'none' : priceCoverage(findPrice(options.prices, row.model));
      m = {
        model: row.model,
        ...emptyTotals(),
        ttftP50Ms: null,
        ttftP95Ms: null,
        tokensPerSecond: null,
        coverage,
      };
      models.set(row.model, m);
    }
    add(m, row);
    let p = profiles.get(row.profileId);
    if (!p) profiles.set(row.profileId, (p = { profileId: row.profileId, ...emptyTotals() }));
    add(p, row);
  }
  for (const l of usageLatency(db, from, to)) {
    const m = models.get(l.model);
    if (!m) continue;
    m.ttftP50Ms = l.ttftP50Ms;
    m.ttftP95Ms = l.ttftP95Ms;
    m.tokensPerSecond =
      l.streamedTokens && l.streamingMs ? (l.streamedTokens / l.streamingMs) * 1000 : null;
  }

  const today = localDayNumber(options.now, tz);
  const month = monthBounds(today);
  const monthStart = startOfLocalDay(month.first, tz);
  const monthEnd = startOfLocalDay(month.next, tz);
  let monthSpend: Map<string | null, number>;
  if (fromDay <= month.first && toDay >= month.next) {
    monthSpend = new Map();
    for (const row of rows) {
      if (row.day >= month.first && row.day < month.next) {
        monthSpend.set(row.profileId, (monthSpend.get(row.profileId) ?? 0) + row.costUsd);
      }
    }
  } else {
    monthSpend = spendByProfile(db, monthStart, monthEnd);
  }
  let spentUsd = 0;
  for (const v of monthSpend.values()) spentUsd += v;
  const elapsed = Math.min(1, Math.max(0, (options.now - monthStart) / (monthEnd - monthStart)));
  // The pace is taken over at least one day, so one answer at 00:05 on the 1st does not project a fortune.
  const paceShare = Math.min(
    1,
    Math.max(options.now - monthStart, DAY_MS) / (monthEnd - monthStart),
  );

  return {
    range,
    totals,
    days,
    models: [...models.values()].sort(byCost),
    profiles: [...profiles.values()].sort(byCost),
    monthToDate: {
      month: monthOfDay(today),
      spentUsd,
      projectedUsd: spentUsd / paceShare,
      elapsed,
    },
    budgets: budgetStatuses(options.budgets, monthSpend),
    generatedAt: options.now,
  };
}
