import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageFixture } from './usageFixture';

const DAY = 86_400_000;

describe.each([
  ['one scan', false],
  ['index seeks', true],
])('monthly budgets (%s)', (_strategy, usageIndex) => {
  let f: UsageFixture;
  const march = Date.UTC(2025, 2, 1);
  beforeEach(async () => {
    f = await UsageFixture.open({ usageIndex });
    f.timeZone = 'Asia/Ho_Chi_Minh';
    f.time = march;
    await f.usage.updateSettings({ budgets: { p1: 10 } });
  });
  afterEach(() => f.close());

  const spend = async (usd: number, at: number, profileId = 'p1') => {
    f.answer({ at, cost: usd, profileId });
    return f.usage.checkBudgets();
  };

  it('gives a notice at 80 % and at 100 %, once each per month', async () => {
    expect(await spend(7.9, march + DAY)).toEqual([]);
    expect(await spend(0.1, march + 2 * DAY)).toEqual([
      {
        profileId: 'p1',
        month: '2025-03',
        level: 80,
        budgetUsd: 10,
        spentUsd: expect.closeTo(8, 9) as number,
      },
    ]);
    expect(await spend(1, march + 3 * DAY)).toEqual([]);
    const at100 = await spend(1.5, march + 4 * DAY);
    expect(at100.map((a) => a.level)).toEqual([100]);
    expect(at100[0]?.spentUsd).toBeCloseTo(10.5, 9);
    expect(await spend(5, march + 5 * DAY)).toEqual([]);
    expect(f.alerts.map((a) => `${a.month} ${a.level}`)).toEqual(['2025-03 80', '2025-03 100']);
  });

  it('announces only 100 % when one answer passes both thresholds', async () => {
    expect((await spend(12, march + DAY)).map((a) => a.level)).toEqual([100]);
    expect(await spend(1, march + 2 * DAY)).toEqual([]);
  });

  it('starts again in a new month (counted in the local zone)', async () => {
    await spend(9, march + DAY);
    // 23:30 on March 31 in Ho Chi Minh City is still March: no new notice.
    expect(await spend(1.5, Date.UTC(2025, 2, 31, 16, 30))).toEqual([
      { profileId: 'p1', month: '2025-03', level: 100, budgetUsd: 10, spentUsd: 10.5 },
    ]);
    // 00:30 on April 1 there: a new month, 8.5 of 10 spent in it.
    const april = await spend(8.5, Date.UTC(2025, 2, 31, 17, 30));
    expect(april).toEqual([
      { profileId: 'p1', month: '2025-04', level: 80, budgetUsd: 10, spentUsd: 8.5 },
    ]);
  });

  it('remembers what it announced across a restart', async () => {
    await spend(8, march + DAY);
    expect(f.alerts).toHaveLength(1);
    await f.reopen();
    expect(await spend(0.5, march + 2 * DAY)).toEqual([]);
    expect(f.alerts).toHaveLength(1);
  });

  it('checks each profile against its own budget; no budget, no notice', async () => {
    await f.usage.updateSettings({ budgets: { p2: 1 } });
    await spend(5, march + DAY, 'p1');
    expect(f.alerts).toEqual([]);
    await spend(2, march + 2 * DAY, 'p2');
    expect(f.alerts.map((a) => [a.profileId, a.level])).toEqual([['p2', 100]]);
    await f.usage.updateSettings({ budgets: { p1: null, p2: null } });
    await spend(50, march + 3 * DAY, 'p1');
    expect(f.alerts).toHaveLength(1);
    expect(f.usage.settings().budgets).toEqual({});
  });

  it('lowering a budget below this month’s spend gives its notice at once', async () => {
    await spend(6, march + DAY);
    expect(f.alerts).toEqual([]);
    await f.usage.updateSettings({ budgets: { p1: 7 } });
    expect(f.alerts.map((a) => a.level)).toEqual([80]);
  });

  it('two answers finishing together announce once', async () => {
    f.answer({ at: march + DAY, cost: 9 });
    const [a, b] = await Promise.all([f.usage.checkBudgets(), f.usage.checkBudgets()]);
    expect([...(a ?? []), ...(b ?? [])].map((x) => x.level)).toEqual([80]);
  });

  it('shows the state of each budget in the summary', async () => {
    f.answer({ at: march + DAY, cost: 8.5 });
    f.time = march + 2 * DAY;
    const s = f.usage.summary({
      from: '2025-03-01',
      to: '2025-04-01',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(s.budgets).toEqual([
      { profileId: 'p1', budgetUsd: 10, spentUsd: 8.5, ratio: 0.85, level: 80 },
    ]);
  });
});
