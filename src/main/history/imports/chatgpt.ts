/**
 * ChatGPT's data export (`conversations.json`): an array of conversations, each a `mapping` of
 * nodes `{ id, parent, children, message }` — a tree, because editing a question or regenerating
 * an answer starts a new branch. `current_node` is the leaf the user last saw.
 *
 * Fleece's message model is a single line per conversation, so the path from the root to
 * `current_node` becomes the conversation and the messages only on other branches are counted as
 * skipped (`branch`). Tool calls and results (browsing, code interpreter, DALL·E) are skipped as
 * `tool`, hidden system and context messages as `hidden`, images and files as `attachment`; a
 * visible system message becomes the conversation's system prompt; o1-style "thoughts" become the
 * next answer's reasoning.
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

interface Node {
  id: string;
  parent: string | null;
  message: Record<string, unknown> | null;
}

/** True when `data` looks like ChatGPT's `conversations.json`. */
export function isChatGptExport(data: unknown): boolean {
  if (!Array.isArray(data)) return false;
  const first: unknown = data[0];
  return isRecord(first) && isRecord(first.mapping) && 'current_node' in first;
}

export function convertChatGpt(data: unknown[]): ConvertedImport {
  const skips = new SkipCounter();
  const conversations: ImportedConversation[] = [];
  for (const raw of data) {
    if (!isRecord(raw) || !isRecord(raw.mapping)) {
      skips.add('unsupported');
      continue;
    }
    const conversation = convertOne(raw, raw.mapping, skips);
    if (conversation) conversations.push(conversation);
  }
  return { source: 'chatgpt', conversations, skipped: skips.list() };
}

function readNodes(mapping: Record<string, unknown>): Map<string, Node> {
  const nodes = new Map<string, Node>();
  for (const [key, value] of Object.entries(mapping)) {
    if (!isRecord(value)) continue;
    nodes.set(key, {
      id: str(value.id) ?? key,
      parent: str(value.parent),
      message: isRecord(value.message) ? value.message : null,
    });
  }
  return nodes;
}

/** The nodes from the root down to `leaf` (a cycle in a damaged file ends the walk). */
function pathTo(nodes: Map<string, Node>, leaf: string | null): Node[] {
  const path: Node[] = [];
  const seen = new Set<string>();
  for (let id = leaf; id !== null && !seen.has(id);) {
    seen.add(id);
    const node = nodes.get(id);
    if (!node) break;
    path.push(node);
    id = node.parent;
  }
  return path.reverse();
}

/** The leaf to follow: `current_node`, or for an old file without it, the newest leaf. */
function currentLeaf(raw: Record<string, unknown>, nodes: Map<string, Node>): string | null {
  const current = str(raw.current_node);
  if (current && nodes.has(current)) return current;
  let best: { id: string; t: number } | null = null;
  const parents = new Set([...nodes.values()].map((n) => n.parent));
  for (const node of nodes.values()) {
    if (parents.has(node.id)) continue;
    const t = toMs(node.message?.create_time) ?? 0;
    if (!best || t >= best.t) best = { id: node.id, t };
  }
  return best?.id ?? null;
}

type Visible =
  | { kind: 'message'; role: 'user' | 'assistant' | 'system'; text: string }
  | {
      kind: 'thoughts';
      text: string;
    };

/** What a message shows, or why it is left out. */
function readMessage(message: Record<string, unknown>, skips: SkipCounter | null): Visible | null {
  const author = isRecord(message.author) ? message.author : {};
  const role = str(author.role);
  const metadata = isRecord(message.metadata) ? message.metadata : {};
  const content = isRecord(message.content) ? message.content : {};
  const type = str(content.content_type);
  if (metadata.is_visually_hidden_from_conversation === true || type === 'user_editable_context') {
    skips?.add('hidden');
    return null;
  }
  if (role === 'tool' || (str(message.recipient) ?? 'all') !== 'all') {
    skips?.add('tool');
    return null;
  }
  if (type === 'thoughts' && Array.isArray(content.thoughts)) {
    const text = content.thoughts
      .map((t) => (isRecord(t) ? [str(t.summary), str(t.content)].filter(Boolean).join('\n') : ''))
      .filter(Boolean)
      .join('\n\n');
    return text ? { kind: 'thoughts', text } : null;
  }
  if (type === 'reasoning_recap') return null;
  if (role !== 'user' && role !== 'assistant' && role !== 'system') {
    skips?.add('unsupported');
    return null;
  }
  const parts = Array.isArray(content.parts) ? content.parts : [];
  const texts: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') texts.push(part);
    else if (isRecord(part) && typeof part.text === 'string') texts.push(part.text);
    else skips?.add('attachment');
  }
  if (type === 'code' && typeof content.text === 'string') texts.push(content.text);
  const text = texts.join('\n').trim();
  if (!text) {
    // ChatGPT keeps an empty system message at the root of every conversation: not worth a count.
    if (role !== 'system') skips?.add('empty');
    return null;
  }
  return { kind: 'message', role, text };
}

function convertOne(
  raw: Record<string, unknown>,
  mapping: Record<string, unknown>,
  skips: SkipCounter,
): ImportedConversation | null {
  const conversationKey = str(raw.conversation_id) ?? str(raw.id);
  if (!conversationKey) {
    skips.add('unsupported');
    return null;
  }
  const nodes = readNodes(mapping);
  const path = pathTo(nodes, currentLeaf(raw, nodes));
  const onPath = new Set(path.map((n) => n.id));
  // Messages only on other branches: counted once each, by what they would have shown.
  for (const node of nodes.values())
    if (!onPath.has(node.id) && node.message && readMessage(node.message, null)?.kind === 'message')
      skips.add('branch');

  const createdAt = toMs(raw.create_time) ?? 0;
  let systemPrompt: string | null = null;
  let reasoning = '';
  const drafts: (Omit<ImportedMessage, 'createdAt'> & { createdAt: number | null })[] = [];
  for (const node of path) {
    if (!node.message) continue;
    const seen = readMessage(node.message, skips);
    if (!seen) continue;
    if (seen.kind === 'thoughts') {
      reasoning = reasoning ? `${reasoning}\n\n${seen.text}` : seen.text;
      continue;
    }
    if (seen.role === 'system') {
      systemPrompt = systemPrompt ? `${systemPrompt}\n\n${seen.text}` : seen.text;
      continue;
    }
    const metadata = isRecord(node.message.metadata) ? node.message.metadata : {};
    const time = toMs(node.message.create_time);
    drafts.push({
      id: sourceId('chatgpt', str(node.message.id) ?? node.id),
      role: seen.role,
      content: seen.text,
      reasoning: seen.role === 'assistant' ? reasoning : '',
      status: str(node.message.status) === 'in_progress' ? 'interrupted' : 'complete',
      model: seen.role === 'assistant' ? str(metadata.model_slug) : null,
      createdAt: time,
      updatedAt: toMs(node.message.update_time) ?? time ?? createdAt,
    });
    if (seen.role === 'assistant') reasoning = '';
  }
  const messages = fillTimes(drafts, createdAt).map((m) => ({
    ...m,
    updatedAt: Math.max(m.updatedAt, m.createdAt),
  }));
  if (messages.length === 0) {
    skips.add('empty');
    return null;
  }
  const first = messages[0]?.createdAt ?? createdAt;
  const last = messages[messages.length - 1]?.createdAt ?? first;
  return {
    id: sourceId('chatgpt', conversationKey),
    title: str(raw.title)?.trim() ?? '',
    createdAt: Math.min(createdAt || first, first),
    updatedAt: Math.max(toMs(raw.update_time) ?? 0, last),
    model: str(raw.default_model_slug),
    systemPrompt,
    messages,
  };
}
