import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import {
  CHUNK_CHARS,
  chunkSize,
  nextChunk,
  OVERLAP_TOKENS,
  type Chunk,
} from '../../../src/main/history/searchChunks';
import { tokenize } from '../../../src/shared/rules/searchText';
import type { SearchResult } from '../../../src/shared/types/history';
import { TempDir } from './tempStore';

const MB = 1_000_000;
const highlighted = (r: SearchResult | undefined) =>
  r ? r.ranges.map(([s, e]) => r.snippet.slice(s, e)) : [];

function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (let c = nextChunk(text, 0, chunkSize(text.length)); c;) {
    chunks.push(c);
    c = nextChunk(text, c.end, chunkSize(text.length));
  }
  return chunks;
}

describe('chunked search index', () => {
  let dir: TempDir;
  let store: HistoryStore;
  let conversationId: string;
  beforeEach(async () => {
    dir = new TempDir();
    store = (await dir.open()).store;
    conversationId = store.createConversation({ title: 'Notes' }).id;
  });
  afterEach(() => dir.cleanup());

  const add = (content: string) =>
    store.appendMessage({ conversationId, role: 'user', content }).id;
  const find = (query: string) =>
    store.search({ query }).results.filter((r) => r.messageId !== null);
  const chunkRows = () =>
    store.db.prepare('SELECT count(*) FROM search_chunk_start').pluck().get() as number;

  it('finds a 1 MB message by a word at its end, with its snippet, once indexed in slices', async () => {
    const text = `${fill('The quick brown fox jumps over the lazy dog. ', MB)} final wombat here`;
    const id = add(text);
    await store.searchIndexed();
    const [hit] = find('wombat');
    expect(hit?.messageId).toBe(id);
    expect(highlighted(hit)).toEqual(['wombat']);
    expect(hit?.snippet.startsWith('…')).toBe(true);
    expect(chunkRows()).toBeGreaterThan(MB / CHUNK_CHARS);
    expect(find('fox').map((r) => r.messageId)).toEqual([id]); // one hit per message
  });

  it('finds Chinese substrings and unaccented Vietnamese at the end of a 1 MB mixed text', async () => {
    const text = `${fill('Giá của 中转站 API là bao nhiêu? The relay 每百万 token 收费 ', MB)}最后的袋熊 tiết kiệm cuối`;
    const id = add(text);
    await store.searchIndexed();
    expect(find('的袋熊').map((r) => r.messageId)).toEqual([id]);
    expect(highlighted(find('的袋熊')[0])).toEqual(['的袋熊']);
    expect(find('"tiet kiem cuoi"').map((r) => r.messageId)).toEqual([id]);
  });

  it('finds a phrase across every cut between chunks, and words that sit in different chunks', async () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i.toString(36)}`).join(' ');
    const id = add(words);
    await store.searchIndexed();
    const chunks = chunksOf(words);
    expect(chunks.length).toBeGreaterThan(5);
    for (const { end } of chunks.slice(0, -1)) {
      const before = [...tokenize(words.slice(Math.max(0, end - 40), end))].slice(-2);
      const after = [...tokenize(words.slice(end, end + 40))].slice(0, 2);
      const phrase = [...before, ...after].map((t) => t.text).join(' ');
      expect(find(`"${phrase}"`).map((r) => r.messageId)).toEqual([id]);
    }
    expect(find(`w0 w${(29_999).toString(36)}`).map((r) => r.messageId)).toEqual([id]); // first and last
    expect(find('w0 nowhere')).toEqual([]);
  });

  it('overlaps each chunk by the longest phrase a query may hold and covers the whole text', () => {
    const text = fill('中转站 relay tiết kiệm 🎉 ', 200_000);
    const chunks = chunksOf(text);
    expect(chunks[0]?.start).toBe(0);
    expect(chunks.at(-1)?.end).toBe(text.length);
    for (let k = 1; k < chunks.length; k++) {
      const prev = chunks[k - 1] as Chunk;
      const chunk = chunks[k] as Chunk;
      expect(chunk.start).toBeLessThan(prev.end);
      expect([...tokenize(text.slice(chunk.start, prev.end))]).toHaveLength(OVERLAP_TOKENS);
    }
  });

  it('keeps newest first and pages across short and long messages', async () => {
    const ids = [
      add('budget one'),
      add(`${fill('filler words ', 40_000)} budget two`),
      add('budget three'),
      add(`budget four ${fill('more filler ', 40_000)}`),
      add('budget five'),
    ];
    await store.searchIndexed();
    const seen: (string | null)[] = [];
    let page = store.search({ query: 'budget', limit: 2 });
    for (;;) {
      seen.push(...page.results.map((r) => r.messageId));
      if (!page.nextCursor) break;
      page = store.search({ query: 'budget', limit: 2, cursor: page.nextCursor });
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('drops every chunk when the message is deleted, edited or its conversation trashed', async () => {
    const long = `${fill('lorem ipsum dolor ', 100_000)} platypus`;
    const id = add(long);
    await store.searchIndexed();
    expect(find('platypus')).toHaveLength(1);

    store.editMessage(id, `${fill('lorem ipsum dolor ', 100_000)} echidna`);
    await store.searchIndexed();
    expect(find('platypus')).toEqual([]);
    expect(find('echidna').map((r) => r.messageId)).toEqual([id]);

    store.trashConversation(conversationId);
    expect(find('echidna')).toEqual([]);
    expect(chunkRows()).toBe(0);
    store.restoreConversation(conversationId);
    await store.searchIndexed();
    expect(find('echidna').map((r) => r.messageId)).toEqual([id]);

    store.editMessage(id, 'now short: echidna');
    expect(chunkRows()).toBe(0);
    expect(find('echidna').map((r) => r.messageId)).toEqual([id]);
    expect(find('lorem')).toEqual([]);

    store.editMessage(id, long);
    await store.searchIndexed();
    store.deleteMessage(id);
    expect(chunkRows()).toBe(0);
    expect(find('platypus')).toEqual([]);
    expect(find('lorem')).toEqual([]);
    for (const table of ['message_search', 'message_search_long']) {
      const fts = store.db
        .prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH 'lorem'`)
        .pluck()
        .get();
      expect(fts).toBe(0);
    }
  });

  it('finishes indexing a long message after a restart cut it short', async () => {
    const id = add(`${fill('Tiết kiệm điện thế nào? ', 300_000)} kangaroo`);
    store.close(); // before any slice ran
    const reopened = (await dir.open()).store;
    await reopened.searchIndexed();
    const hits = reopened.search({ query: 'kangaroo' }).results.filter((r) => r.messageId);
    expect(hits.map((r) => r.messageId)).toEqual([id]);
  });
});
