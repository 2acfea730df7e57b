import { sortConversations } from '../../../shared/rules/conversationOrder';
import type { Conversation } from '../../../shared/types/history';

/** Applies a `conversations.changed` event to the loaded list. */
export function upsertConversation(
  list: Conversation[],
  conversation: Conversation | null,
  id: string,
  removed: boolean,
): Conversation[] {
  const rest = list.filter((c) => c.id !== id);
  if (removed || !conversation || conversation.deletedAt !== null) return rest;
  return sortConversations([...rest, conversation]);
}

export type DateGroup = 'pinned' | 'today' | 'yesterday' | 'week' | 'older';

/** Sidebar groups: pinned, Today, Yesterday, Previous 7 days, Older (local calendar days). */
export function groupConversations(
  list: Conversation[],
  now: number,
): { group: DateGroup; items: Conversation[] }[] {
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  const today = startOfToday.getTime();
  const yesterday = new Date(today);
  yesterday.setDate(yesterday.getDate() - 1);
  const weekAgo = new Date(today);
  weekAgo.setDate(weekAgo.getDate() - 7);
  const order: DateGroup[] = ['pinned', 'today', 'yesterday', 'week', 'older'];
  const buckets = new Map<DateGroup, Conversation[]>(order.map((g) => [g, []]));
  for (const c of sortConversations(list)) {
    const g: DateGroup = c.pinned
      ? 'pinned'
      : c.updatedAt >= today
        ? 'today'
        : c.updatedAt >= yesterday.getTime()
          ? 'yesterday'
          : c.updatedAt >= weekAgo.getTime()
            ? 'week'
            : 'older';
    buckets.get(g)?.push(c);
  }
  return order
    .map((group) => ({ group, items: buckets.get(group) ?? [] }))
    .filter((b) => b.items.length > 0);
}
