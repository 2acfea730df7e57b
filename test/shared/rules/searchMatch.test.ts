import { describe, expect, it } from 'vitest';
import { findPhraseRanges, queryPhrases } from '../../../src/shared/rules/searchMatch';

const hits = (text: string, query: string): string[] =>
  findPhraseRanges(text, queryPhrases(query)).map(([s, e]) => text.slice(s, e));

describe('findPhraseRanges', () => {
  it('finds Vietnamese words typed without diacritics, and with them', () => {
    const text = 'Dùng relay giúp Tiết kiệm chi phí; tiết kiệm nữa.';
    expect(hits(text, 'tiet kiem')).toEqual(['Tiết', 'kiệm', 'tiết', 'kiệm']);
    expect(hits(text, '"tiet kiem chi"')).toEqual(['Tiết kiệm chi']);
    expect(hits(text, 'đung')).toEqual(['Dùng']);
  });

  it('finds Chinese substrings inside longer runs', () => {
    expect(hits('介绍一下中转站，中转很便宜', '中转')).toEqual(['中转', '中转']);
    expect(hits('这个中转站的模型', '转站的')).toEqual(['转站的']);
    expect(hits('中国的转机', '中转')).toEqual([]);
  });

  it('matches whole words only, ignoring case and operators typed as text', () => {
    expect(hits('DeepSeek or deepseeker', 'DEEPSEEK')).toEqual(['DeepSeek']);
    expect(hits('cost: low AND fast', 'low AND')).toEqual(['low', 'AND']);
    expect(hits('anything', '  ')).toEqual([]);
  });
});
