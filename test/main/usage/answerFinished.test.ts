import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageFixture } from './usageFixture';

const DAY = 86_400_000;

describe('UsageService.answerFinished', () => {
  let f: UsageFixture;
  const march = Date.UTC(2025, 2, 1);
  beforeEach(async () => {
    f = await UsageFixture.open();
    f.timeZone = 'UTC';
    f.time = march;
    await f.usage.updateSettings({ budgets: { p1: 10 } });
  });
  afterEach(() => f.close());

  it('checks the budgets after an answer with a cost, and announces a crossed level', async () => {
    f.answer({ at: march + DAY, cost: 8.5, profileId: 'p1' });
    const alerts = await f.usage.answerFinished(8.5);
    expect(alerts.map((a) => [a.profileId, a.level])).toEqual([['p1', 80]]);
    expect(f.alerts.map((a) => a.level)).toEqual([80]);
  });

  it('does not check after an answer without a cost', async () => {
    f.answer({ at: march + DAY, cost: 9, profileId: 'p1' });
    expect(await f.usage.answerFinished(null)).toEqual([]);
    expect(f.alerts).toEqual([]);
  });
});
