/**
 * Chatbox's backup ("Settings → Backup → Export", `chatbox-exported-data-<date>.json`): the app's
 * storage as one object. Conversations sit under `session:<id>` keys, listed in order by
 * `chat-sessions-list`; files from before Chatbox 1.x keep them in a `chat-sessions` array.
 * A message's text is in `contentParts` (newer) or `content` (older); `reasoningContent` is the
 * model's thinking. Earlier threads of a session (`threads`, kept when the user starts a new
 * thread) become conversations of their own; alternative answers (`messageForksHash`) are
 * counted as skipped `branch`es; image-generation sessions are skipped as `unsupported`.
 * The backup's settings (provider keys) are never read.
 */
import {
  SkipCounter,
  fillTimes,
  isRecord,
  sourceId,
  str,
  toMs,
  type ConvertedImport,
  type ImportedConversation,
  type ImportedMessage,
} from './types';

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
  messages: (Omit<ImportedMessage, 'createdAt'> & { createdAt: number | null })[];
}

function convertMessages(sessionId: string, raw: unknown, skips: SkipCounter): Line {
  const line: Line = { systemPrompt: null, messages: [] };
  for (const m of Array.isArray(raw) ? raw : []) {
    if (!isRecord(m)) continue;
    const role = str(m.role);
    if (role === 'tool') {
      skips.add('tool');
      continue;
    }
    const files =
      (Array.isArray(m.files) ? m.files.length : 0) + (Array.isArray(m.links) ? m.links.length : 0);
    skips.add('attachment', files);
    const text = textOf(m, skips);
    if (role === 'system') {
      if (text) line.systemPrompt = line.systemPrompt ? `${line.systemPrompt}\n\n${text}` : text;
      continue;
    }
    if (role !== 'user' && role !== 'assistant') {
      skips.add('unsupported');
      continue;
    }
    const error = str(m.error);
    if (!text && !error) {
      skips.add('empty');
      continue;
    }
    const id = str(m.id);
    const time = toMs(m.timestamp);
    line.messages.push({
      id: sourceId('chatbox', sessionId, id ?? String(line.messages.length)),
      role,
      content: text,
      reasoning: str(m.reasoningContent) ?? '',
      status: error ? 'error' : m.generating === true ? 'interrupted' : 'complete',
      model: role === 'assistant' ? str(m.model) : null,
      createdAt: time,
      updatedAt: time ?? 0,
    });
  }
  return line;
}

function forkCount(session: Record<string, unknown>): number {
  if (!isRecord(session.messageForksHash)) return 0;
  let count = 0;
  for (const fork of Object.values(session.messageForksHash)) {
    if (!isRecord(fork) || !Array.isArray(fork.lists)) continue;
    const position = typeof fork.position === 'number' ? fork.position : -1;
    fork.lists.forEach((list, i) => {
      if (i !== position && isRecord(list) && Array.isArray(list.messages))
        count += list.messages.length;
    });
  }
  return count;
}

function toConversation(
  id: string,
  title: string,
  line: Line,
  fallbackTime: number,
): ImportedConversation | null {
  const messages = fillTimes(line.messages, fallbackTime).map((m) => ({
    ...m,
    updatedAt: Math.max(m.updatedAt, m.createdAt),
  }));
  const first = messages[0];
  const last = messages[messages.length - 1];
  if (!first || !last) return null;
  return {
    id,
    title,
    createdAt: first.createdAt,
    updatedAt: last.updatedAt,
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
    skips.add('branch', forkCount(session));
    const threads = Array.isArray(session.threads) ? session.threads : [];
    for (const thread of threads) {
      if (!isRecord(thread)) continue;
      const threadId = str(thread.id) ?? String(threads.indexOf(thread));
      const line = convertMessages(sessionId, thread.messages, skips);
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
      convertMessages(sessionId, session.messages, skips),
      exportedAt,
    );
    if (c) conversations.push(c);
    else skips.add('empty');
  }
  return { source: 'chatbox', conversations, skipped: skips.list() };
}
