import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageFixture } from './usageFixture';

describe.each([
  ['one scan', false],
  ['index seeks', true],
])("generated titles' and summaries' cost on the Usage page (%s)", (_strategy, usageIndex) => {
  let f: UsageFixture;
  beforeEach(async () => {
    f = await UsageFixture.open({ usageIndex });
  });
  afterEach(() => f.close());

  it('counts their tokens and spend with their model and profile, as no answers', () => {
    f.answer({ at: Date.UTC(2025, 0, 5, 10), model: 'deepseek-chat', profileId: 'p1', cost: 0.5 });
    const c = f.history.createConversation({ model: 'deepseek-chat', profileId: 'p1' });
    f.time = Date.UTC(2025, 0, 5, 11);
    f.history.recordExtraUsage({
      kind: 'title',
      conversationId: c.id,
      model: 'gpt-4o-mini',
      profileId: 'p1',
      promptTokens: 120,
      completionTokens: 8,
      cost: 0.25,
      tokensEstimated: false,
    });
    f.history.recordExtraUsage({
      kind: 'summary',
      conversationId: c.id,
      model: 'deepseek-chat',
      profileId: 'p1',
      promptTokens: 2_000,
      completionTokens: 300,
      cost: 0.125,
      tokensEstimated: false,
    });
    const jan = f.usage.summary({ from: '2025-01-01', to: '2025-02-01', timeZone: 'UTC' });
    expect(jan.totals.costUsd).toBe(0.875);
    expect(jan.totals.answers).toBe(1);
    const titleModel = jan.models.find((m) => m.model === 'gpt-4o-mini');
    expect(titleModel).toMatchObject({ costUsd: 0.25, promptTokens: 120, completionTokens: 8 });
    expect(jan.profiles.find((p) => p.profileId === 'p1')?.costUsd).toBe(0.875);
    expect(jan.models.find((m) => m.model === 'deepseek-chat')).toMatchObject({
      answers: 1,
      costUsd: 0.625,
    });
    expect(jan.days.find((d) => d.day === '2025-01-05')?.costUsd).toBe(0.875);
    // Outside the range: not counted.
    const feb = f.usage.summary({ from: '2025-02-01', to: '2025-03-01', timeZone: 'UTC' });
    expect(feb.totals.costUsd).toBe(0);
  });
});
