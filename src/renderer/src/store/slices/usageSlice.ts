import type { AppError } from '../../../../shared/result';
import type {
  BudgetAlert,
  PriceEntry,
  UsageSettings,
  UsageSettingsPatch,
  UsageSummary,
} from '../../../../shared/types/usage';
import { rateOf } from '../../components/usage/money';
import {
  customRange,
  rangeForPreset,
  type DayRange,
  type RangePreset,
} from '../../components/usage/usageRange';
import type { SliceDeps } from '../types';
import type { ActionResult } from './settingsSlice';

export interface UsageState {
  range: DayRange;
  summary: UsageSummary | null;
  loading: boolean;
  error: AppError | null;
  /** An answer finished since the summary was loaded. */
  stale: boolean;
  settings: UsageSettings | null;
  /** Budget notices from main, newest last; shown until dismissed. */
  alerts: BudgetAlert[];
}

export interface UsageSlice {
  usage: UsageState;
  usageActions: {
    /** Settings and the summary of the current range. */
    load(): Promise<void>;
    setPreset(preset: Exclude<RangePreset, 'custom'>): Promise<void>;
    setCustomRange(first: string, last: string): Promise<boolean>;
    refresh(): Promise<void>;
    markStale(): void;
    updateSettings(patch: UsageSettingsPatch): Promise<ActionResult<UsageSettings>>;
    updatePrices(prices: PriceEntry[]): Promise<ActionResult<PriceEntry[]>>;
    resetPrices(): Promise<ActionResult<PriceEntry[]>>;
    exportCsv(): Promise<ActionResult<{ fileName: string; csv: string }>>;
    onBudgetAlert(alert: BudgetAlert): void;
    dismissAlert(alert: BudgetAlert): void;
  };
}

// Pure reducers and selectors (tested without React or a store).

/** One notice per profile and month: a later, higher level replaces the earlier one. */
export function addBudgetAlert(alerts: readonly BudgetAlert[], alert: BudgetAlert): BudgetAlert[] {
  const same = (a: BudgetAlert) => a.profileId === alert.profileId && a.month === alert.month;
  const existing = alerts.find(same);
  if (existing && existing.level >= alert.level) return [...alerts];
  return [...alerts.filter((a) => !same(a)), alert];
}

export function removeBudgetAlert(
  alerts: readonly BudgetAlert[],
  alert: BudgetAlert,
): BudgetAlert[] {
  return alerts.filter((a) => !(a.profileId === alert.profileId && a.month === alert.month));
}

export interface ChartPoint {
  day: string;
  /** Spend in the display currency. */
  amount: number;
  answers: number;
}

export function selectChartData(
  summary: UsageSummary | null,
  settings: UsageSettings | null,
): ChartPoint[] {
  if (!summary) return [];
  const { rate } = rateOf(settings);
  return summary.days.map((d) => ({ day: d.day, amount: d.costUsd * rate, answers: d.answers }));
}

/** The budget of each profile that has one, joined with the month's spend (0 when none yet). */
export function selectBudgetRows(
  settings: UsageSettings | null,
  summary: UsageSummary | null,
): {
  profileId: string;
  budgetUsd: number;
  spentUsd: number;
  ratio: number;
  level: 80 | 100 | null;
}[] {
  if (!settings) return [];
  return Object.entries(settings.budgets).map(([profileId, budgetUsd]) => {
    const status = summary?.budgets.find((b) => b.profileId === profileId);
    const spentUsd = status?.spentUsd ?? 0;
    const ratio = spentUsd / budgetUsd;
    return {
      profileId,
      budgetUsd,
      spentUsd,
      ratio,
      level: ratio >= 1 ? 100 : ratio >= 0.8 ? 80 : null,
    };
  });
}

/**
 * This month in the viewer's zone from the Date object's local fields (the same zone): no Intl
 * time-zone formatter at start-up, where building one costs tens of milliseconds. The Usage
 * screen recomputes its range when it loads.
 */
export function initialRange(now: number): DayRange {
  const d = new Date(now);
  const first = (year: number, month: number): string =>
    new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return {
    preset: 'thisMonth',
    from: first(d.getFullYear(), d.getMonth()),
    to: first(d.getFullYear(), d.getMonth() + 1),
  };
}

/** The browser's zone: the days of the page are the user's days. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function createUsageSlice({ set, get, client, now }: SliceDeps): UsageSlice {
  // Only the newest request may land: a slow answer for an old range must not replace a new one.
  let requestSeq = 0;
  const patch = (p: Partial<UsageState>) => set((s) => ({ usage: { ...s.usage, ...p } }));

  const fetchSummary = async (range: DayRange): Promise<void> => {
    const seq = ++requestSeq;
    patch({ range, loading: true, error: null });
    const res = await client.call('usage.summary', {
      from: range.from,
      to: range.to,
      timeZone: viewerTimeZone(),
    });
    if (seq !== requestSeq) return;
    if (res.ok) patch({ summary: res.data, loading: false, stale: false });
    else patch({ loading: false, error: res.error });
  };

  return {
    usage: {
      range: initialRange(now()),
      summary: null,
      loading: false,
      error: null,
      stale: false,
      settings: null,
      alerts: [],
    },
    usageActions: {
      async load() {
        const settings = await client.call('usage.settings.get', {});
        if (settings.ok) patch({ settings: settings.data });
        else get().ui.showToast(settings.error);
        const range = get().usage.range;
        await fetchSummary(
          range.preset === 'custom' ? range : rangeForPreset(range.preset, now(), viewerTimeZone()),
        );
      },
      setPreset: (preset) => fetchSummary(rangeForPreset(preset, now(), viewerTimeZone())),
      async setCustomRange(first, last) {
        const range = customRange(first, last);
        if (!range) return false;
        await fetchSummary(range);
        return true;
      },
      refresh: () => fetchSummary(get().usage.range),
      markStale: () => patch({ stale: true }),

      async updateSettings(p) {
        const res = await client.call('usage.settings.update', p);
        if (res.ok) {
          patch({ settings: res.data });
          // Budgets feed the summary's budget rows.
          if (p.budgets) await fetchSummary(get().usage.range);
        }
        return res;
      },
      async updatePrices(prices) {
        const res = await client.call('prices.update', { prices });
        const settings = get().usage.settings;
        if (res.ok && settings)
          patch({ settings: { ...settings, prices: res.data, pricesAreDefault: false } });
        return res;
      },
      async resetPrices() {
        const res = await client.call('prices.reset', {});
        const settings = get().usage.settings;
        if (res.ok && settings)
          patch({ settings: { ...settings, prices: res.data, pricesAreDefault: true } });
        return res;
      },
      exportCsv() {
        const { from, to } = get().usage.range;
        return client.call('usage.exportCsv', { from, to, timeZone: viewerTimeZone() });
      },
      onBudgetAlert: (alert) =>
        patch({ alerts: addBudgetAlert(get().usage.alerts, alert), stale: true }),
      dismissAlert: (alert) => patch({ alerts: removeBudgetAlert(get().usage.alerts, alert) }),
    },
  };
}
