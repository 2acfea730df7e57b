import { randomUUID } from 'node:crypto';
import type { Comparison } from '../../shared/types/compare';
import type { MessageStatus } from '../../shared/message';
import { stmt, type Db } from './db';
import { requireConversationRow } from './conversationRepository';
import { requireMessageMeta } from './messageRepository';

interface ComparisonRow {
  id: string;
  conversation_id: string;
  question_id: string;
  kept_id: string | null;
  created_at: number;
  /** JSON array of the live answers' ids, in the order the models were chosen. */
  answer_ids: string;
}

// The answers are read in one correlated subquery (served by the primary key), the ids of the
// question and the kept answer through the messages' primary key: one statement per call.
const COMPARISON_COLUMNS = `c.id, conv.id AS conversation_id, q.id AS question_id,
  k.id AS kept_id, c.created_at,
  (SELECT json_group_array(m.id ORDER BY a.position) FROM comparison_answers a
     JOIN messages m ON m.seq = a.message_seq
     WHERE a.comparison_pk = c.pk AND m.deleted_at IS NULL) AS answer_ids`;
const COMPARISON_JOINS = `JOIN conversations conv ON conv.pk = c.conv_pk
  JOIN messages q ON q.seq = c.question_seq
  LEFT JOIN messages k ON k.seq = c.kept_seq`;

function toComparison(row: ComparisonRow): Comparison {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    questionId: row.question_id,
    answerIds: JSON.parse(row.answer_ids) as string[],
    keptId: row.kept_id,
    createdAt: row.created_at,
  };
}

/** Records a question sent to several models and its answers (in the order the models were chosen). */
export function insertComparison(
  db: Db,
  input: { conversationId: string; questionId: string; answerIds: readonly string[] },
  now: number,
): Comparison {
  const conv = requireConversationRow(db, input.conversationId);
  const question = requireMessageMeta(db, input.questionId);
  const id = randomUUID();
  const pk = Number(
    stmt(
      db,
      `INSERT INTO comparisons (id, conv_pk, question_seq, kept_seq, created_at)
       VALUES (?, ?, ?, NULL, ?)`,
    ).run(id, conv.pk, question.seq, now).lastInsertRowid,
  );
  const link = stmt(
    db,
    'INSERT INTO comparison_answers (comparison_pk, position, message_seq) VALUES (?, ?, ?)',
  );
  input.answerIds.forEach((answerId, position) =>
    link.run(pk, position, requireMessageMeta(db, answerId).seq),
  );
  return {
    id,
    conversationId: conv.id,
    questionId: input.questionId,
    answerIds: [...input.answerIds],
    keptId: null,
    createdAt: now,
  };
}

/** The comparison an answer belongs to (null when it was asked alone). */
export function comparisonOfAnswer(db: Db, answerId: string): Comparison | null {
  const row = stmt(
    db,
    `SELECT ${COMPARISON_COLUMNS} FROM comparisons c ${COMPARISON_JOINS}
     WHERE c.pk = (SELECT a.comparison_pk FROM comparison_answers a
       JOIN messages m ON m.seq = a.message_seq WHERE m.id = ? LIMIT 1)`,
  ).get(answerId) as ComparisonRow | undefined;
  return row ? toComparison(row) : null;
}

/** Records the answer the user kept. */
export function setKept(db: Db, comparisonId: string, answerId: string, now: number): void {
  const answer = requireMessageMeta(db, answerId);
  stmt(db, 'UPDATE comparisons SET kept_seq = ?, kept_at = ? WHERE id = ?').run(
    answer.seq,
    now,
    comparisonId,
  );
}

/**
 * The comparisons of a conversation none of whose answers was kept yet, oldest first. Through a
 * partial index: a conversation that never had one costs one empty index lookup.
 */
export function pendingComparisons(db: Db, convPk: number): Comparison[] {
  // The common case (none) answered by the partial index alone, before the joins are planned in.
  const any = stmt(
    db,
    'SELECT 1 FROM comparisons INDEXED BY comparisons_pending WHERE conv_pk = ? AND kept_at IS NULL LIMIT 1',
  ).get(convPk);
  if (any === undefined) return [];
  const rows = stmt(
    db,
    `SELECT ${COMPARISON_COLUMNS} FROM comparisons c INDEXED BY comparisons_pending
     ${COMPARISON_JOINS}
     WHERE c.conv_pk = ? AND c.kept_at IS NULL ORDER BY c.created_at, c.pk`,
  ).all(convPk) as ComparisonRow[];
  return rows.map(toComparison);
}

/** One answer of a recent comparison, as the compare view counts it (no text read). */
export interface ComparedAnswer {
  model: string | null;
  profileId: string | null;
  status: MessageStatus;
  ttftMs: number | null;
  durationMs: number | null;
  completionTokens: number | null;
  cost: number | null;
  tokensEstimated: boolean;
  kept: boolean;
}

interface ComparedAnswerRow {
  model: string | null;
  profile_id: string | null;
  status: MessageStatus;
  ttft_ms: number | null;
  duration_ms: number | null;
  completion_tokens: number | null;
  cost: number | null;
  tokens_estimated: number;
  kept: number;
}

/**
 * The live answers of the `last` newest comparisons, and how many comparisons that is. The
 * newest are found by walking `comparisons_recent` backwards, then their answers and messages by
 * key (CROSS JOIN keeps that order: never a walk over every answer ever compared).
 */
export function recentComparedAnswers(
  db: Db,
  last: number,
): { comparisons: number; answers: ComparedAnswer[] } {
  const recent = `SELECT pk, kept_seq FROM comparisons INDEXED BY comparisons_recent
    ORDER BY created_at DESC, pk DESC LIMIT ?`;
  const comparisons = stmt(db, `SELECT count(*) FROM (${recent})`).pluck().get(last) as number;
  const rows = stmt(
    db,
    `WITH recent AS (${recent})
     SELECT m.model, m.profile_id, m.status, m.ttft_ms, m.duration_ms, m.completion_tokens,
       m.cost, m.tokens_estimated, (m.seq IS r.kept_seq) AS kept
     FROM recent r CROSS JOIN comparison_answers a ON a.comparison_pk = r.pk
     CROSS JOIN messages m ON m.seq = a.message_seq
     WHERE m.deleted_at IS NULL`,
  ).all(last) as ComparedAnswerRow[];
  return {
    comparisons,
    answers: rows.map((r) => ({
      model: r.model,
      profileId: r.profile_id,
      status: r.status,
      ttftMs: r.ttft_ms,
      durationMs: r.duration_ms,
      completionTokens: r.completion_tokens,
      cost: r.cost,
      tokensEstimated: r.tokens_estimated === 1,
      kept: r.kept === 1,
    })),
  };
}
