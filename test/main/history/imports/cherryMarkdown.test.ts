import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  convertCherryMarkdown,
  isCherryMarkdown,
} from '../../../../src/main/history/imports/cherryMarkdown';
import { convertMarkdown } from '../../../../src/main/history/imports/detect';
import { validateExport } from '../../../../src/main/history/importHistory';
import { TempDir } from '../tempStore';

const FIXTURE = join(__dirname, '../../../fixtures/imports/cherry-topic.md');
const text = readFileSync(FIXTURE, 'utf8');

describe('Cherry Studio Markdown export', () => {
  it('reads the topic, each message, and the reasoning block', () => {
    expect(isCherryMarkdown(text)).toBe(true);
    const out = convertCherryMarkdown(text, 1_746_100_000_000);
    const [topic] = out.conversations;
    expect(topic?.title).toBe('写一首诗');
    expect(topic?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(topic?.messages[1]).toMatchObject({
      content: '春眠不觉晓，处处闻啼鸟。\n\n夜来风雨声，花落知多少。',
      reasoning: '五言绝句：四句，每句五字。\n押平声韵。',
      model: null,
    });
    // A `---` inside a code block is the message's own text, not a separator.
    expect(topic?.messages[2]?.content).toBe(
      'Dịch sang tiếng Việt\n\n```text\n---\nnot a separator inside code\n```',
    );
    expect(topic?.messages.at(-1)?.createdAt).toBeLessThan(1_746_100_000_000);
    expect(validateExport(convertMarkdown(text, 1)?.data).conversations).toHaveLength(1);
  });

  it('gives the same ids to the same file, whatever its time', () => {
    const a = convertCherryMarkdown(text, 1);
    const b = convertCherryMarkdown(text, 2_000_000_000_000);
    expect(b.conversations[0]?.id).toBe(a.conversations[0]?.id);
    expect(b.conversations[0]?.messages.map((m) => m.id)).toEqual(
      a.conversations[0]?.messages.map((m) => m.id),
    );
    const edited = convertCherryMarkdown(text.replace('Dịch sang', 'Hãy dịch sang'), 1);
    expect(edited.conversations[0]?.messages[2]?.id).not.toBe(a.conversations[0]?.messages[2]?.id);
  });

  it('is not taken for any Markdown file', () => {
    expect(isCherryMarkdown('# Notes\n\n## Monday\n\nText')).toBe(false);
    expect(convertMarkdown('plain text, not JSON', 1)).toBeNull();
  });
});

describe('importing a Markdown export through the worker', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('imports it once; the second time adds nothing', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, '写一首诗.md');
    copyFileSync(FIXTURE, file);
    const first = await store.importFile(file, () => undefined).result;
    expect(first).toMatchObject({ source: 'cherry', conversationsAdded: 1, messagesAdded: 4 });
    const again = await store.importFile(file, () => undefined).result;
    expect(again).toMatchObject({ conversationsAdded: 0, messagesAdded: 0, messagesSkipped: 4 });
  });
});
