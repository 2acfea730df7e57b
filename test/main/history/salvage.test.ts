import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import { salvageHistory } from '../../../src/main/history/salvageHistory';
import type { Message } from '../../../src/shared/types/history';
import { TempDir } from './tempStore';

/** What hangs on the messages of a history: a comparison of three models and a title's cost. */
function fill(store: HistoryStore) {
  const conversation = store.createConversation({ title: 'compared' });
  const question = store.appendMessage({
    conversationId: conversation.id,
    role: 'user',
    content: 'Which relay is cheaper?',
  });
  const answers = ['deepseek-chat', 'gpt-4.1', 'qwen-max'].map((model) =>
    store.appendMessage({
      conversationId: conversation.id,
      role: 'assistant',
      parentId: question.id,
      status: 'complete',
      content: `The answer of ${model}`,
      model,
    }),
  );
  const comparison = store.recordComparison({
    conversationId: conversation.id,
    questionId: question.id,
    answerIds: answers.map((a) => a.id),
  });
  store.keepComparedAnswer(comparison.id, store.getMessage(answers[1]!.id) as Message);
  store.recordExtraUsage({
    kind: 'title',
    conversationId: conversation.id,
    model: 'gpt-4o-mini',
    profileId: null,
    promptTokens: 120,
    completionTokens: 8,
    cost: 0.25,
    tokensEstimated: false,
  });
  return { question, answers, comparisonId: comparison.id };
}

const extraUsage = (db: Database.Database): unknown[] =>
  db.prepare('SELECT * FROM extra_usage ORDER BY id').all();

describe('salvaging a history', () => {
  let from: TempDir;
  let into: TempDir;
  beforeEach(() => {
    from = new TempDir();
    into = new TempDir();
  });
  afterEach(() => {
    from.cleanup();
    into.cleanup();
  });

  it('keeps comparisons, their kept answer and the cost of generated titles', async () => {
    const { store } = await from.open();
    const { answers, comparisonId } = fill(store);
    const comparison = store.comparisonOfAnswer(answers[0]!.id);
    const usage = extraUsage(store.db);
    store.close();

    const { store: fresh } = await into.open();
    const counts = salvageHistory(from.file(), fresh.db);

    expect(counts).toEqual({ conversations: 1, messages: 4 });
    expect(comparison?.id).toBe(comparisonId);
    expect(comparison?.keptId).toBe(answers[1]!.id);
    for (const answer of answers) expect(fresh.comparisonOfAnswer(answer.id)).toEqual(comparison);
    expect(extraUsage(fresh.db)).toEqual(usage);
    expect(usage).toHaveLength(1);
  });

  it('leaves out a comparison whose question was lost, keeping its answers', async () => {
    const { store } = await from.open();
    const { question, answers } = fill(store);
    store.close();
    // The question's row sits on a damaged page: it is gone, the rows naming it are not.
    const damaged = new Database(from.file());
    damaged.pragma('foreign_keys = OFF');
    damaged.prepare('DELETE FROM messages WHERE id = ?').run(question.id);
    damaged.close();

    const { store: fresh } = await into.open();
    salvageHistory(from.file(), fresh.db);

    for (const answer of answers) {
      expect(fresh.getMessage(answer.id)?.content).toBe(answer.content);
      expect(fresh.comparisonOfAnswer(answer.id)).toBeNull();
    }
    expect(fresh.db.prepare('SELECT count(*) FROM comparison_answers').pluck().get()).toBe(0);
    expect(extraUsage(fresh.db)).toHaveLength(1);
  });
});
