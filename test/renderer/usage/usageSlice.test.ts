import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createUiSlice, type UiSlice } from '../../../src/renderer/src/store/slices/uiSlice';
import {
  addBudgetAlert,
  createUsageSlice,
  removeBudgetAlert,
  selectBudgetRows,
  selectChartData,
  type UsageSlice,
} from '../../../src/renderer/src/store/slices/usageSlice';
import type { SliceDeps } from '../../../src/renderer/src/store/types';
import type { BudgetAlert, UsageSettings, UsageSummary } from '../../../src/shared/types/usage';
import { createFakeClient } from '../fakeClient';

const settings = (over: Partial<UsageSettings> = {}): UsageSettings => ({
  prices: [],
  pricesAreDefault: true,
  currency: 'USD',
  rates: { CNY: 7.1, VND: 25_400 },
  budgets: {},
  ...over,
});

const zero = {
  answers: 0,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: 0,
  pricedAnswers: 0,
  unpricedAnswers: 0,
  estimatedAnswers: 0,
};

function summary(over: Partial<UsageSummary> = {}): UsageSummary {
  return {
    range: { from: '2025-03-01', to: '2025-04-01', timeZone: 'UTC' },
    totals: zero,
    days: [
      { day: '2025-03-01', ...zero, answers: 2, costUsd: 0.5, pricedAnswers: 2 },
      { day: '2025-03-02', ...zero },
    ],
    models: [],
    profiles: [],
    monthToDate: { month: '2025-03', spentUsd: 0.5, projectedUsd: 15.5, elapsed: 1 / 31 },
    budgets: [{ profileId: 'p1', budgetUsd: 10, spentUsd: 9, ratio: 0.9, level: 80 }],
    generatedAt: 0,
    ...over,
  };
}

const alert = (level: 80 | 100, month = '2025-03', profileId = 'p1'): BudgetAlert => ({
  profileId,
  month,
  level,
  budgetUsd: 10,
  spentUsd: level === 80 ? 8 : 10,
});

describe('usage reducers and selectors', () => {
  it('keeps one budget notice per profile and month, the higher level winning', () => {
    let alerts = addBudgetAlert([], alert(80));
    alerts = addBudgetAlert(alerts, alert(80, '2025-03', 'p2'));
    alerts = addBudgetAlert(alerts, alert(100));
    expect(alerts.map((a) => `${a.profileId} ${a.level}`)).toEqual(['p2 80', 'p1 100']);
    expect(addBudgetAlert(alerts, alert(80)).map((a) => a.level)).toEqual([80, 100]);
    expect(addBudgetAlert(alerts, alert(80, '2025-04')).length).toBe(3);
    expect(removeBudgetAlert(alerts, alert(100)).map((a) => a.profileId)).toEqual(['p2']);
  });

  it('converts the spend per day into the display currency for the chart', () => {
    expect(selectChartData(summary(), settings())).toEqual([
      { day: '2025-03-01', amount: 0.5, answers: 2 },
      { day: '2025-03-02', amount: 0, answers: 0 },
    ]);
    const vnd = selectChartData(
      summary(),
      settings({ currency: 'VND', rates: { CNY: 7, VND: 25_000 } }),
    );
    expect(vnd.map((p) => p.amount)).toEqual([12_500, 0]);
    expect(selectChartData(null, settings())).toEqual([]);
  });

  it('lists every budget with its month spend, zero when the summary has none', () => {
    const rows = selectBudgetRows(settings({ budgets: { p1: 10, p2: 4 } }), summary());
    expect(rows).toEqual([
      { profileId: 'p1', budgetUsd: 10, spentUsd: 9, ratio: 0.9, level: 80 },
      { profileId: 'p2', budgetUsd: 4, spentUsd: 0, ratio: 0, level: null },
    ]);
    expect(selectBudgetRows(null, summary())).toEqual([]);
  });
});

function usageStore(
  routes: Parameters<typeof createFakeClient>[0],
  now = Date.UTC(2025, 2, 15, 12),
) {
  const fake = createFakeClient(routes);
  const store = createStore<UsageSlice & UiSlice>()((set, get) => {
    const deps = { set, get, client: fake.client, now: () => now } as unknown as SliceDeps;
    return { ...createUiSlice(deps), ...createUsageSlice(deps) };
  });
  return { store, ...fake };
}

describe('usage slice', () => {
  it('starts on this month and loads settings, then the summary in the viewer’s zone', async () => {
    const { store, calls } = usageStore({
      'usage.settings.get': () => settings({ currency: 'CNY' }),
      'usage.summary': (r) => summary({ range: { from: r.from, to: r.to, timeZone: r.timeZone } }),
    });
    expect(store.getState().usage.range).toMatchObject({ preset: 'thisMonth' });
    await store.getState().usageActions.load();
    const input = calls.find((c) => c.route === 'usage.summary')?.input as {
      from: string;
      to: string;
      timeZone: string;
    };
    expect(input.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(input.to > input.from).toBe(true);
    expect(store.getState().usage.settings?.currency).toBe('CNY');
    expect(store.getState().usage.summary?.range.from).toBe(input.from);
  });

  it('keeps the newest range when an older request answers last', async () => {
    let releaseSlow: () => void = () => undefined;
    const { store } = usageStore({
      'usage.summary': (r) =>
        r.from === '2025-01-01'
          ? new Promise((resolve) => (releaseSlow = () => resolve(summary({ range: { ...r } }))))
          : summary({ range: { ...r } }),
    });
    const actions = store.getState().usageActions;
    const slow = actions.setCustomRange('2025-01-01', '2025-01-31');
    await actions.setCustomRange('2025-02-01', '2025-02-28');
    releaseSlow();
    await slow;
    expect(store.getState().usage.range).toEqual({
      preset: 'custom',
      from: '2025-02-01',
      to: '2025-03-01',
    });
    expect(store.getState().usage.summary?.range.from).toBe('2025-02-01');
    expect(store.getState().usage.loading).toBe(false);
  });

  it('refuses a custom range that ends before it starts, without asking main', async () => {
    const { store, calls } = usageStore({});
    expect(await store.getState().usageActions.setCustomRange('2025-02-10', '2025-02-01')).toBe(
      false,
    );
    expect(calls).toEqual([]);
  });

  it('marks the data stale when an answer finishes or a budget notice comes, and keeps the notice', async () => {
    const { store } = usageStore({});
    store.getState().usageActions.markStale();
    expect(store.getState().usage.stale).toBe(true);
    store.setState((s) => ({ usage: { ...s.usage, stale: false } }));
    store.getState().usageActions.onBudgetAlert(alert(80));
    expect(store.getState().usage).toMatchObject({ stale: true, alerts: [alert(80)] });
    store.getState().usageActions.dismissAlert(alert(80));
    expect(store.getState().usage.alerts).toEqual([]);
  });

  it('saves prices and settings through main and keeps what main answered', async () => {
    const { store, calls } = usageStore({
      'usage.settings.get': () => settings(),
      'usage.summary': (r) => summary({ range: { ...r } }),
      'prices.update': ({ prices }) => prices.map((p) => ({ ...p, model: p.model.trim() })),
      'usage.settings.update': (p) => settings({ budgets: { p1: p.budgets?.['p1'] ?? 0 } }),
    });
    await store.getState().usageActions.load();
    const saved = await store
      .getState()
      .usageActions.updatePrices([{ model: ' gpt-4.1 ', inputPerMTok: 2, outputPerMTok: 8 }]);
    expect(saved.ok).toBe(true);
    expect(store.getState().usage.settings).toMatchObject({
      pricesAreDefault: false,
      prices: [{ model: 'gpt-4.1' }],
    });
    const before = calls.filter((c) => c.route === 'usage.summary').length;
    await store.getState().usageActions.updateSettings({ budgets: { p1: 12 } });
    expect(store.getState().usage.settings?.budgets).toEqual({ p1: 12 });
    // A budget change reloads the summary, whose budget rows depend on it.
    expect(calls.filter((c) => c.route === 'usage.summary').length).toBe(before + 1);
  });
});
