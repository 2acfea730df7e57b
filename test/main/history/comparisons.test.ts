import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import type { Message } from '../../../src/shared/types/history';
import { manualClock, TempDir } from './tempStore';

type Answer = Partial<Message> & { model: string; profileId: string | null };

const NAMES: Record<string, string> = { pa: 'Relay A', pb: 'Relay B' };
const profileName = (id: string): string | null => NAMES[id] ?? null;

describe('comparisons in the history', () => {
  let dir: TempDir;
  let store: HistoryStore;
  let clock: ReturnType<typeof manualClock>;
  beforeEach(async () => {
    dir = new TempDir();
    clock = manualClock();
    store = (await dir.open({ now: clock.now })).store;
  });
  afterEach(() => dir.cleanup());

  /** A question and its answers as a comparison records them (finished, with their figures). */
  function compared(answers: Answer[], conversationId = store.createConversation().id) {
    clock.advance(1000);
    const question = store.appendMessage({ conversationId, role: 'user', content: 'q' });
    const stored = answers.map((a) =>
      store.appendMessage({
        status: 'complete',
        content: `answer of ${a.model}`,
        ...a,
        conversationId,
        role: 'assistant',
        parentId: question.id,
      }),
    );
    const comparison = store.recordComparison({
      conversationId,
      questionId: question.id,
      answerIds: stored.map((m) => m.id),
    });
    return { conversationId, question, answers: stored, comparison };
  }

  const keep = (answer: Message, comparisonId: string): void =>
    store.keepComparedAnswer(comparisonId, store.getMessage(answer.id) as Message);

  it('computes each model and profile’s figures over the comparisons counted', () => {
    // model-a on pa: ttft 100, 300, 200 (median 200, p90 300); speeds 50/(1.1−0.1)=50,
    // 90/(2.1−0.3)=50, 30/(0.8−0.2)=50 → 50; costs 0.01, 0.03 and one unknown → 0.02.
    const runs = [
      compared([
        {
          model: 'model-a',
          profileId: 'pa',
          ttftMs: 100,
          durationMs: 1100,
          completionTokens: 50,
          cost: 0.01,
        },
        {
          model: 'model-b',
          profileId: 'pb',
          ttftMs: 400,
          durationMs: 1400,
          completionTokens: 20,
          cost: null,
          tokensEstimated: true,
        },
      ]),
      compared([
        {
          model: 'model-a',
          profileId: 'pa',
          ttftMs: 300,
          durationMs: 2100,
          completionTokens: 90,
          cost: 0.03,
        },
        {
          model: 'model-b',
          profileId: 'pb',
          status: 'error',
          ttftMs: null,
          durationMs: 50,
          completionTokens: null,
          cost: null,
        },
        {
          model: 'model-a',
          profileId: 'gone',
          ttftMs: 10,
          durationMs: 10,
          completionTokens: 5,
          cost: 0,
        },
      ]),
      compared([
        {
          model: 'model-a',
          profileId: 'pa',
          ttftMs: 200,
          durationMs: 800,
          completionTokens: 30,
          cost: null,
        },
        {
          model: 'model-b',
          profileId: 'pb',
          ttftMs: 600,
          durationMs: 1600,
          completionTokens: 40,
          cost: 0.5,
          tokensEstimated: false,
        },
      ]),
    ];
    keep(runs[0]!.answers[1]!, runs[0]!.comparison.id);
    keep(runs[2]!.answers[1]!, runs[2]!.comparison.id);
    keep(runs[1]!.answers[0]!, runs[1]!.comparison.id);

    const stats = store.compareStats(10, profileName);
    expect(stats.comparisons).toBe(3);
    expect(stats.rows).toEqual([
      {
        model: 'model-b',
        profileId: 'pb',
        profileName: 'Relay B',
        answers: 3,
        kept: 2,
        failed: 1,
        ttftMsMedian: 500,
        ttftMsP90: 600,
        // 20/(1.4−0.4)=20 and 40/(1.6−0.6)=40
        tokensPerSecondMedian: 30,
        costMean: 0.5,
        estimated: true,
      },
      {
        model: 'model-a',
        profileId: 'pa',
        profileName: 'Relay A',
        answers: 3,
        kept: 1,
        failed: 0,
        ttftMsMedian: 200,
        ttftMsP90: 300,
        tokensPerSecondMedian: 50,
        costMean: 0.02,
        estimated: false,
      },
      {
        // A profile deleted since: no name; a duration no longer than the first token: no speed.
        model: 'model-a',
        profileId: 'gone',
        profileName: null,
        answers: 1,
        kept: 0,
        failed: 0,
        ttftMsMedian: 10,
        ttftMsP90: 10,
        tokensPerSecondMedian: null,
        costMean: 0,
        estimated: false,
      },
    ]);
  });

  it('counts only the last N comparisons, newest first, and leaves deleted answers out', () => {
    const old = compared([
      { model: 'model-a', profileId: 'pa', ttftMs: 9000 },
      { model: 'model-b', profileId: 'pb', ttftMs: 9000 },
    ]);
    const recent = [1, 2].map((i) =>
      compared([
        { model: 'model-a', profileId: 'pa', ttftMs: 100 * i },
        { model: 'model-b', profileId: 'pb', ttftMs: 1000 * i },
      ]),
    );
    expect(old.comparison.createdAt).toBeLessThan(recent[0]!.comparison.createdAt);
    let stats = store.compareStats(2, profileName);
    expect(stats.comparisons).toBe(2);
    expect(stats.rows.map((r) => [r.model, r.answers, r.ttftMsMedian])).toEqual([
      ['model-a', 2, 150],
      ['model-b', 2, 1500],
    ]);
    store.deleteMessage(recent[1]!.answers[1]!.id);
    stats = store.compareStats(1, profileName);
    expect(stats.comparisons).toBe(1);
    expect(stats.rows.map((r) => [r.model, r.answers, r.ttftMsMedian])).toEqual([
      ['model-a', 1, 200],
    ]);
    expect(store.compareStats(1000, profileName).comparisons).toBe(3);
  });

  it('an empty history has no figures', () => {
    expect(store.compareStats(20, profileName)).toEqual({ comparisons: 0, rows: [] });
  });

  it('a page lists the comparisons not kept yet whose question is on it', () => {
    const c1 = compared([
      { model: 'model-a', profileId: 'pa' },
      { model: 'model-b', profileId: 'pb' },
    ]);
    const { conversationId } = c1;
    store.chooseVersion(c1.answers[0]!.id);
    const c2 = compared(
      [
        { model: 'model-a', profileId: 'pa' },
        { model: 'model-b', profileId: 'pb' },
      ],
      conversationId,
    );
    store.chooseVersion(c2.answers[0]!.id);
    expect(store.listMessages(conversationId).comparisons).toEqual([c1.comparison, c2.comparison]);
    // A page without the first question leaves its comparison out.
    expect(store.listMessages(conversationId, { limit: 2 }).comparisons).toEqual([c2.comparison]);
    keep(c2.answers[1]!, c2.comparison.id);
    const page = store.listMessages(conversationId);
    expect(page.messages.map((m) => m.id)).toEqual([
      c1.question.id,
      c1.answers[0]!.id,
      c2.question.id,
      c2.answers[1]!.id,
    ]);
    expect(page.comparisons).toEqual([c1.comparison]);
    expect(store.comparisonOfAnswer(c2.answers[0]!.id)).toEqual({
      ...c2.comparison,
      keptId: c2.answers[1]!.id,
    });
    // A deleted answer leaves the comparison's answers.
    store.deleteMessage(c1.answers[1]!.id);
    expect(store.listMessages(conversationId).comparisons).toEqual([
      { ...c1.comparison, answerIds: [c1.answers[0]!.id] },
    ]);
    // A conversation that never had one: no field at all.
    const plain = store.createConversation().id;
    store.appendMessage({ conversationId: plain, role: 'user', content: 'hi' });
    expect(store.listMessages(plain)).not.toHaveProperty('comparisons');
  });

  it('purging a conversation removes its comparisons; export and import go on without them', async () => {
    const kept = compared([
      { model: 'model-a', profileId: 'pa' },
      { model: 'model-b', profileId: 'pb' },
    ]);
    const purged = compared([
      { model: 'model-a', profileId: 'pa' },
      { model: 'model-b', profileId: 'pb' },
    ]);
    const exported = JSON.parse(JSON.stringify(store.exportAll())) as unknown;
    store.trashConversation(purged.conversationId);
    store.purgeConversation(purged.conversationId);
    const count = (table: string): number =>
      store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    expect(count('comparisons')).toBe(1);
    expect(count('comparison_answers')).toBe(2);
    expect(store.comparisonOfAnswer(purged.answers[0]!.id)).toBeNull();
    expect(store.comparisonOfAnswer(kept.answers[0]!.id)).toEqual(kept.comparison);

    // The export carries the answers as versions; importing them back adds the purged one.
    const report = store.importHistory(exported);
    expect(report).toMatchObject({ conversationsAdded: 1, messagesAdded: 3 });
    expect(store.allMessages(purged.conversationId)).toHaveLength(3);
    expect(store.comparisonOfAnswer(purged.answers[0]!.id)).toBeNull();
    const target = (await dir.open({ fileName: 'other.sqlite' })).store;
    expect(target.importHistory(exported)).toMatchObject({
      conversationsAdded: 2,
      messagesAdded: 6,
    });
    expect(target.compareStats(10, profileName)).toEqual({ comparisons: 0, rows: [] });
  });

  it('deleting messages for good at the next start takes their links, and the question its comparison', async () => {
    const c = compared([
      { model: 'model-a', profileId: 'pa' },
      { model: 'model-b', profileId: 'pb' },
      { model: 'model-c', profileId: 'pb' },
    ]);
    keep(c.answers[2]!, c.comparison.id);
    const other = compared([
      { model: 'model-a', profileId: 'pa' },
      { model: 'model-b', profileId: 'pb' },
    ]);
    store.deleteMessage(c.answers[1]!.id);
    store.deleteMessage(c.answers[2]!.id);
    store.deleteMessage(other.question.id);
    store.close();
    const reopened = (await dir.open({ now: clock.now })).store;
    expect(reopened.comparisonOfAnswer(c.answers[0]!.id)).toEqual({
      ...c.comparison,
      answerIds: [c.answers[0]!.id],
      keptId: null,
    });
    // Kept, though the kept answer is gone: not pending again.
    expect(reopened.listMessages(c.conversationId).comparisons).toBeUndefined();
    expect(reopened.comparisonOfAnswer(other.answers[0]!.id)).toBeNull();
    expect(reopened.compareStats(10, profileName).comparisons).toBe(1);
  });
});
