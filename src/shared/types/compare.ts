/**
 * Several models at once: one question sent to 2–4 models (any profiles). The answers are
 * versions of one another (siblings under the question); the user keeps one as the
 * conversation's continuation and the others stay as versions. Each comparison is recorded, so
 * the compare view can put the figures of the last N in one table per model and profile.
 */
import type { Message } from '../message';

export const COMPARE_MIN_TARGETS = 2;
export const COMPARE_MAX_TARGETS = 4;

/** One model to ask: the model id and the profile (relay) that serves it. */
export interface CompareTarget {
  model: string;
  profileId: string;
}

export interface Comparison {
  id: string;
  conversationId: string;
  /** The question the answers reply to. */
  questionId: string;
  /** The answers, in the order the models were chosen. */
  answerIds: string[];
  /** The answer kept as the continuation; null while the user has not chosen one. */
  keptId: string | null;
  createdAt: number;
}

/** What `chat.compare` returns: the question and its answers as stored (each `streaming`). */
export interface CompareTurn {
  conversationId: string;
  user: Message;
  answers: Message[];
  comparison: Comparison;
  /** As in TurnMessages: for the question and the answers, the ids of all their versions. */
  versions?: Record<string, string[]>;
}

/** The figures of one model on one profile over the comparisons counted. */
export interface CompareStatsRow {
  model: string;
  profileId: string | null;
  /** The profile's name now (null when the profile was deleted). */
  profileName: string | null;
  /** Answers this model gave in the comparisons counted. */
  answers: number;
  /** How many of them the user kept. */
  kept: number;
  /** Answers that ended in an error (they count in no figure below). */
  failed: number;
  /** Time to first token, median and 90th percentile (ms). */
  ttftMsMedian: number | null;
  ttftMsP90: number | null;
  /** Completion tokens per second after the first token, median. */
  tokensPerSecondMedian: number | null;
  /** Cost of one answer, mean, in USD; null when no price is known. */
  costMean: number | null;
  /** True when some token counts were estimated locally (the relay sent no usage). */
  estimated: boolean;
}

export interface CompareStats {
  /** How many comparisons the table covers (at most the N asked for). */
  comparisons: number;
  rows: CompareStatsRow[];
}
