import { encodeFailureText } from '../../../shared/failureText';
import type { ChatDelta, ChatDone, TurnIds } from '../../../shared/contract/chat';
import type { Message, MessagePage } from '../../../shared/types/history';

/** Messages by id and each conversation's ordered ids. Pure data; reducers below never mutate. */
export interface ChatData {
  messages: Record<string, Message>;
  threads: Record<string, Thread>;
  /** Last applied delta `seq` per streaming message. */
  lastSeq: Record<string, number>;
}

export interface Thread {
  ids: string[];
  hasMore: boolean;
}

export const emptyChatData: ChatData = { messages: {}, threads: {}, lastSeq: {} };

/** A message this store follows live (its deltas are applied): disk has an older checkpoint. */
function isLive(data: ChatData, id: string): boolean {
  return data.lastSeq[id] !== undefined && data.messages[id]?.status === 'streaming';
}

/** Replaces a conversation's loaded messages with the newest page. */
export function loadThread(data: ChatData, conversationId: string, page: MessagePage): ChatData {
  const messages = { ...data.messages };
  for (const m of page.messages) if (!isLive(data, m.id)) messages[m.id] = m;
  return {
    ...data,
    messages,
    threads: {
      ...data.threads,
      [conversationId]: { ids: page.messages.map((m) => m.id), hasMore: page.hasMore },
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
  const message = data.messages[delta.messageId];
  if (!message) return { data, gap: false };
  const last = data.lastSeq[delta.messageId] ?? (message.status === 'streaming' ? null : 0);
  if (last !== null && delta.seq <= last) return { data, gap: false };
  if (last === null ? delta.seq !== 1 : delta.seq !== last + 1) return { data, gap: true };
  const next: Message = {
    ...message,
    status: 'streaming',
    content: delta.content ? message.content + delta.content : message.content,
    reasoning: delta.reasoning ? message.reasoning + delta.reasoning : message.reasoning,
  };
  return {
    data: {
      ...data,
      messages: { ...data.messages, [message.id]: next },
      lastSeq: { ...data.lastSeq, [message.id]: delta.seq },
    },
    gap: false,
  };
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

/** Records the end of a stream: status, usage, timings, error. */
export function applyDone(data: ChatData, done: ChatDone): ChatData {
  const message = data.messages[done.messageId];
  if (!message) return data;
  const lastSeq = { ...data.lastSeq };
  delete lastSeq[done.messageId];
  const next: Message = {
    ...message,
    status: done.status,
    finishReason: done.finishReason,
    promptTokens: done.usage?.promptTokens ?? message.promptTokens,
    completionTokens: done.usage?.completionTokens ?? message.completionTokens,
    tokensEstimated: done.usage?.estimated ?? message.tokensEstimated,
    cost: done.cost,
    ttftMs: done.ttftMs,
    durationMs: done.durationMs,
    reasoningMs: done.reasoningMs,
    errorKind: done.error?.kind ?? null,
    errorMessage: done.error ? encodeFailureText(done.error) : null,
  };
  return { ...data, messages: { ...data.messages, [message.id]: next }, lastSeq };
}

/** Optimistically shows a turn the moment main has accepted it. */
export function startTurn(
  data: ChatData,
  ids: TurnIds,
  userText: string | null,
  now: number,
  model: string | null,
): ChatData {
  let next = data;
  if (userText !== null && !data.messages[ids.userMessageId]) {
    next = upsertMessage(
      next,
      blankMessage(ids.userMessageId, ids.conversationId, 'user', now, model, userText),
    );
  }
  const existing = next.messages[ids.assistantMessageId];
  const assistant: Message = existing
    ? { ...existing, status: 'streaming', errorKind: null, errorMessage: null, finishReason: null }
    : blankMessage(ids.assistantMessageId, ids.conversationId, 'assistant', now, model, '');
  next = upsertMessage(next, assistant);
  const lastSeq = { ...next.lastSeq, [ids.assistantMessageId]: 0 };
  return { ...next, lastSeq };
}

function blankMessage(
  id: string,
  conversationId: string,
  role: Message['role'],
  now: number,
  model: string | null,
  content: string,
): Message {
  return {
    id,
    conversationId,
    role,
    content,
    reasoning: '',
    status: role === 'assistant' ? 'streaming' : 'complete',
    model,
    profileId: null,
    promptTokens: null,
    completionTokens: null,
    tokensEstimated: false,
    cost: null,
    ttftMs: null,
    durationMs: null,
    reasoningMs: null,
    finishReason: null,
    errorKind: null,
    errorMessage: null,
    createdAt: now,
    updatedAt: now,
  };
}
