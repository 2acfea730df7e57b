import type { Message } from '../types/history';

/** What the rules need to know about a message: both processes hold at least this much. */
export type AnswerFacts = Pick<Message, 'role' | 'status' | 'finishReason' | 'content'>;

/** Why an answer cannot be continued; null when it can. */
export type ContinueRefusal = 'not_answer' | 'finished' | 'no_text' | 'not_last';

/** Why an answer cannot be regenerated; null when it can. */
export type RegenerateRefusal = 'not_answer';

/**
 * Continue appends to the same message, so it needs an answer that ended early (stopped,
 * interrupted, or cut at the length limit), has text to go on from (reasoning alone gives the
 * model nothing to resume: Regenerate asks again instead), and is the conversation's last
 * message (the prompt ends with it).
 */
export function continueRefusal(message: AnswerFacts, isLast: boolean): ContinueRefusal | null {
  if (message.role !== 'assistant') return 'not_answer';
  const endedEarly =
    message.status === 'stopped' ||
    message.status === 'interrupted' ||
    (message.status === 'complete' && message.finishReason === 'length');
  if (!endedEarly) return 'finished';
  if (message.content === '') return 'no_text';
  if (!isLast) return 'not_last';
  return null;
}

export function canContinue(message: AnswerFacts, isLast: boolean): boolean {
  return continueRefusal(message, isLast) === null;
}

/**
 * Any answer can be regenerated: the new answer is another version beside it, and the earlier
 * one keeps whatever followed it (nothing is deleted).
 */
export function regenerateRefusal(message: Pick<Message, 'role'>): RegenerateRefusal | null {
  if (message.role !== 'assistant') return 'not_answer';
  return null;
}
