import { describe, expect, it } from 'vitest';
import { phraseRangesIn } from '../../../src/renderer/src/components/sidebar/messageHighlight';
import { queryPhrases } from '../../../src/shared/rules/searchMatch';

function render(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

const highlighted = (root: HTMLElement, query: string): string[] =>
  phraseRangesIn(root, queryPhrases(query)).map((r) => r.toString());

describe('phraseRangesIn', () => {
  it('highlights Vietnamese words typed without diacritics, across inline Markdown', () => {
    const root = render(
      '<h2>Kết quả</h2><p>Dùng relay giúp <strong>tiết</strong> kiệm chi phí.</p><ul><li>Tiết kiệm 95 %</li></ul>',
    );
    expect(highlighted(root, 'tiet kiem')).toEqual(['tiết', 'kiệm', 'Tiết', 'kiệm']);
    expect(highlighted(root, '"tiet kiem chi"')).toEqual(['tiết kiệm chi']);
  });

  it('highlights Chinese substrings, including one split by an element', () => {
    const root = render('<p>介绍一下<em>中转</em>站，中转站很便宜</p>');
    expect(highlighted(root, '中转站')).toEqual(['中转站', '中转站']);
  });

  it('never joins words of separate blocks, and skips controls and hidden labels', () => {
    const blocks = render('<p>save</p><p>money</p>');
    expect(highlighted(blocks, 'savemoney')).toEqual([]);
    const inline = render('<p><b>save</b>money</p>');
    expect(highlighted(inline, 'savemoney')).toEqual(['savemoney']);
    const controls = render(
      '<p>money</p><button>money</button><span class="visually-hidden">money</span>',
    );
    expect(highlighted(controls, 'money')).toEqual(['money']);
  });
});
