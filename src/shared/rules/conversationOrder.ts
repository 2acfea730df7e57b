import type { Conversation } from '../types/history';

export type OrderFacts = Pick<Conversation, 'pinned' | 'updatedAt' | 'id'>;

/**
 * The sidebar's order: pinned first, then the latest activity first, then the larger id, so
 * the order is total and a page boundary never splits a tie differently. History's SQL
 * (`ORDER BY pinned DESC, updated_at DESC, id DESC`) lists in exactly this order. (SQLite
 * compares UTF-8 bytes and JavaScript UTF-16 units; they differ only between characters above
 * U+FFFF and those from U+E000 to U+FFFF, which Fleece's UUIDs never hold.)
 */
export function compareConversations(a: OrderFacts, b: OrderFacts): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.updatedAt !== b.updatedAt) return b.updatedAt - a.updatedAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function sortConversations<T extends OrderFacts>(list: readonly T[]): T[] {
  return [...list].sort(compareConversations);
}
