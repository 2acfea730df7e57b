import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import type { SearchResult } from '../../../src/shared/types/history';
import { TempDir } from './tempStore';

const highlighted = (r: SearchResult | undefined) =>
  r ? r.ranges.map(([s, e]) => r.snippet.slice(s, e)) : [];

describe('search', () => {
  let dir: TempDir;
  let store: HistoryStore;
  let conversationId: string;
  beforeEach(async () => {
    dir = new TempDir();
    store = (await dir.open()).store;
    conversationId = store.createConversation({ title: 'Notes' }).id;
  });
  afterEach(() => dir.cleanup());

  const add = (content: string, role: 'user' | 'assistant' = 'user') =>
    store.appendMessage({ conversationId, role, content }).id;
  const find = (query: string) =>
    store.search({ query }).results.filter((r) => r.messageId !== null);

  it('matches Vietnamese without diacritics both ways, đ included', () => {
    const accented = add('Mẹo tiết kiệm tiền điện mùa hè');
    const plain = add('tiet kiem dong tien');
    expect(find('tiet kiem').map((r) => r.messageId)).toEqual([plain, accented]);
    expect(find('tiết kiệm').map((r) => r.messageId)).toEqual([plain, accented]);
    expect(find('đồng').map((r) => r.messageId)).toEqual([plain]);
    expect(find('dien').map((r) => r.messageId)).toEqual([accented]);
    expect(highlighted(find('tiet kiem')[1])).toEqual(['tiết', 'kiệm']);
    expect(highlighted(find('"tiet kiem dong"')[0])).toEqual(['tiet kiem dong']);
  });

  it('matches Chinese substrings of one, two and more characters', () => {
    const a = add('这个中转站的模型接口很稳定');
    add('中国的转机');
    expect(find('中转').map((r) => r.messageId)).toEqual([a]);
    expect(find('转站的模').map((r) => r.messageId)).toEqual([a]);
    expect(find('站').map((r) => r.messageId)).toEqual([a]);
    expect(highlighted(find('中转')[0])).toEqual(['中转']);
  });

  it('folds decomposed accents, full-width letters and case the same way on both sides', () => {
    const nfd = add('Tie\u0302\u0301t kie\u0323\u0302m with ＧＰＴ-4o');
    expect(find('TIẾT KIỆM').map((r) => r.messageId)).toEqual([nfd]);
    expect(find('gpt').map((r) => r.messageId)).toEqual([nfd]);
    expect(highlighted(find('tiet')[0])).toEqual(['Tie\u0302\u0301t']);
    expect(highlighted(find('gpt 4o')[0])).toEqual(['ＧＰＴ', '4o']);
  });

  it('treats quoted text as a phrase and bare words as all-of', () => {
    const phrase = add('machine learning on a budget');
    const apart = add('learning about the machine room');
    expect(find('"machine learning"').map((r) => r.messageId)).toEqual([phrase]);
    expect(
      find('machine learning')
        .map((r) => r.messageId)
        .sort(),
    ).toEqual([phrase, apart].sort());
    expect(find('machine zebra')).toEqual([]);
  });

  it('lists title matches first, then messages newest first, paged by cursor without repeats', () => {
    const ids = Array.from({ length: 45 }, (_, i) => add(`budget line ${i}`));
    store.renameConversation(conversationId, 'Budget planning');
    const first = store.search({ query: 'budget', limit: 20 });
    expect(first.results[0]).toMatchObject({
      messageId: null,
      conversationId,
      conversationTitle: 'Budget planning',
    });
    expect(highlighted(first.results[0])).toEqual(['Budget']);
    const seen = first.results.slice(1).map((r) => r.messageId);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = store.search({ query: 'budget', cursor, limit: 20 });
      expect(page.results.every((r) => r.messageId !== null)).toBe(true);
      seen.push(...page.results.map((r) => r.messageId));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('shows a Markdown answer as plain text in its snippet, with ranges into that text', () => {
    add(
      '## Kết quả\n\nDùng relay giúp **tiết kiệm** chi phí, xem [bảng giá](https://example.com).',
      'assistant',
    );
    const [hit] = find('tiet kiem');
    expect(hit?.snippet).toBe('Kết quả  Dùng relay giúp tiết kiệm chi phí, xem bảng giá.');
    expect(highlighted(hit)).toEqual(['tiết', 'kiệm']);
  });

  it('cuts a snippet around the match in a long text, with ranges into the snippet and no markup', () => {
    const long = `${'lorem ipsum dolor sit amet '.repeat(200)}<b>the quokka</b> smiles 😀 ${'tail words '.repeat(100)}`;
    add(long);
    const [hit] = find('quokka');
    expect(hit?.snippet.startsWith('…')).toBe(true);
    expect(hit?.snippet.endsWith('…')).toBe(true);
    expect(hit?.snippet.length).toBeLessThan(210);
    expect(highlighted(hit)).toEqual(['quokka']);
    expect(hit?.snippet).toContain('<b>the quokka</b> smiles 😀');
  });

  it('does not fail or misread FTS syntax typed by the user', () => {
    const id = add('cats AND dogs NEAR the (river) with a * star and col:on');
    for (const q of ['AND', 'NEAR(', '*', '"unbalanced', 'col:on', '-dogs', '(river', '^cats']) {
      expect(() => store.search({ query: q })).not.toThrow();
    }
    expect(find('AND').map((r) => r.messageId)).toEqual([id]);
    expect(store.search({ query: '   ' }).results).toEqual([]);
    expect(store.search({ query: '!!! ???' }).results).toEqual([]);
  });

  it('leaves out trashed conversations until they are restored', () => {
    const id = add('platypus facts');
    store.trashConversation(conversationId);
    expect(store.search({ query: 'platypus' }).results).toEqual([]);
    store.restoreConversation(conversationId);
    expect(find('platypus').map((r) => r.messageId)).toEqual([id]);
  });
});
