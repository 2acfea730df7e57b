import { describe, expect, it } from 'vitest';
import { highlightParts } from '../../../src/renderer/src/components/sidebar/SearchResults';

describe('highlightParts', () => {
  it('splits a snippet into plain and highlighted parts', () => {
    expect(highlightParts('Giúp tiết kiệm chi phí', [[5, 14]])).toEqual([
      { text: 'Giúp ', hit: false },
      { text: 'tiết kiệm', hit: true },
      { text: ' chi phí', hit: false },
    ]);
  });
  it('ignores overlapping or out-of-range ranges instead of producing HTML or garbage', () => {
    expect(
      highlightParts('中转站', [
        [0, 2],
        [1, 3],
        [2, 99],
      ]),
    ).toEqual([
      { text: '中转', hit: true },
      { text: '站', hit: false },
    ]);
  });
});
