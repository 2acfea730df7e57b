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
import type { ImportedMessage } from '../../../../src/main/history/imports/types';
import { activePath, buildTree } from '../../../../src/shared/rules/versionTree';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../fixtures/imports', name), 'utf8'));

/** The ids on screen, by the app's own version rule. */
function onScreen(messages: readonly ImportedMessage[]): string[] {
  const nodes = messages.map((m) => ({
    id: m.id,
    parentId: m.parentId ?? null,
    versionRank: m.versionRank ?? 0,
  }));
  return activePath(buildTree(nodes)).map((n) => n.id);
}

/** Each message id with the id of the message it follows. */
const parents = (messages: readonly ImportedMessage[]): Record<string, string | null> =>
  Object.fromEntries(messages.map((m) => [m.id, m.parentId ?? null]));

describe('ChatGPT conversations.json', () => {
  const data = fixture('chatgpt-conversations.json') as unknown[];

  it('imports every branch as versions and shows the path to current_node', () => {
    const out = convertChatGpt(data);
    expect(out.source).toBe('chatgpt');
    expect(out.conversations.map((c) => c.title)).toEqual(['Phở recipe', '素数证明']);
    const [pho, primes] = out.conversations;
    if (!pho || !primes) throw new Error('missing conversations');
    // The edited question (u-old) and its answer are a version of u-1; the tool call and its
    // result, the hidden system message and the custom instructions are not messages, and a-1
    // follows u-1 across them.
    expect(pho.messages.map((m) => [m.id, m.role, m.content])).toEqual([
      ['chatgpt-u-old', 'user', 'How do I make pho?'],
      ['chatgpt-a-old', 'assistant', 'Pho is a noodle soup…'],
      ['chatgpt-u-1', 'user', 'Cách nấu phở bò như trong ảnh?'],
      ['chatgpt-a-1', 'assistant', 'Ninh xương bò 6 tiếng, thêm quế, hồi, gừng nướng.'],
    ]);
    expect(parents(pho.messages)).toEqual({
      'chatgpt-u-old': null,
      'chatgpt-a-old': 'chatgpt-u-old',
      'chatgpt-u-1': null,
      'chatgpt-a-1': 'chatgpt-u-1',
    });
    expect(onScreen(pho.messages)).toEqual(['chatgpt-u-1', 'chatgpt-a-1']);
    expect(pho.id).toBe('chatgpt-6a1f0c2e-1111-4c3b-9d2e-000000000001');
    expect(pho.messages[2]?.createdAt).toBe(1717236100250);
    expect(pho.messages[3]).toMatchObject({ model: 'gpt-4o', status: 'complete' });
    expect(pho.systemPrompt).toBeNull();
    // Both answers of the regenerated pair follow the question across the thoughts, and both
    // carry them as reasoning; the later one is current.
    expect(primes.systemPrompt).toBe('Answer in Chinese.');
    expect(parents(primes.messages)).toEqual({
      'chatgpt-q2': null,
      'chatgpt-a2-first': 'chatgpt-q2',
      'chatgpt-a2': 'chatgpt-q2',
    });
    expect(onScreen(primes.messages)).toEqual(['chatgpt-q2', 'chatgpt-a2']);
    expect(primes.messages.map((m) => m.reasoning)).toEqual([
      '',
      'Euclid\nAssume finitely many primes.',
      'Euclid\nAssume finitely many primes.',
    ]);
    expect(primes.messages[2]?.model).toBe('o1');
    expect(Object.fromEntries(out.skipped.map((s) => [s.reason, s.count]))).toEqual({
      hidden: 2,
      attachment: 1,
      tool: 2,
    });
  });

  it('shows the current branch even when it is the older version at every level', () => {
    const out = convertChatGpt(fixture('chatgpt-branches.json') as unknown[]);
    const [conversation] = out.conversations;
    if (!conversation) throw new Error('not converted');
    const id = (key: string): string => `chatgpt-${key}`;
    // Every visible message, each edited question and regenerated answer included.
    expect(conversation.messages.map((m) => m.id).sort()).toEqual(
      ['q1', 'a1', 'q2', 'a2-old', 'a2-new', 'q1-edit', 'a1-edit'].map(id).sort(),
    );
    // The regenerated answer ran a tool first: it follows the question, beside the first answer.
    expect(parents(conversation.messages)).toEqual({
      [id('q1')]: null,
      [id('a1')]: id('q1'),
      [id('q2')]: id('a1'),
      [id('a2-old')]: id('q2'),
      [id('a2-new')]: id('q2'),
      [id('q1-edit')]: null,
      [id('a1-edit')]: id('q1-edit'),
    });
    // current_node is the first answer under the first question: that path is on screen (and is
    // what the next prompt sends), though the edit and the regenerated answer came later.
    expect(onScreen(conversation.messages)).toEqual(['q1', 'a1', 'q2', 'a2-old'].map(id));
    const at = (key: string): number =>
      conversation.messages.find((m) => m.id === id(key))?.createdAt ?? NaN;
    expect(at('a2-new')).toBeGreaterThan(at('a2-old'));
    expect(at('q1-edit')).toBeGreaterThan(at('q1'));
    // Moving current_node to the edited question's answer puts that branch on screen instead.
    const moved = (fixture('chatgpt-branches.json') as Record<string, unknown>[]).map((c) => ({
      ...c,
      current_node: 'a1-edit',
    }));
    const other = convertChatGpt(moved).conversations[0];
    expect(onScreen(other?.messages ?? [])).toEqual(['q1-edit', 'a1-edit'].map(id));
    expect(Object.fromEntries(out.skipped.map((s) => [s.reason, s.count]))).toEqual({
      hidden: 1,
      tool: 2,
    });
  });

  it('keeps the current branch’s system prompt and counts a different one on another branch', () => {
    const primes = structuredClone(data[1]) as { mapping: Record<string, unknown> };
    const s2 = primes.mapping.s2 as { message: Record<string, unknown> };
    const system = (id: string, text: string) => ({
      id,
      parent: 'rr2',
      children: [],
      message: { ...s2.message, id, content: { content_type: 'text', parts: [text] } },
    });
    primes.mapping['s-same'] = system('s-same', 'Answer in Chinese.');
    primes.mapping['s-other'] = system('s-other', 'Answer in English.');
    const out = convertChatGpt([primes]);
    expect(out.conversations[0]?.systemPrompt).toBe('Answer in Chinese.');
    expect(out.conversations[0]?.messages).toHaveLength(3);
    expect(out.skipped).toContainEqual({ reason: 'branch', count: 1 });
  });

  it('ranks the versions below a current_node that is not a leaf', () => {
    const primes = { ...(data[1] as Record<string, unknown>), current_node: 'q2' };
    const messages = convertChatGpt([primes]).conversations[0]?.messages ?? [];
    // The later answer is on screen, by a rank the app stores (with every rank at zero a
    // conversation reads as one line).
    expect(onScreen(messages)).toEqual(['chatgpt-q2', 'chatgpt-a2']);
    expect(messages.find((m) => m.id === 'chatgpt-a2')?.versionRank).toBeGreaterThan(0);
  });

  it('follows the newest leaf when a file has no current_node, and survives a parent cycle', () => {
    const copy = structuredClone(data) as Record<string, unknown>[];
    const second = copy[1] as {
      current_node?: string;
      mapping: Record<string, { parent: string | null }>;
    };
    delete second.current_node;
    const out = convertChatGpt([second]);
    expect(onScreen(out.conversations[0]?.messages ?? []).at(-1)).toBe('chatgpt-a2');

    const looped = structuredClone(second);
    (looped.mapping.r2 as { parent: string | null }).parent = 'a2';
    const messages = convertChatGpt([{ ...looped, current_node: 'a2' }]).conversations[0]?.messages;
    expect(messages).toHaveLength(3);
    expect(onScreen(messages ?? [])).toEqual(['chatgpt-q2', 'chatgpt-a2']);
  });
});

describe('Chatbox backup', () => {
  const data = fixture('chatbox-backup.json') as Record<string, unknown>;

  it('imports sessions, earlier threads, legacy sessions and alternative answers; skips picture sessions', () => {
    const out = convertChatbox(data, 0);
    expect(out.conversations.map((c) => [c.id, c.title, c.messages.length])).toEqual([
      ['chatbox-s-1-t-1', 'Tiết kiệm tiền — Ngân sách cũ', 2],
      ['chatbox-s-1', 'Tiết kiệm tiền', 5],
      ['chatbox-legacy-1', 'Old chat', 2],
    ]);
    const main = out.conversations[1];
    expect(main?.systemPrompt).toBe('You are a frugal assistant.');
    const byId = (id: string) => main?.messages.find((m) => m.id === `chatbox-s-1-${id}`);
    expect(byId('m-2')).toMatchObject({
      content: 'Ghi chép chi tiêu và đặt ngân sách.',
      reasoning: 'The user wants a savings plan.',
      model: 'DeepSeek API (deepseek-reasoner)',
      createdAt: 1740902420000,
    });
    expect(main?.messages[4]).toMatchObject({ status: 'error', content: '' });
    // The alternative answer of the fork at m-1 is a version of the answer shown.
    expect(byId('m-2a')).toMatchObject({
      parentId: 'chatbox-s-1-m-1',
      content: 'Một câu trả lời khác',
    });
    expect(byId('m-2')?.parentId).toBe('chatbox-s-1-m-1');
    expect(onScreen(main?.messages ?? [])).toEqual(
      ['m-1', 'm-2', 'm-3', 'm-4'].map((m) => `chatbox-s-1-${m}`),
    );
    // Legacy messages carry no time: placed at the export time, in order.
    const legacy = out.conversations[2]?.messages ?? [];
    expect(legacy[0]?.createdAt).toBeLessThan(legacy[1]?.createdAt ?? 0);
    expect(legacy[1]?.createdAt).toBeLessThanOrEqual(Date.parse('2025-03-02T08:00:00.000Z'));
    expect(Object.fromEntries(out.skipped.map((s) => [s.reason, s.count]))).toEqual({
      unsupported: 1,
      attachment: 1,
    });
    expect(JSON.stringify(out)).not.toContain('api.openai.com');
  });

  it('turns forks into versions: alternative answers, nested forks and an edited question', () => {
    const m = (id: string, role: string, t: number, extra: Record<string, unknown> = {}) => ({
      id,
      role,
      content: `text of ${id}`,
      timestamp: t,
      ...extra,
    });
    const backup = {
      __exported_at: '2025-03-02T08:00:00.000Z',
      'chat-sessions-list': [{ id: 's-9' }],
      'session:s-9': {
        id: 's-9',
        name: 'Forks',
        messages: [
          m('u1', 'user', 1000),
          // A summary anchored to the fork point stays before every branch.
          m('sum', 'assistant', 1500, { isSummary: true }),
          m('a1c', 'assistant', 4000),
          m('u2', 'user', 5000),
          m('a2', 'assistant', 5100),
        ],
        messageForksHash: {
          u1: {
            position: 2,
            lists: [
              {
                id: 'l-a',
                messages: [
                  m('a1a', 'assistant', 2000),
                  m('ux', 'user', 2100),
                  m('ax', 'assistant', 2200),
                ],
              },
              {
                id: 'l-b',
                // A stale copy of the shown answer is not imported twice.
                messages: [
                  m('a1b', 'assistant', 3000, { files: [{ id: 'f' }] }),
                  m('a1c', 'assistant', 4000),
                ],
              },
              { id: 'l-c', messages: [] },
            ],
          },
          // A fork inside a branch that is not shown.
          ux: {
            position: 0,
            lists: [
              { id: 'l-d', messages: [] },
              { id: 'l-e', messages: [m('ax2', 'assistant', 2300)] },
            ],
          },
          // Save & Resend: the original question and its answer kept as a branch after a1c.
          a1c: {
            position: 1,
            lists: [
              {
                id: 'l-f',
                messages: [m('u2-orig', 'user', 4500), m('a2-orig', 'assistant', 4600)],
              },
              { id: 'l-g', messages: [] },
            ],
          },
        },
      },
    };
    const out = convertChatbox(backup, 0);
    const [conversation] = out.conversations;
    if (!conversation) throw new Error('not converted');
    const id = (key: string): string => `chatbox-s-9-${key}`;
    expect(parents(conversation.messages)).toEqual({
      [id('u1')]: null,
      [id('sum')]: id('u1'),
      [id('a1a')]: id('sum'),
      [id('ux')]: id('a1a'),
      [id('ax')]: id('ux'),
      [id('ax2')]: id('ux'),
      [id('a1b')]: id('sum'),
      [id('a1c')]: id('sum'),
      [id('u2-orig')]: id('a1c'),
      [id('a2-orig')]: id('u2-orig'),
      [id('u2')]: id('a1c'),
      [id('a2')]: id('u2'),
    });
    expect(onScreen(conversation.messages)).toEqual(['u1', 'sum', 'a1c', 'u2', 'a2'].map(id));
    expect(Object.fromEntries(out.skipped.map((s) => [s.reason, s.count]))).toEqual({
      attachment: 1,
    });
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
      // Versions included: 4 in the first conversation, 3 in the second.
      messages: 7,
      firstAt: 1717236010000,
      lastAt: 1733011300000,
      skipped: converted.skipped,
    });
  });
});
