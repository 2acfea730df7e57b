/**
 * Cherry Studio's backup (`data.json` inside the `.zip` it writes, or the JSON of a local
 * backup): `{ time, version, localStorage, indexedDB }`. Messages are in `indexedDB.topics[]`
 * (`{ id, messages }`); since Cherry Studio 1.3 a message's text is split into
 * `indexedDB.message_blocks` (`main_text`, `thinking`, `code`, images, files, tool calls…),
 * before that it was the message's `content`. Topic names and dates are in the redux state kept
 * as a string in `localStorage['persist:cherry-studio']` (`assistants.assistants[].topics[]`).
 * Thinking blocks become reasoning; tool, image and file blocks are skipped; provider settings
 * and keys are never read.
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

export function isCherryBackup(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && isRecord(data.indexedDB) && Array.isArray(data.indexedDB.topics);
}

interface TopicInfo {
  name: string;
  createdAt: number | null;
  prompt: string | null;
}

/** Topic names from the persisted redux state: a JSON string whose slices are JSON strings. */
function topicInfo(localStorage: unknown): Map<string, TopicInfo> {
  const info = new Map<string, TopicInfo>();
  if (!isRecord(localStorage)) return info;
  const persisted = parseJson(localStorage['persist:cherry-studio']);
  const slice = isRecord(persisted) ? parseJson(persisted.assistants) : null;
  const assistants = isRecord(slice) && Array.isArray(slice.assistants) ? slice.assistants : [];
  for (const assistant of assistants) {
    if (!isRecord(assistant) || !Array.isArray(assistant.topics)) continue;
    const prompt = str(assistant.prompt)?.trim() || null;
    for (const topic of assistant.topics) {
      const id = isRecord(topic) ? str(topic.id) : null;
      if (!id || !isRecord(topic)) continue;
      info.set(id, {
        name: str(topic.name)?.trim() ?? '',
        createdAt: toMs(topic.createdAt),
        prompt,
      });
    }
  }
  return info;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

interface Text {
  content: string;
  reasoning: string;
}

function blocksText(
  message: Record<string, unknown>,
  blocks: Map<string, Record<string, unknown>>,
  skips: SkipCounter,
): Text {
  if (!Array.isArray(message.blocks) || message.blocks.length === 0)
    return { content: (str(message.content) ?? '').trim(), reasoning: '' };
  const content: string[] = [];
  const reasoning: string[] = [];
  for (const blockId of message.blocks) {
    const block = typeof blockId === 'string' ? blocks.get(blockId) : undefined;
    if (!block) continue;
    const text = str(block.content) ?? '';
    switch (block.type) {
      case 'main_text':
        content.push(text);
        break;
      case 'thinking':
        reasoning.push(text);
        break;
      case 'code':
        content.push(`\`\`\`${str(block.language) ?? ''}\n${text}\n\`\`\``);
        break;
      case 'image':
      case 'file':
        skips.add('attachment');
        break;
      case 'tool':
        skips.add('tool');
        break;
      default:
        // Citations, translations, errors, unknown future kinds: not part of the answer's text.
        break;
    }
  }
  return { content: content.join('\n\n').trim(), reasoning: reasoning.join('\n\n').trim() };
}

function modelName(message: Record<string, unknown>): string | null {
  if (isRecord(message.model)) return str(message.model.id) ?? str(message.model.name);
  return str(message.modelId);
}

export function convertCherry(data: Record<string, unknown>): ConvertedImport {
  const skips = new SkipCounter();
  const db = isRecord(data.indexedDB) ? data.indexedDB : {};
  const info = topicInfo(data.localStorage);
  const blocks = new Map<string, Record<string, unknown>>();
  for (const b of Array.isArray(db.message_blocks) ? db.message_blocks : [])
    if (isRecord(b) && str(b.id)) blocks.set(str(b.id) as string, b);
  const backupTime = toMs(data.time) ?? 0;
  const conversations: ImportedConversation[] = [];
  for (const topic of Array.isArray(db.topics) ? db.topics : []) {
    const topicId = isRecord(topic) ? str(topic.id) : null;
    if (!topicId || !isRecord(topic)) continue;
    const drafts: (Omit<ImportedMessage, 'createdAt'> & { createdAt: number | null })[] = [];
    for (const m of Array.isArray(topic.messages) ? topic.messages : []) {
      if (!isRecord(m)) continue;
      const role = str(m.role);
      if (role !== 'user' && role !== 'assistant') {
        skips.add(role === 'system' ? 'hidden' : 'unsupported');
        continue;
      }
      const text = blocksText(m, blocks, skips);
      const status = str(m.status);
      // A failed answer stays (as a failed turn), even without text.
      if (!text.content && !text.reasoning && status !== 'error') {
        skips.add('empty');
        continue;
      }
      const time = toMs(m.createdAt);
      drafts.push({
        id: sourceId('cherry', str(m.id) ?? `${topicId}-${drafts.length}`),
        role,
        content: text.content,
        reasoning: text.reasoning,
        status: status === 'error' ? 'error' : status === 'paused' ? 'interrupted' : 'complete',
        model: role === 'assistant' ? modelName(m) : null,
        createdAt: time,
        updatedAt: toMs(m.updatedAt) ?? time ?? 0,
      });
    }
    const meta = info.get(topicId);
    const messages = fillTimes(drafts, meta?.createdAt ?? backupTime).map((m) => ({
      ...m,
      updatedAt: Math.max(m.updatedAt, m.createdAt),
    }));
    const first = messages[0];
    const last = messages[messages.length - 1];
    if (!first || !last) {
      skips.add('empty');
      continue;
    }
    conversations.push({
      id: sourceId('cherry', topicId),
      title: meta?.name ?? '',
      createdAt: Math.min(meta?.createdAt ?? first.createdAt, first.createdAt),
      updatedAt: last.updatedAt,
      model: null,
      systemPrompt: meta?.prompt ?? null,
      messages,
    });
  }
  return { source: 'cherry', conversations, skipped: skips.list() };
}
