import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UsageSummary } from '../../../src/shared/types/usage';
import { UsageFixture } from './usageFixture';

const spendByDay = (s: UsageSummary) =>
  Object.fromEntries(s.days.filter((d) => d.answers > 0).map((d) => [d.day, d.costUsd]));

describe.each([
  ['one scan', false],
  ['index seeks', true],
])('usage aggregates on a real history file (%s)', (_strategy, usageIndex) => {
  let f: UsageFixture;
  beforeEach(async () => {
    f = await UsageFixture.open({ usageIndex });
  });
  afterEach(() => f.close());

  describe('days in the viewer’s time zone, across a month boundary', () => {
    beforeEach(() => {
      f.answer({ at: Date.UTC(2025, 0, 1, 3, 0), cost: 8 }); // LA: Dec 31
      f.answer({ at: Date.UTC(2025, 0, 31, 16, 30), cost: 1 }); // VN: Jan 31 23:30
      f.answer({ at: Date.UTC(2025, 0, 31, 17, 30), cost: 2 }); // VN: Feb 1 00:30
      f.answer({ at: Date.UTC(2025, 1, 1, 5, 0), cost: 4 }); // LA: Jan 31 21:00
      f.time = Date.UTC(2025, 1, 10);
    });
    const january = (timeZone: string) =>
      f.usage.summary({ from: '2025-01-01', to: '2025-02-01', timeZone });
    const february = (timeZone: string) =>
      f.usage.summary({ from: '2025-02-01', to: '2025-03-01', timeZone });

    it('UTC', () => {
      expect(spendByDay(january('UTC'))).toEqual({ '2025-01-01': 8, '2025-01-31': 3 });
      expect(spendByDay(february('UTC'))).toEqual({ '2025-02-01': 4 });
    });

    it('Asia/Ho_Chi_Minh (UTC+7): an answer at 00:30 on Feb 1 belongs to February', () => {
      const jan = january('Asia/Ho_Chi_Minh');
      expect(spendByDay(jan)).toEqual({ '2025-01-01': 8, '2025-01-31': 1 });
      expect(jan.totals.costUsd).toBe(9);
      expect(spendByDay(february('Asia/Ho_Chi_Minh'))).toEqual({ '2025-02-01': 6 });
    });

    it('America/Los_Angeles (UTC−8): 03:00 UTC on Jan 1 is still December', () => {
      const jan = january('America/Los_Angeles');
      expect(spendByDay(jan)).toEqual({ '2025-01-31': 7 });
      expect(jan.totals.answers).toBe(3);
      expect(february('America/Los_Angeles').totals.answers).toBe(0);
      const dec = f.usage.summary({
        from: '2024-12-01',
        to: '2025-01-01',
        timeZone: 'America/Los_Angeles',
      });
      expect(spendByDay(dec)).toEqual({ '2024-12-31': 8 });
    });

    it('lists every day of the range, empty days at zero', () => {
      const jan = january('UTC');
      expect(jan.days).toHaveLength(31);
      expect(jan.days[0]?.day).toBe('2025-01-01');
      expect(jan.days[30]?.day).toBe('2025-01-31');
      expect(jan.days[15]).toMatchObject({ day: '2025-01-16', answers: 0, costUsd: 0 });
      expect(february('UTC').days).toHaveLength(28);
    });
  });

  it('buckets by local day across a spring DST change (Berlin, 23-hour day)', () => {
    f.answer({ at: Date.UTC(2025, 2, 29, 22, 30), cost: 1 }); // 23:30 CET Mar 29
    f.answer({ at: Date.UTC(2025, 2, 29, 23, 30), cost: 2 }); // 00:30 CET Mar 30
    f.answer({ at: Date.UTC(2025, 2, 30, 21, 30), cost: 4 }); // 23:30 CEST Mar 30
    f.answer({ at: Date.UTC(2025, 2, 30, 22, 30), cost: 8 }); // 00:30 CEST Mar 31
    const s = f.usage.summary({ from: '2025-03-25', to: '2025-04-05', timeZone: 'Europe/Berlin' });
    expect(spendByDay(s)).toEqual({ '2025-03-29': 1, '2025-03-30': 6, '2025-03-31': 8 });
    const utc = f.usage.summary({ from: '2025-03-25', to: '2025-04-05', timeZone: 'UTC' });
    expect(spendByDay(utc)).toEqual({ '2025-03-29': 3, '2025-03-30': 12 });
  });

  it('buckets by local day across an autumn DST change (New York, 25-hour day)', () => {
    f.answer({ at: Date.UTC(2024, 10, 3, 4, 30), cost: 1 }); // 00:30 EDT Nov 3
    f.answer({ at: Date.UTC(2024, 10, 4, 4, 30), cost: 2 }); // 23:30 EST Nov 3
    f.answer({ at: Date.UTC(2024, 10, 4, 5, 0), cost: 4 }); // 00:00 EST Nov 4
    const s = f.usage.summary({
      from: '2024-11-01',
      to: '2024-11-08',
      timeZone: 'America/New_York',
    });
    expect(spendByDay(s)).toEqual({ '2024-11-03': 3, '2024-11-04': 4 });
  });

  it('splits busy and quiet model/profile pairs into the same local days', () => {
    // Berlin, 2025-10-26 has 25 hours: 24 answers an hour apart from 00:30 local, then one more.
    const start = Date.UTC(2025, 9, 25, 22, 30); // 00:30 CEST Oct 26
    for (let i = 0; i < 25; i++) f.answer({ at: start + i * 3_600_000, model: 'busy', cost: 1 });
    f.answer({ at: start + 25 * 3_600_000, model: 'busy', cost: 100 }); // 00:30 CET Oct 27
    f.answer({ at: start + 60_000, model: 'quiet', profileId: null, cost: 0.5 });
    const s = f.usage.summary({ from: '2025-10-26', to: '2025-10-28', timeZone: 'Europe/Berlin' });
    expect(spendByDay(s)).toEqual({ '2025-10-26': 25.5, '2025-10-27': 100 });
    expect(s.days.map((d) => d.answers)).toEqual([26, 1]);
    expect(s.models.map((m) => [m.model, m.answers])).toEqual([
      ['busy', 26],
      ['quiet', 1],
    ]);
    expect(s.profiles.map((p) => [p.profileId, p.costUsd])).toEqual([
      ['p1', 125],
      [null, 0.5],
    ]);
  });

  it('groups the few answers of a ten-year range by local day', () => {
    f.answer({ at: Date.UTC(2016, 1, 29, 22), model: 'a', cost: 1 }); // Feb 29 in UTC, Mar 1 in Hanoi
    f.answer({ at: Date.UTC(2020, 5, 1, 12), model: 'b', cost: 2 });
    f.answer({ at: Date.UTC(2025, 11, 31, 18), model: 'a', cost: 4 }); // 2026-01-01 01:00 in Hanoi
    const s = f.usage.summary({
      from: '2016-01-01',
      to: '2026-01-01',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(s.days).toHaveLength(3653);
    expect(spendByDay(s)).toEqual({ '2016-03-01': 1, '2020-06-01': 2 });
    expect(s.totals.answers).toBe(2);
  });

  it('adds up spend, tokens and counts per model and per profile', () => {
    const at = Date.UTC(2025, 4, 10, 12);
    f.answer({
      at,
      model: 'deepseek-chat',
      profileId: 'p1',
      prompt: 1000,
      completion: 500,
      cost: 0.00021,
    });
    f.answer({
      at: at + 1,
      model: 'deepseek-chat',
      profileId: 'p2',
      prompt: 10,
      completion: 20,
      cost: 0.0000084,
      estimated: true,
    });
    f.answer({
      at: at + 2,
      model: 'gpt-4.1',
      profileId: 'p1',
      prompt: 300,
      completion: 1000,
      cost: 0.008,
    });
    f.answer({
      at: at + 3,
      model: 'mystery-model',
      profileId: 'p1',
      prompt: 50,
      completion: 70,
      cost: null,
    });
    f.answer({
      at: at + 4,
      model: 'gpt-4.1',
      profileId: null,
      prompt: null,
      completion: null,
      cost: null,
      status: 'error',
      ttftMs: null,
      durationMs: 50,
    });
    const s = f.usage.summary({ from: '2025-05-01', to: '2025-06-01', timeZone: 'UTC' });

    expect(s.totals).toEqual({
      answers: 5,
      promptTokens: 1360,
      completionTokens: 1590,
      costUsd: expect.closeTo(0.0082184, 12) as number,
      pricedAnswers: 3,
      unpricedAnswers: 1,
      estimatedAnswers: 1,
    });
    const model = (name: string) => s.models.find((m) => m.model === name);
    expect(s.models.map((m) => m.model)).toEqual(['gpt-4.1', 'deepseek-chat', 'mystery-model']);
    expect(model('gpt-4.1')).toMatchObject({
      answers: 2,
      promptTokens: 300,
      completionTokens: 1000,
      pricedAnswers: 1,
      coverage: 'output_only',
    });
    expect(model('deepseek-chat')).toMatchObject({
      answers: 2,
      promptTokens: 1010,
      completionTokens: 520,
      estimatedAnswers: 1,
    });
    expect(model('deepseek-chat')?.costUsd).toBeCloseTo(0.0002184, 12);
    expect(model('mystery-model')).toMatchObject({
      costUsd: 0,
      pricedAnswers: 0,
      unpricedAnswers: 1,
      coverage: 'none',
    });

    const profile = (id: string | null) => s.profiles.find((p) => p.profileId === id);
    expect(profile('p1')).toMatchObject({ answers: 3, promptTokens: 1350, completionTokens: 1570 });
    expect(profile('p1')?.costUsd).toBeCloseTo(0.00821, 12);
    expect(profile('p2')).toMatchObject({ answers: 1, estimatedAnswers: 1 });
    expect(profile(null)).toMatchObject({ answers: 1, costUsd: 0, unpricedAnswers: 0 });
  });

  it('gives time to first token p50/p95 and tokens per second per model', () => {
    const at = Date.UTC(2025, 4, 10, 12);
    for (let i = 1; i <= 10; i++) {
      // 100..1000 ms to the first token, then 100 tokens in 1 s of streaming.
      f.answer({
        at: at + i,
        model: 'm',
        ttftMs: i * 100,
        durationMs: i * 100 + 1000,
        completion: 100,
      });
    }
    // Streamed nothing after its first token: no speed, but its time to first token counts.
    f.answer({ at: at + 20, model: 'm', ttftMs: 1100, durationMs: 1100, completion: 100 });
    const s = f.usage.summary({ from: '2025-05-01', to: '2025-06-01', timeZone: 'UTC' });
    const m = s.models[0];
    expect(m?.ttftP50Ms).toBeCloseTo(600, 6);
    expect(m?.ttftP95Ms).toBeCloseTo(1050, 6);
    expect(m?.tokensPerSecond).toBeCloseTo(100, 6);
  });

  it('counts only answers, including those of trashed conversations', () => {
    f.answer({ at: Date.UTC(2025, 4, 2), cost: 1 });
    const trashed = f.history.createConversation();
    f.history.appendMessage({ conversationId: trashed.id, role: 'user', content: 'q' });
    const id = f.answer({ at: Date.UTC(2025, 4, 3), cost: 2 });
    f.history.trashConversation(f.history.getMessage(id)?.conversationId ?? '');
    const s = f.usage.summary({ from: '2025-05-01', to: '2025-06-01', timeZone: 'UTC' });
    expect(s.totals.answers).toBe(2);
    expect(s.totals.costUsd).toBe(3);
  });

  it('gives month-to-date and a projection at the current pace, whatever the range', () => {
    f.answer({ at: Date.UTC(2025, 0, 20), cost: 100 }); // the month before
    f.answer({ at: Date.UTC(2025, 1, 2), cost: 3, profileId: 'p1' });
    f.answer({ at: Date.UTC(2025, 1, 10), cost: 4, profileId: 'p2' });
    f.time = Date.UTC(2025, 1, 15); // 14 of 28 days gone
    const feb = f.usage.summary({ from: '2025-02-01', to: '2025-03-01', timeZone: 'UTC' });
    expect(feb.monthToDate).toEqual({
      month: '2025-02',
      spentUsd: 7,
      projectedUsd: 14,
      elapsed: 0.5,
    });
    const jan = f.usage.summary({ from: '2025-01-01', to: '2025-02-01', timeZone: 'UTC' });
    expect(jan.totals.costUsd).toBe(100);
    expect(jan.monthToDate).toEqual(feb.monthToDate);
  });

  it('projects from at least one day at the very start of a month', () => {
    f.answer({ at: Date.UTC(2025, 3, 1, 0, 5), cost: 2 });
    f.time = Date.UTC(2025, 3, 1, 0, 10);
    const s = f.usage.summary({ from: '2025-04-01', to: '2025-05-01', timeZone: 'UTC' });
    expect(s.monthToDate.projectedUsd).toBeCloseTo(60, 9); // $2 a day × 30 days
  });

  it('refuses an unknown zone and an empty or huge range', () => {
    expect(() =>
      f.usage.summary({ from: '2025-01-01', to: '2025-02-01', timeZone: 'Nowhere/City' }),
    ).toThrow(
      expect.objectContaining({
        text: { code: 'usage_bad_time_zone', params: { zone: 'Nowhere/City' } },
      }),
    );
    expect(() =>
      f.usage.summary({ from: '2025-01-01', to: '2025-01-01', timeZone: 'UTC' }),
    ).toThrow(expect.objectContaining({ text: { code: 'usage_bad_range' } }));
    expect(() =>
      f.usage.summary({ from: '2000-01-01', to: '2025-01-01', timeZone: 'UTC' }),
    ).toThrow(expect.objectContaining({ text: { code: 'usage_bad_range' } }));
  });
});
