import { describe, expect, it } from 'vitest';
import {
  groupSearchResults,
  hitKind,
} from '../../../src/renderer/src/components/sidebar/searchGroups';
import type { SearchResult } from '../../../src/shared/types/history';

const hit = (
  conversationId: string,
  messageId: string | null,
  role: SearchResult['role'],
): SearchResult => ({
  conversationId,
  conversationTitle: `Title ${conversationId}`,
  messageId,
  role,
  snippet: 'tiết kiệm',
  ranges: [[0, 4]],
  createdAt: 1,
});

describe('search result groups', () => {
  it('gathers hits per conversation in the order their first hit came, title first', () => {
    const groups = groupSearchResults([
      hit('b', null, null),
      hit('a', 'm3', 'assistant'),
      hit('b', 'm2', 'user'),
      hit('a', 'm1', 'user'),
    ]);
    expect(groups.map((g) => [g.conversationId, g.title, g.hits.map((h) => h.messageId)])).toEqual([
      ['b', 'Title b', [null, 'm2']],
      ['a', 'Title a', ['m3', 'm1']],
    ]);
  });

  it('adds a later page to the groups already shown, without duplicates', () => {
    const first = [hit('a', 'm3', 'assistant')];
    const more = [...first, hit('a', 'm3', 'assistant'), hit('c', 'm0', 'user')];
    expect(groupSearchResults(more).map((g) => g.hits.length)).toEqual([1, 1]);
  });

  it('names the kind of each hit', () => {
    expect([null, 'user', 'assistant', 'system'].map((r) => hitKind(r as never))).toEqual([
      'title',
      'question',
      'answer',
      'instructions',
    ]);
  });
});
