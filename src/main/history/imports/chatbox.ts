/**
 * Chatbox's backup ("Settings → Backup → Export", `chatbox-exported-data-<date>.json`): the app's
 * storage as one object. Conversations sit under `session:<id>` keys, listed in order by
 * `chat-sessions-list`; files from before Chatbox 1.x keep them in a `chat-sessions` array.
 * A message's text is in `contentParts` (newer) or `content` (older); `reasoningContent` is the
 * model's thinking. Earlier threads of a session (`threads`, kept when the user starts a new
 * thread) become conversations of their own; image-generation sessions are skipped as
 * `unsupported`. The backup's settings (provider keys) are never read.
 *
 * Alternative answers (`messageForksHash`) become versions. The hash is keyed by the message the
 * branches follow (the fork point); each entry's `lists` are the branches' tails and `position`
 * the one shown, whose tail is the rest of the session's (or thread's) own list — its slot in
 * `lists` is kept empty. A tail may hold fork points of its own. Each tail's first message
 * follows the fork point (or the summaries Chatbox anchors right after it), so the tails' first
 * messages are versions of one another and the shown one is on screen.
 */
import {
  SkipCounter,
  isRecord,
  sourceId,
  str,
  toMs,
  type ConvertedImport,
  type ImportedConversation,
} from './types';
import { fillTreeTimes, rankVersions, type DraftMessage } from './versions';

export function isChatboxBackup(data: unknown): data is Record<string, unknown> {
  if (!isRecord(data)) return false;
  return (
    '__exported_at' in data ||
    Array.isArray(data['chat-sessions-list']) ||
    Array.isArray(data['chat-sessions'])
  );
}

function sessionsOf(data: Record<string, unknown>): Record<string, unknown>[] {
  const byId = new Map<string, Record<string, unknown>>();
  const legacy = Array.isArray(data['chat-sessions']) ? data['chat-sessions'] : [];
  for (const s of legacy) if (isRecord(s) && str(s.id)) byId.set(str(s.id) as string, s);
  for (const [key, value] of Object.entries(data))
    if (key.startsWith('session:') && isRecord(value))
      byId.set(str(value.id) ?? key.slice(8), value);
  // The sidebar's order first, then any session the list does not name.
  const list = Array.isArray(data['chat-sessions-list']) ? data['chat-sessions-list'] : [];
  const ordered: Record<string, unknown>[] = [];
  for (const item of list) {
    const id = isRecord(item) ? str(item.id) : null;
    const session = id ? byId.get(id) : undefined;
    if (id && session) {
      ordered.push(session);
      byId.delete(id);
    }
  }
  return [...ordered, ...byId.values()];
}

function textOf(message: Record<string, unknown>, skips: SkipCounter): string {
  if (Array.isArray(message.contentParts)) {
    const texts: string[] = [];
    for (const part of message.contentParts) {
      if (!isRecord(part)) continue;
      if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
      else if (part.type === 'image') skips.add('attachment');
      else if (part.type === 'tool-call') skips.add('tool');
    }
    return texts.join('\n').trim();
  }
  return (str(message.content) ?? '').trim();
}

interface Line {
  systemPrompt: string | null;
  messages: DraftMessage[];
  /** The last message kept from the list itself (not from a branch): the end of what is shown. */
  leaf: string | null;
}

/** The branches not shown at a fork point, each a list of messages. */
function otherBranches(fork: unknown): unknown[][] {
  if (!isRecord(fork) || !Array.isArray(fork.lists)) return [];
  const position = typeof fork.position === 'number' ? fork.position : -1;
  return fork.lists.flatMap((list, i) =>
    i !== position && isRecord(list) && Array.isArray(list.messages) ? [list.messages] : [],
  );
}

/** One message as a draft following `parentId`, or null when it is left out (and counted). */
function convertMessage(
  m: Record<string, unknown>,
  id: string,
  parentId: string | null,
  line: Line,
  skips: SkipCounter,
): DraftMessage | null {
  const role = str(m.role);
  if (role === 'tool') {
    skips.add('tool');
    return null;
  }
  const files =
    (Array.isArray(m.files) ? m.files.length : 0) + (Array.isArray(m.links) ? m.links.length : 0);
  skips.add('attachment', files);
  const text = textOf(m, skips);
  if (role === 'system') {
    if (text) line.systemPrompt = line.systemPrompt ? `${line.systemPrompt}\n\n${text}` : text;
    return null;
  }
  if (role !== 'user' && role !== 'assistant') {
    skips.add('unsupported');
    return null;
  }
  const error = str(m.error);
  if (!text && !error) {
    skips.add('empty');
    return null;
  }
  const time = toMs(m.timestamp);
  return {
    id,
    parentId,
    role,
    content: text,
    reasoning: str(m.reasoningContent) ?? '',
    status: error ? 'error' : m.generating === true ? 'interrupted' : 'complete',
    model: role === 'assistant' ? str(m.model) : null,
    createdAt: time,
    updatedAt: time ?? 0,
  };
}

/**
 * A session's (or thread's) messages with every branch of its fork points, parents first. Like
 * Chatbox's own reader, a message id found twice is taken once and a fork point expanded once,
 * so a stale copy in a branch cannot duplicate a message or loop.
 */
function convertMessages(
  sessionId: string,
  raw: unknown,
  forks: Record<string, unknown>,
  skips: SkipCounter,
): Line {
  const line: Line = { systemPrompt: null, messages: [], leaf: null };
  const seen = new Set<string>();
  const expanded = new Set<string>();
  type Pending = { list: unknown[]; key: string; parentId: string | null; shown: boolean };
  const queue: Pending[] = [
    { list: Array.isArray(raw) ? raw : [], key: 'main', parentId: null, shown: true },
  ];
  for (let branch = queue.shift(); branch; branch = queue.shift()) {
    const { list, key, shown } = branch;
    let { parentId } = branch;
    // Fork points whose tails start once the summaries after them are passed.
    let waiting: unknown[][] = [];
    list.forEach((m, index) => {
      if (!isRecord(m)) return;
      if (waiting.length > 0 && m.isSummary !== true) {
        waiting.forEach((tail, i) =>
          queue.push({ list: tail, key: `${key}.${index}.${i}`, parentId, shown: false }),
        );
        waiting = [];
      }
      const sourceKey = str(m.id);
      if (sourceKey !== null && seen.has(sourceKey)) return;
      if (sourceKey !== null) seen.add(sourceKey);
      const id = sourceId('chatbox', sessionId, sourceKey ?? `${key}.${index}`);
      const draft = convertMessage(m, id, parentId, line, skips);
      if (draft) {
        line.messages.push(draft);
        parentId = draft.id;
        if (shown) line.leaf = draft.id;
      }
      if (sourceKey !== null && sourceKey in forks && !expanded.has(sourceKey)) {
        expanded.add(sourceKey);
        waiting.push(...otherBranches(forks[sourceKey]));
      }
    });
    waiting.forEach((tail, i) =>
      queue.push({ list: tail, key: `${key}.end.${i}`, parentId, shown: false }),
    );
  }
  return line;
}

function toConversation(
  id: string,
  title: string,
  line: Line,
  fallbackTime: number,
): ImportedConversation | null {
  const messages = rankVersions(fillTreeTimes(line.messages, fallbackTime), line.leaf);
  const first = messages[0];
  const last = messages[messages.length - 1];
  if (!first || !last) return null;
  return {
    id,
    title,
    createdAt: first.createdAt,
    updatedAt: messages.reduce((t, m) => Math.max(t, m.updatedAt), last.updatedAt),
    model: null,
    systemPrompt: line.systemPrompt,
    messages,
  };
}

/** `now` stands in for the time of messages written by a Chatbox that kept none. */
export function convertChatbox(data: Record<string, unknown>, now: number): ConvertedImport {
  const skips = new SkipCounter();
  const conversations: ImportedConversation[] = [];
  const exportedAt = toMs(data.__exported_at) ?? now;
  for (const session of sessionsOf(data)) {
    const sessionId = str(session.id);
    if (!sessionId) continue;
    if (session.type === 'picture') {
      skips.add('unsupported');
      continue;
    }
    const name = str(session.name)?.trim() ?? '';
    const forks = isRecord(session.messageForksHash) ? session.messageForksHash : {};
    const threads = Array.isArray(session.threads) ? session.threads : [];
    for (const thread of threads) {
      if (!isRecord(thread)) continue;
      const threadId = str(thread.id) ?? String(threads.indexOf(thread));
      const line = convertMessages(sessionId, thread.messages, forks, skips);
      const threadName = str(thread.name)?.trim();
      const title = threadName && threadName !== name ? `${name} — ${threadName}` : name;
      const c = toConversation(
        sourceId('chatbox', sessionId, threadId),
        title,
        line,
        toMs(thread.createdAt) ?? exportedAt,
      );
      if (c) conversations.push(c);
    }
    const c = toConversation(
      sourceId('chatbox', sessionId),
      name,
      convertMessages(sessionId, session.messages, forks, skips),
      exportedAt,
    );
    if (c) conversations.push(c);
    else skips.add('empty');
  }
  return { source: 'chatbox', conversations, skipped: skips.list() };
}
