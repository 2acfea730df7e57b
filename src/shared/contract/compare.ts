import { z } from 'zod';
import { route } from './define';
import { questionFields } from './chat';
import {
  COMPARE_MAX_TARGETS,
  COMPARE_MIN_TARGETS,
  type CompareStats,
  type CompareTurn,
} from '../types/compare';
import type { MessagePage } from '../types/history';

export type {
  CompareStats,
  CompareStatsRow,
  CompareTarget,
  CompareTurn,
  Comparison,
} from '../types/compare';

const id = z.string().min(1).max(200);

export const compareRoutes = {
  /**
   * Sends one question to several models at once (as `chat.send`, a new conversation when
   * `conversationId` is omitted): each answer streams as its own message (`chat.deltas`,
   * `chat.done`, its own `chat.stop`), all of them versions of one another under the question.
   */
  'chat.compare': route<CompareTurn>()(
    z
      .object({
        ...questionFields,
        targets: z
          .array(z.object({ model: z.string().min(1).max(200), profileId: id }).strict())
          .min(COMPARE_MIN_TARGETS)
          .max(COMPARE_MAX_TARGETS),
      })
      .strict(),
  ),
  /**
   * Keeps one answer of a comparison as the conversation's continuation: it becomes the version
   * on screen, the conversation goes on with its model and profile, and the comparison records
   * the choice. Returns the page on screen, as `messages.choose` does.
   */
  'chat.keep': route<{ conversationId: string; page: MessagePage }>()(
    z.object({ messageId: id, limit: z.number().int().min(1).max(500).optional() }).strict(),
  ),
  /** The figures of the last `last` comparisons, one row per model and profile. */
  'compare.stats': route<CompareStats>()(
    z.object({ last: z.number().int().min(1).max(1000) }).strict(),
  ),
};
