import type { ChatDelta, ChatDone, TurnMessages } from '../../../shared/contract/chat';
import type { Message, MessagePage } from '../../../shared/types/history';
import type { Comparison, CompareTurn } from '../../../shared/types/compare';

/** Messages by id and each conversation's ordered ids. Pure data; reducers below never mutate. */
export interface ChatData {
  messages: Record<string, Message>;
  threads: Record<string, Thread>;
  /** Last applied delta `seq` per streaming message. */
  lastSeq: Record<string, number>;
  /** For a message on screen with other versions: the ids of all of them, in order. */
  versions: Record<string, string[]>;
  /**
   * Comparisons (one question, several models) none of whose answers is kept yet, by id: their
   * answers are shown side by side until the user keeps one.
   */
  comparisons: Record<string, Comparison>;
}

export interface Thread {
  ids: string[];
  hasMore: boolean;
}

export const emptyChatData: ChatData = {
  messages: {},
  threads: {},
  lastSeq: {},
  versions: {},
  comparisons: {},
};

/** A conversation's pending comparisons replaced by `list` (none when omitted). */
function withComparisons(
  data: ChatData,
  conversationId: string,
  list: readonly Comparison[] = [],
): Record<string, Comparison> {
  const mine = Object.values(data.comparisons).filter((c) => c.conversationId === conversationId);
  if (mine.length === 0 && list.length === 0) return data.comparisons;
  const comparisons = { ...data.comparisons };
  for (const c of mine) delete comparisons[c.id];
  for (const c of list) if (c.keptId === null) comparisons[c.id] = c;
  return comparisons;
}

/** A message this store follows live (its deltas are applied): disk has an older checkpoint. */
function isLive(data: ChatData, id: string): boolean {
  return data.lastSeq[id] !== undefined && data.messages[id]?.status === 'streaming';
}

/** The versions a page reports for its messages, over what was known of them. */
function withVersions(data: ChatData, page: MessagePage): Record<string, string[]> {
  const versions = { ...data.versions };
  for (const m of page.messages) {
    const ids = page.versions?.[m.id];
    if (ids && ids.length > 1) versions[m.id] = ids;
    else delete versions[m.id];
  }
  return versions;
}

/**
 * The ids of a page, with the answers of its pending comparisons that it leaves out (main's page
 * follows one version) but this store holds: each after the answer of its comparison on the page.
 */
function pageIds(data: ChatData, page: MessagePage): string[] {
  const ids = page.messages.map((m) => m.id);
  if (!page.comparisons?.length) return ids;
  const onPage = new Set(ids);
  for (const c of page.comparisons) {
    if (c.keptId !== null) continue;
    const at = ids.findIndex((id) => c.answerIds.includes(id));
    if (at < 0) continue;
    const held = c.answerIds.filter((id) => !onPage.has(id) && data.messages[id]);
    ids.splice(at + 1, 0, ...held);
    for (const id of held) onPage.add(id);
  }
  return ids;
}

/** Replaces a conversation's loaded messages with the newest page (of the path on screen). */
export function loadThread(data: ChatData, conversationId: string, page: MessagePage): ChatData {
  const messages = { ...data.messages };
  const ids = pageIds(data, page);
  // Messages of the page shown before that left the screen (another version was chosen).
  const shown = new Set(ids);
  for (const id of data.threads[conversationId]?.ids ?? [])
    if (!shown.has(id) && !isLive(data, id)) delete messages[id];
  for (const m of page.messages) if (!isLive(data, m.id)) messages[m.id] = m;
  return {
    ...data,
    messages,
    versions: withVersions(data, page),
    comparisons: withComparisons(data, conversationId, page.comparisons),
    threads: {
      ...data.threads,
      [conversationId]: { ids, hasMore: page.hasMore },
    },
  };
}

/** Adds an older page before what is loaded. */
export function prependPage(data: ChatData, conversationId: string, page: MessagePage): ChatData {
  const thread = data.threads[conversationId] ?? { ids: [], hasMore: false };
  const known = new Set(thread.ids);
  const older = page.messages.filter((m) => !known.has(m.id));
  const messages = { ...data.messages };
  for (const m of older) if (!isLive(data, m.id)) messages[m.id] = m;
  return {
    ...data,
    messages,
    versions: withVersions(data, { ...page, messages: older }),
    comparisons: page.comparisons?.length
      ? {
          ...data.comparisons,
          ...Object.fromEntries(
            page.comparisons.filter((c) => c.keptId === null).map((c) => [c.id, c]),
          ),
        }
      : data.comparisons,
    threads: {
      ...data.threads,
      [conversationId]: { ids: [...older.map((m) => m.id), ...thread.ids], hasMore: page.hasMore },
    },
  };
}

/** Inserts or replaces one message, appending it to its thread when new. */
export function upsertMessage(data: ChatData, message: Message): ChatData {
  const thread = data.threads[message.conversationId] ?? { ids: [], hasMore: false };
  const ids = thread.ids.includes(message.id) ? thread.ids : [...thread.ids, message.id];
  return {
    ...data,
    messages: { ...data.messages, [message.id]: message },
    threads: { ...data.threads, [message.conversationId]: { ...thread, ids } },
  };
}

/** Drops the given messages from the store and their thread. */
export function removeMessages(data: ChatData, conversationId: string, ids: string[]): ChatData {
  if (ids.length === 0) return data;
  const drop = new Set(ids);
  const messages = { ...data.messages };
  for (const id of ids) delete messages[id];
  const thread = data.threads[conversationId];
  return {
    ...data,
    messages,
    threads: thread
      ? {
          ...data.threads,
          [conversationId]: { ...thread, ids: thread.ids.filter((i) => !drop.has(i)) },
        }
      : data.threads,
  };
}

export type DeltaOutcome = { data: ChatData; gap: boolean };

/**
 * Appends a delta to its message. Only that message object changes, so only its component
 * re-renders. A repeated or older `seq` is ignored. A `seq` that skips ahead is not applied
 * (its base text is missing): it reports a gap and the caller resynchronises from main.
 * A message loaded from disk while streaming has no known seq: its first delta is a gap too,
 * unless it is the stream's first.
 */
export function applyDelta(data: ChatData, delta: ChatDelta): DeltaOutcome {
  const { data: next, gaps } = applyDeltas(data, [delta]);
  return { data: next, gap: gaps.length > 0 };
}

/**
 * Applies a frame's deltas at once, as `applyDelta` one after the other would, but copying the
 * message map once. After a gap, the message's later deltas are not applied either: each gap
 * comes back with them (`[the delta after the gap, …the later ones]`) for the resynchronisation.
 */
export function applyDeltas(
  data: ChatData,
  deltas: readonly ChatDelta[],
): { data: ChatData; gaps: ChatDelta[][] } {
  const changed = new Map<string, { message: Message; seq: number }>();
  const gaps = new Map<string, ChatDelta[]>();
  for (const delta of deltas) {
    const gap = gaps.get(delta.messageId);
    if (gap) {
      gap.push(delta);
      continue;
    }
    const done = changed.get(delta.messageId);
    const message = done?.message ?? data.messages[delta.messageId];
    if (!message) continue;
    const last =
      done?.seq ?? data.lastSeq[delta.messageId] ?? (message.status === 'streaming' ? null : 0);
    if (last !== null && delta.seq <= last) continue;
    if (last === null ? delta.seq !== 1 : delta.seq !== last + 1) {
      gaps.set(delta.messageId, [delta]);
      continue;
    }
    changed.set(delta.messageId, {
      message: {
        ...message,
        status: 'streaming',
        content: delta.content ? message.content + delta.content : message.content,
        reasoning: delta.reasoning ? message.reasoning + delta.reasoning : message.reasoning,
      },
      seq: delta.seq,
    });
  }
  if (changed.size === 0) return { data, gaps: [...gaps.values()] };
  const messages = { ...data.messages };
  const lastSeq = { ...data.lastSeq };
  for (const [id, { message, seq }] of changed) {
    messages[id] = message;
    lastSeq[id] = seq;
  }
  return { data: { ...data, messages, lastSeq }, gaps: [...gaps.values()] };
}

/** Replaces a streaming message's text with main's snapshot, as of delta `seq`. */
export function applySnapshot(
  data: ChatData,
  messageId: string,
  snapshot: { content: string; reasoning: string; seq: number },
): ChatData {
  const message = data.messages[messageId];
  if (!message) return data;
  return {
    ...data,
    messages: {
      ...data.messages,
      [messageId]: {
        ...message,
        status: 'streaming',
        content: snapshot.content,
        reasoning: snapshot.reasoning,
      },
    },
    lastSeq: { ...data.lastSeq, [messageId]: snapshot.seq },
  };
}

/** The end of a stream: the answer becomes the message main stored. */
export function applyDone(data: ChatData, done: ChatDone): ChatData {
  const id = done.message.id;
  if (!data.messages[id]) return data;
  const lastSeq = { ...data.lastSeq };
  delete lastSeq[id];
  return { ...data, messages: { ...data.messages, [id]: done.message }, lastSeq };
}

/** What stays on screen before a new question: up to its parent, or its other version shown. */
function beforeNewQuestion(ids: string[], user: Message, versions: string[]): string[] {
  const otherAt = ids.findIndex((id) => id !== user.id && versions.includes(id));
  if (otherAt >= 0) return ids.slice(0, otherAt);
  const parentAt = user.parentId === null ? -1 : ids.indexOf(user.parentId);
  if (parentAt >= 0) return ids.slice(0, parentAt + 1);
  return [...ids];
}

/**
 * Shows a turn main has accepted, with the messages it stored: the question (new, or a new
 * version of one) and the streaming answer. The path on screen now runs through them: what
 * followed the question's parent here belongs to another version, still kept in main (so it
 * leaves the store); a continued answer keeps its place.
 */
export function startTurn(data: ChatData, turn: TurnMessages): ChatData {
  const { conversationId, user, assistant } = turn;
  const thread = data.threads[conversationId] ?? { ids: [], hasMore: false };
  let ids: string[];
  const answerAt = thread.ids.indexOf(assistant.id);
  if (answerAt >= 0) {
    ids = thread.ids.slice(0, answerAt + 1);
  } else {
    const questionAt = user ? thread.ids.indexOf(user.id) : -1;
    if (questionAt >= 0) {
      ids = thread.ids.slice(0, questionAt + 1);
    } else {
      ids = user
        ? beforeNewQuestion(thread.ids, user, turn.versions?.[user.id] ?? [])
        : [...thread.ids];
      if (user) ids.push(user.id);
    }
    ids.push(assistant.id);
  }
  const kept = new Set(ids);
  const { messages, lastSeq, versions } = withoutOthers(data, thread.ids, kept);
  if (user && kept.has(user.id)) messages[user.id] = user;
  messages[assistant.id] = assistant;
  for (const [id, list] of Object.entries(turn.versions ?? {})) versions[id] = list;
  // Main replies before its first delta, so the stream is followed from seq 1.
  lastSeq[assistant.id] = 0;
  return {
    ...data,
    messages,
    threads: { ...data.threads, [conversationId]: { ...thread, ids } },
    lastSeq,
    versions,
  };
}

/**
 * Copies of the message maps without the messages of `ids` not `kept`: what followed a new
 * question's parent here belongs to another version.
 */
function withoutOthers(
  data: ChatData,
  ids: readonly string[],
  kept: ReadonlySet<string>,
): Pick<ChatData, 'messages' | 'lastSeq' | 'versions'> {
  const messages = { ...data.messages };
  const lastSeq = { ...data.lastSeq };
  const versions = { ...data.versions };
  for (const id of ids) {
    if (kept.has(id)) continue;
    delete messages[id];
    delete lastSeq[id];
    delete versions[id];
  }
  return { messages, lastSeq, versions };
}

/**
 * Shows a comparison main has accepted: the question, then every answer (each streaming), in
 * the order the models were chosen. As for a new question in `startTurn`, what followed the
 * question's parent here belongs to another version and leaves the store.
 */
export function startCompare(data: ChatData, turn: CompareTurn): ChatData {
  const { conversationId, user, answers, comparison } = turn;
  const thread = data.threads[conversationId] ?? { ids: [], hasMore: false };
  const questionAt = thread.ids.indexOf(user.id);
  const ids =
    questionAt >= 0
      ? thread.ids.slice(0, questionAt + 1)
      : [...beforeNewQuestion(thread.ids, user, turn.versions?.[user.id] ?? []), user.id];
  for (const a of answers) ids.push(a.id);
  const kept = new Set(ids);
  const { messages, lastSeq, versions } = withoutOthers(data, thread.ids, kept);
  const comparisons = { ...data.comparisons };
  for (const c of Object.values(comparisons))
    if (c.conversationId === conversationId && !c.answerIds.some((id) => kept.has(id)))
      delete comparisons[c.id];
  messages[user.id] = user;
  for (const a of answers) {
    messages[a.id] = a;
    // Main replies before its first delta, so each stream is followed from seq 1.
    lastSeq[a.id] = 0;
  }
  for (const [id, list] of Object.entries(turn.versions ?? {})) versions[id] = list;
  comparisons[comparison.id] = comparison;
  return {
    ...data,
    messages,
    threads: { ...data.threads, [conversationId]: { ...thread, ids } },
    lastSeq,
    versions,
    comparisons,
  };
}

/** The pending comparison an answer belongs to, if any. */
export function comparisonOf(data: ChatData, messageId: string): Comparison | undefined {
  for (const c of Object.values(data.comparisons)) if (c.answerIds.includes(messageId)) return c;
  return undefined;
}

/** A row of the message list: one message, or the answers of a pending comparison together. */
export type ListRow = { key: string; id: string; comparisonId: string | null };

export const COMPARE_ROW_PREFIX = 'compare:';

/**
 * The rows of a thread: each message its own row, except the answers of a pending comparison,
 * which share one row (at the place of the first of them on the page).
 */
export function threadRows(
  ids: readonly string[],
  comparisons: Record<string, Comparison>,
  conversationId: string,
): ListRow[] {
  const owner = new Map<string, string>();
  for (const c of Object.values(comparisons))
    if (c.conversationId === conversationId) for (const id of c.answerIds) owner.set(id, c.id);
  if (owner.size === 0) return ids.map((id) => ({ key: id, id, comparisonId: null }));
  const rows: ListRow[] = [];
  const placed = new Set<string>();
  for (const id of ids) {
    const cid = owner.get(id);
    if (cid === undefined) rows.push({ key: id, id, comparisonId: null });
    else if (!placed.has(cid)) {
      placed.add(cid);
      rows.push({ key: COMPARE_ROW_PREFIX + cid, id, comparisonId: cid });
    }
  }
  return rows;
}
