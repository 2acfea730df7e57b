/**
 * ChatGPT's data export (`conversations.json`): an array of conversations, each a `mapping` of
 * nodes `{ id, parent, children, message }` — a tree, because editing a question or regenerating
 * an answer starts a new branch. `current_node` is the leaf the user last saw.
 *
 * The whole tree is imported: every visible user or assistant message follows its nearest kept
 * ancestor, so edited questions and regenerated answers become versions of one another, and the
 * branch to `current_node` is the one on screen. Tool calls and results (browsing, code
 * interpreter, DALL·E) are skipped as `tool`, hidden system and context messages as `hidden`,
 * images and files as `attachment`; their children follow the message before them. A visible
 * system message on the current branch becomes the conversation's system prompt (one on another
 * branch, with other text, is counted as `branch`); o1-style "thoughts" become the next answer's
 * reasoning.
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

/** Children by parent id, in the mapping's order ('' for the roots). */
function childrenOf(nodes: Map<string, Node>): Map<string, Node[]> {
  const children = new Map<string, Node[]>();
  for (const node of nodes.values()) {
    const key = node.parent !== null && nodes.has(node.parent) ? node.parent : '';
    const list = children.get(key);
    if (list) list.push(node);
    else children.set(key, [node]);
  }
  return children;
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
  const createdAt = toMs(raw.create_time) ?? 0;

  const systemTexts: string[] = [];
  for (const node of path) {
    const seen = node.message ? readMessage(node.message, null) : null;
    if (seen?.kind === 'message' && seen.role === 'system') systemTexts.push(seen.text);
  }

  // Depth first from the roots (and from the top of the current path, which a parent cycle in a
  // damaged file leaves without one), parents before children; each node once.
  const children = childrenOf(nodes);
  const starts = [...(children.get('') ?? [])];
  const top = path[0];
  if (top && !starts.includes(top)) starts.push(top);
  type Step = { node: Node; parentId: string | null; reasoning: string };
  const stack: Step[] = starts.reverse().map((node) => ({ node, parentId: null, reasoning: '' }));
  const visited = new Set<string>();
  const drafts: DraftMessage[] = [];
  const keptOnPath: string[] = [];
  for (let step = stack.pop(); step; step = stack.pop()) {
    const { node } = step;
    if (visited.has(node.id)) continue;
    visited.add(node.id);
    let { parentId, reasoning } = step;
    const seen = node.message ? readMessage(node.message, skips) : null;
    if (seen?.kind === 'thoughts') {
      reasoning = reasoning ? `${reasoning}\n\n${seen.text}` : seen.text;
    } else if (seen?.role === 'system') {
      if (!onPath.has(node.id) && !systemTexts.includes(seen.text)) skips.add('branch');
    } else if (seen && node.message) {
      const message = node.message;
      const metadata = isRecord(message.metadata) ? message.metadata : {};
      const time = toMs(message.create_time);
      const id = sourceId('chatgpt', str(message.id) ?? node.id);
      drafts.push({
        id,
        parentId,
        role: seen.role,
        content: seen.text,
        reasoning: seen.role === 'assistant' ? reasoning : '',
        status: str(message.status) === 'in_progress' ? 'interrupted' : 'complete',
        model: seen.role === 'assistant' ? str(metadata.model_slug) : null,
        createdAt: time,
        updatedAt: toMs(message.update_time) ?? time ?? createdAt,
      });
      if (onPath.has(node.id)) keptOnPath.push(id);
      parentId = id;
      if (seen.role === 'assistant') reasoning = '';
    }
    const next = children.get(node.id) ?? [];
    for (let i = next.length - 1; i >= 0; i -= 1) {
      const child = next[i];
      if (child) stack.push({ node: child, parentId, reasoning });
    }
  }
  if (drafts.length === 0) {
    skips.add('empty');
    return null;
  }
  const messages = rankVersions(fillTreeTimes(drafts, createdAt), keptOnPath.at(-1) ?? null);
  const first = messages[0]?.createdAt ?? createdAt;
  const last = messages[messages.length - 1]?.createdAt ?? first;
  return {
    id: sourceId('chatgpt', conversationKey),
    title: str(raw.title)?.trim() ?? '',
    createdAt: Math.min(createdAt || first, first),
    updatedAt: Math.max(toMs(raw.update_time) ?? 0, last),
    model: str(raw.default_model_slug),
    systemPrompt: systemTexts.length > 0 ? systemTexts.join('\n\n') : null,
    messages,
  };
}
