import type { ChatData } from './chatReducers';

/**
 * Which conversations keep their loaded messages in the store: the few opened (or prefetched)
 * most recently, so switching back to one shows it from memory with no round trip, while a day
 * of browsing hundreds of conversations does not keep them all. Pure functions over ChatData
 * and a most-recent-last list of conversation ids; the chat slice drives them.
 */

/** Enough for the back-and-forth between a handful of conversations; 200 messages each at most. */
export const CACHED_CONVERSATIONS = 8;

/** `id` becomes the most recent. */
export function touch(order: readonly string[], id: string): string[] {
  return [...order.filter((o) => o !== id), id];
}

/** True while the store follows a stream in the conversation: its text is ahead of the disk. */
export function hasLiveMessage(data: ChatData, conversationId: string): boolean {
  const ids = data.threads[conversationId]?.ids ?? [];
  return ids.some((id) => data.lastSeq[id] !== undefined);
}

/** Drops a conversation's loaded messages; its next open reads them from main again. */
export function dropThread(data: ChatData, conversationId: string): ChatData {
  const thread = data.threads[conversationId];
  if (!thread) return data;
  const messages = { ...data.messages };
  for (const id of thread.ids) delete messages[id];
  const threads = { ...data.threads };
  delete threads[conversationId];
  // Its messages' versions go too (the next open reads them again with the page): kept, they
  // would add up over a day of opening conversations with branches.
  if (!thread.ids.some((id) => data.versions[id] !== undefined))
    return { ...data, messages, threads };
  const versions = { ...data.versions };
  for (const id of thread.ids) delete versions[id];
  return { ...data, messages, threads, versions };
}

/**
 * The least recent conversations beyond `capacity`, dropped, except those `keep` holds (the
 * open one, one with a live stream): they stay and do not count against the others.
 */
export function evict(
  data: ChatData,
  order: readonly string[],
  capacity: number,
  keep: (conversationId: string) => boolean,
): { data: ChatData; order: string[] } {
  // A thread loaded without passing through here (a new chat's first turn) counts as oldest.
  const listed = new Set(order);
  const loaded = [
    ...Object.keys(data.threads).filter((id) => !listed.has(id)),
    ...order.filter((id) => data.threads[id] !== undefined),
  ];
  const kept = loaded.filter(keep);
  const others = loaded.filter((id) => !keep(id));
  const excess = Math.max(0, others.length - Math.max(0, capacity - kept.length));
  const dropped = new Set(others.slice(0, excess));
  let next = data;
  for (const id of dropped) next = dropThread(next, id);
  return { data: next, order: loaded.filter((id) => !dropped.has(id)) };
}

/**
 * A conversation changed in main (a message added, edited or removed elsewhere, a title): a
 * cached copy that this store does not keep current itself is dropped. The open conversation
 * and one with a live stream are kept current by this store's own turns and events.
 */
export function invalidate(
  data: ChatData,
  conversationId: string,
  activeId: string | null,
): ChatData {
  if (conversationId === activeId || hasLiveMessage(data, conversationId)) return data;
  return dropThread(data, conversationId);
}
