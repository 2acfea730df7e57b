import { conversations } from './001-conversations';
import { messages } from './002-messages';
import { searchIndex } from './003-search-index';
import { reasoningDuration } from './004-reasoning-duration';
import { usageIndex } from './005-usage-index';
import { errorDetails } from './006-error-details';
import { conversationOrder } from './007-conversation-order';
import { searchChunks } from './008-search-chunks';
import { searchLongRows } from './009-search-long-rows';
import { attachments } from './010-attachments';
import { messageParts } from './011-message-parts';
import { messageVersions } from './012-message-versions';
import { contextTurnsExtraUsage } from './013-context-turns-extra-usage';
import { comparisons } from './014-comparisons';
import type { Migration } from './types';

export type { Migration } from './types';

/** In order. Append new files; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  conversations,
  messages,
  searchIndex,
  reasoningDuration,
  usageIndex,
  errorDetails,
  conversationOrder,
  searchChunks,
  searchLongRows,
  attachments,
  messageParts,
  messageVersions,
  contextTurnsExtraUsage,
  comparisons,
];
export const LATEST_VERSION = MIGRATIONS.length;
