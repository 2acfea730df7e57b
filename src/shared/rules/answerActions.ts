import type { Message } from '../types/history';

/** What the rules need to know about a message: both processes hold at least this much. */
export type AnswerFacts = Pick<Message, 'role' | 'status' | 'finishReason' | 'content'>;

/** Why an answer cannot be continued; null when it can. */
export type ContinueRefusal = 'not_answer' | 'finished' | 'no_text' | 'not_last';

/** Why an answer cannot be regenerated; null when it can. */
export type RegenerateRefusal = 'not_answer' | 'not_last';

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
 * Regenerate replaces the last answer only: the turns after an older answer are the user's, and
 * asking an earlier question again is what edit and resend is for.
 */
export function regenerateRefusal(
  message: Pick<Message, 'role'>,
  isLast: boolean,
): RegenerateRefusal | null {
  if (message.role !== 'assistant') return 'not_answer';
  if (!isLast) return 'not_last';
  return null;
}
