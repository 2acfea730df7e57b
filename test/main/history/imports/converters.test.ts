import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertChatGpt } from '../../../../src/main/history/imports/chatgpt';
import { convertChatbox } from '../../../../src/main/history/imports/chatbox';
import { convertCherry } from '../../../../src/main/history/imports/cherry';
import {
  convertForeign,
  detectImportSource,
  previewOf,
} from '../../../../src/main/history/imports/detect';
import { validateExport } from '../../../../src/main/history/importHistory';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../fixtures/imports', name), 'utf8'));

describe('ChatGPT conversations.json', () => {
  const data = fixture('chatgpt-conversations.json') as unknown[];

  it('keeps the path to current_node and counts the other branches as skipped', () => {
    const out = convertChatGpt(data);
    expect(out.source).toBe('chatgpt');
    expect(out.conversations.map((c) => c.title)).toEqual(['Phở recipe', '素数证明']);
    const [pho, primes] = out.conversations;
    // The edited question (u-old) and its answer are on the other branch; the tool call and its
    // result, the hidden system message and the custom instructions are not messages.
    expect(pho?.messages.map((m) => [m.id, m.role, m.content])).toEqual([
      ['chatgpt-u-1', 'user', 'Cách nấu phở bò như trong ảnh?'],
      ['chatgpt-a-1', 'assistant', 'Ninh xương bò 6 tiếng, thêm quế, hồi, gừng nướng.'],
    ]);
    expect(pho?.id).toBe('chatgpt-6a1f0c2e-1111-4c3b-9d2e-000000000001');
    expect(pho?.messages[0]?.createdAt).toBe(1717236100250);
    expect(pho?.messages[1]).toMatchObject({ model: 'gpt-4o', status: 'complete' });
    expect(pho?.systemPrompt).toBeNull();
    // The first answer of the regenerated pair is a branch; the thoughts are the answer's reasoning.
    expect(primes?.systemPrompt).toBe('Answer in Chinese.');
    expect(primes?.messages.map((m) => m.id)).toEqual(['chatgpt-q2', 'chatgpt-a2']);
    expect(primes?.messages[1]?.reasoning).toBe('Euclid\nAssume finitely many primes.');
    expect(primes?.messages[1]?.model).toBe('o1');
    expect(Object.fromEntries(out.skipped.map((s) => [s.reason, s.count]))).toEqual({
      branch: 3,
      hidden: 2,
      attachment: 1,
      tool: 2,
    });
  });

  it('follows the newest leaf when a file has no current_node, and survives a parent cycle', () => {
    const copy = structuredClone(data) as Record<string, unknown>[];
    const second = copy[1] as {
      current_node?: string;
      mapping: Record<string, { parent: string | null }>;
    };
    delete second.current_node;
    const out = convertChatGpt([second]);
    expect(out.conversations[0]?.messages.at(-1)?.id).toBe('chatgpt-a2');

    const looped = structuredClone(second);
    (looped.mapping.r2 as { parent: string | null }).parent = 'a2';
    expect(
      convertChatGpt([{ ...looped, current_node: 'a2' }]).conversations[0]?.messages,
    ).toHaveLength(2);
  });
});

describe('Chatbox backup', () => {
  const data = fixture('chatbox-backup.json') as Record<string, unknown>;

  it('imports sessions, earlier threads and legacy sessions; skips picture sessions and forks', () => {
    const out = convertChatbox(data, 0);
    expect(out.conversations.map((c) => [c.id, c.title, c.messages.length])).toEqual([
      ['chatbox-s-1-t-1', 'Tiết kiệm tiền — Ngân sách cũ', 2],
      ['chatbox-s-1', 'Tiết kiệm tiền', 4],
      ['chatbox-legacy-1', 'Old chat', 2],
    ]);
    const main = out.conversations[1];
    expect(main?.systemPrompt).toBe('You are a frugal assistant.');
    expect(main?.messages[1]).toMatchObject({
      content: 'Ghi chép chi tiêu và đặt ngân sách.',
      reasoning: 'The user wants a savings plan.',
      model: 'DeepSeek API (deepseek-reasoner)',
      createdAt: 1740902420000,
    });
    expect(main?.messages[3]).toMatchObject({ status: 'error', content: '' });
    // Legacy messages carry no time: placed at the export time, in order.
    const legacy = out.conversations[2]?.messages ?? [];
    expect(legacy[0]?.createdAt).toBeLessThan(legacy[1]?.createdAt ?? 0);
    expect(legacy[1]?.createdAt).toBeLessThanOrEqual(Date.parse('2025-03-02T08:00:00.000Z'));
    expect(Object.fromEntries(out.skipped.map((s) => [s.reason, s.count]))).toEqual({
      unsupported: 1,
      branch: 1,
      attachment: 1,
    });
    expect(JSON.stringify(out)).not.toContain('api.openai.com');
  });
});

describe('Cherry Studio backup', () => {
  it('joins message blocks, names topics from the persisted state, keeps the failed answer', () => {
    const out = convertCherry(fixture('cherry-backup.json') as Record<string, unknown>);
    expect(out.conversations).toHaveLength(1);
    const topic = out.conversations[0];
    expect(topic).toMatchObject({
      id: 'cherry-topic-1',
      title: '写一首诗',
      systemPrompt: '你是一位中文写作助手。',
    });
    expect(topic?.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', '写一首关于春天的五言绝句', 'complete'],
      ['assistant', '春眠不觉晓，处处闻啼鸟。', 'complete'],
      ['user', '再写一首关于秋天的', 'complete'],
      ['assistant', '', 'error'],
    ]);
    expect(topic?.messages[1]).toMatchObject({
      reasoning: '五言绝句：四句，每句五字。',
      model: 'deepseek-reasoner',
      createdAt: Date.parse('2025-05-01T10:00:10.000Z'),
    });
    expect(Object.fromEntries(out.skipped.map((s) => [s.reason, s.count]))).toEqual({
      attachment: 1,
      tool: 1,
      empty: 1,
    });
  });
});

describe('detection and preview', () => {
  it('tells the formats apart and leaves unknown files to the export check', () => {
    expect(detectImportSource(fixture('chatgpt-conversations.json'))).toBe('chatgpt');
    expect(detectImportSource(fixture('chatbox-backup.json'))).toBe('chatbox');
    expect(detectImportSource(fixture('cherry-backup.json'))).toBe('cherry');
    expect(detectImportSource({ format: 'fleece-history', version: 1 })).toBe('fleece');
    expect(detectImportSource({ hello: 'world' })).toBeNull();
    expect(detectImportSource([1, 2])).toBeNull();
    expect(convertForeign({ hello: 'world' }, 0)).toEqual({
      data: { hello: 'world' },
      converted: null,
    });
  });

  it('turns each source into a valid Fleece export and previews its counts and dates', () => {
    for (const name of [
      'chatgpt-conversations.json',
      'chatbox-backup.json',
      'cherry-backup.json',
    ]) {
      const { data, converted } = convertForeign(fixture(name), Date.UTC(2026, 0, 1));
      const valid = validateExport(data);
      expect(valid.conversations.length).toBe(converted?.conversations.length);
    }
    const { converted } = convertForeign(fixture('chatgpt-conversations.json'), 0);
    if (!converted) throw new Error('not converted');
    expect(previewOf('chatgpt', converted.conversations, converted.skipped)).toEqual({
      source: 'chatgpt',
      conversations: 2,
      messages: 4,
      firstAt: 1717236100250,
      lastAt: 1733011300000,
      skipped: converted.skipped,
    });
  });
});
