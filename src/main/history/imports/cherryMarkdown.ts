/**
 * Cherry Studio's Markdown export of a topic ("Export → Markdown"): `# <topic>`, then each
 * message under a heading `### 🧑‍💻 User` or `### 🤖 Assistant` (newer versions: `##` and the
 * model's name after 🤖), messages separated by `---`, and with "export reasoning" on, the
 * thinking in a `<details><summary>…</summary>…</details>` block before the answer.
 *
 * The file keeps no ids or times: ids are hashes of the topic and the message's place and text,
 * so importing the same file again finds them; times are the file's, a millisecond apart.
 */
import { createHash } from 'node:crypto';
import { SkipCounter, sourceId, type ConvertedImport, type ImportedMessage } from './types';

const TITLE = /^# (.+)$/m;
const ROLE_HEADING = /^#{2,3} (?:🧑\u200d?💻 User|🤖 ?(.*))$/gmu;
const REASONING = /^<details[^>]*>\s*<summary>[^<]*<\/summary>(?:<hr>)?\s*([\s\S]*?)<\/details>\s*/;

/** True when `text` reads as Cherry Studio's Markdown export. */
export function isCherryMarkdown(text: string): boolean {
  return TITLE.test(text.slice(0, 2000)) && /^#{2,3} (?:🧑\u200d?💻 User|🤖)/mu.test(text);
}

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24);
}

/** `fileTime`: the file's modification time, given to the messages in order. */
export function convertCherryMarkdown(text: string, fileTime: number): ConvertedImport {
  const skips = new SkipCounter();
  const normalized = text.replace(/\r\n/g, '\n');
  const title = TITLE.exec(normalized)?.[1]?.trim() ?? '';
  const headings = [...normalized.matchAll(ROLE_HEADING)];
  const sections = headings.map((h, i) => {
    const start = (h.index ?? 0) + h[0].length;
    const end = headings[i + 1]?.index ?? normalized.length;
    const body = normalized
      .slice(start, end)
      .replace(/\n-{3,}\s*$/, '')
      .trim();
    return {
      role: h[1] === undefined ? ('user' as const) : ('assistant' as const),
      model: h[1],
      body,
    };
  });
  const conversationKey = hash(title, sections[0]?.body ?? '');
  const start = fileTime - sections.length;
  const messages: ImportedMessage[] = [];
  sections.forEach((s, i) => {
    const thinking = REASONING.exec(s.body);
    const reasoning = thinking?.[1]?.replace(/<br>/g, '\n').trim() ?? '';
    const content = (thinking ? s.body.slice(thinking[0].length) : s.body).trim();
    if (!content && !reasoning) {
      skips.add('empty');
      return;
    }
    const model = s.model?.trim();
    messages.push({
      id: sourceId('cherry', 'md', hash(conversationKey, String(i), s.body)),
      role: s.role,
      content,
      reasoning,
      status: 'complete',
      model: s.role === 'assistant' && model && model !== 'Assistant' ? model : null,
      createdAt: start + i,
      updatedAt: start + i,
    });
  });
  const first = messages[0];
  const last = messages[messages.length - 1];
  if (!first || !last) {
    skips.add('empty');
    return { source: 'cherry', conversations: [], skipped: skips.list() };
  }
  return {
    source: 'cherry',
    conversations: [
      {
        id: sourceId('cherry', 'md', conversationKey),
        title,
        createdAt: first.createdAt,
        updatedAt: last.updatedAt,
        model: null,
        systemPrompt: null,
        messages,
      },
    ],
    skipped: skips.list(),
  };
}
