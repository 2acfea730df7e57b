import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Markdown, splitBlocks } from '../../../src/renderer/src/markdown';
import {
  forgetSlowBlocks,
  precheckBlock,
  renderLimits,
} from '../../../src/renderer/src/markdown/renderLimits';

const realNow = renderLimits.now;
afterEach(() => {
  renderLimits.now = realNow;
  forgetSlowBlocks();
});

function show(text: string, streaming = false) {
  return render(
    <Markdown text={text} streaming={streaming} onOpenLink={vi.fn()} onLoadImage={vi.fn()} />,
  );
}

function plainBlocks(container: HTMLElement) {
  return [...container.querySelectorAll('.md-plain-block')].map((block) => ({
    reason: block.getAttribute('data-plain-reason'),
    note: block.querySelector('[role="note"]')?.textContent,
    text: block.querySelector('pre')?.textContent,
  }));
}

/** A list nested `levels` deep, each level indented two more columns (700 levels ≈ 490 KB). */
function nestedList(levels: number): string {
  let text = '';
  for (let i = 0; i < levels; i++) text += `${'  '.repeat(i)}- item ${i}\n`;
  return text;
}

describe('hostile nesting renders as plain text instead of overflowing the stack', () => {
  it('2,500 quote markers', () => {
    const quotes = '>'.repeat(2500);
    const { container } = show(`${quotes}\n\nAfter it, **still formatted**.`);
    expect(plainBlocks(container)).toEqual([
      {
        reason: 'depth',
        note: 'Shown as plain text: this part is too large or too deeply nested to format.',
        text: quotes,
      },
    ]);
    expect(container.querySelector('blockquote')).toBeNull();
    expect(container.querySelector('strong')).toHaveTextContent('still formatted');
  });

  it('2,500 quote markers followed by text on the same line', () => {
    const text = `${'>'.repeat(2500)} hello`;
    const { container } = show(text);
    expect(plainBlocks(container)).toMatchObject([{ reason: 'depth', text }]);
  });

  it('a 700-level nested list (490 KB) between two ordinary paragraphs', () => {
    const list = nestedList(700);
    expect(list.length).toBeGreaterThan(490_000);
    const { container } = show(`Intro with *emphasis*.\n\n${list}\nOutro with \`code\`.`);
    const plain = plainBlocks(container);
    expect(plain).toHaveLength(1);
    expect(plain[0]?.text).toBe(list.trimEnd());
    expect(container.querySelector('ul')).toBeNull();
    expect(container.querySelector('em')).toHaveTextContent('emphasis');
    expect(container.querySelector('code')).toHaveTextContent('code');
  });

  it('splits a 700-level list into the same top-level blocks as a shallow one', () => {
    const list = nestedList(700);
    const blocks = splitBlocks(`Intro.\n\n${list}\nOutro.`);
    expect(blocks).toEqual(['Intro.\n\n', `${list}\n`, 'Outro.']);
  });

  it('3,000 nested emphasis markers', () => {
    const text = `${'*a '.repeat(3000)}b${' c*'.repeat(3000)}`;
    const { container } = show(text);
    expect(plainBlocks(container)).toMatchObject([{ reason: 'size', text }]);
  });

  it('emphasis nested deeper than the tree allows, within the delimiter limit', () => {
    const text = `${'*a '.repeat(80)}b${' c*'.repeat(80)}`;
    expect(precheckBlock(text)).toBeNull();
    const { container } = show(text);
    expect(plainBlocks(container)).toMatchObject([{ reason: 'depth', text }]);
    expect(container.querySelector('em')).toBeNull();
  });

  it('1,000 nested link brackets', () => {
    const text = `${'['.repeat(1000)}x${'](https://example.com)'.repeat(1000)}`;
    const { container } = show(text);
    expect(plainBlocks(container)).toMatchObject([{ reason: 'depth', text }]);
    expect(container.querySelector('a')).toBeNull();
  });

  it('1,000 images nested in links', () => {
    const text = `${'[!'.repeat(1000)}[x](https://a.example)${'](https://b.example)'.repeat(1000)}`;
    const { container } = show(text);
    expect(plainBlocks(container)).toMatchObject([{ reason: 'depth' }]);
  });
});

describe('ordinary Markdown is untouched by the limits', () => {
  it('keeps five nested list levels, quotes and links formatted', () => {
    const text = `${nestedList(5)}\n> > quoted [link](https://example.com) and **bold**`;
    const { container } = show(text);
    expect(plainBlocks(container)).toEqual([]);
    expect(container.querySelectorAll('ul')).toHaveLength(5);
    expect(container.querySelectorAll('blockquote')).toHaveLength(2);
    expect(container.querySelector('a')).toHaveAttribute('href', 'https://example.com/');
  });

  it('keeps an image inside a link, a few brackets deep', () => {
    const text = '[[note] ![chart](https://img.example/c.png)](https://example.com/page)';
    const { container } = show(text);
    expect(plainBlocks(container)).toEqual([]);
    expect(container.querySelector('a')).toHaveAttribute('href', 'https://example.com/page');
    expect(container.querySelector('.md-image-placeholder')).not.toBeNull();
  });

  it('does not count indentation inside fenced code', () => {
    const code = `${' '.repeat(80)}deeply_indented = 1\n`.repeat(3);
    expect(precheckBlock(`- list item\n\n  \`\`\`py\n${code}  \`\`\``)).toBeNull();
  });

  it('ignores the clock for short blocks', () => {
    let clock = 0;
    renderLimits.now = () => (clock += 10_000);
    const { container } = show('A *short* paragraph.');
    expect(plainBlocks(container)).toEqual([]);
    expect(container.querySelector('em')).toHaveTextContent('short');
  });
});

describe('the time budget', () => {
  const long = `${'A sentence with *emphasis* in it. '.repeat(150)}`;

  it('shows a block that took longer than the budget as plain text, and keeps it so while it grows', () => {
    let clock = 0;
    renderLimits.now = () => (clock += renderLimits.budgetMs + 1);
    const view = show(long, true);
    expect(plainBlocks(view.container)).toMatchObject([{ reason: 'time', text: long }]);

    // Back on a real clock, the same block growing is not parsed again.
    renderLimits.now = realNow;
    const grown = `${long}More words`;
    view.rerender(<Markdown text={grown} streaming onOpenLink={vi.fn()} onLoadImage={vi.fn()} />);
    expect(plainBlocks(view.container)).toMatchObject([{ reason: 'time', text: grown }]);
  });

  it('formats the same block when it finishes within the budget', () => {
    let clock = 0;
    renderLimits.now = () => (clock += 1);
    const { container } = show(long);
    expect(plainBlocks(container)).toEqual([]);
    expect(container.querySelectorAll('em')).toHaveLength(150);
  });
});

describe('translated note', () => {
  it('uses the label it is given', () => {
    const { container } = render(
      <Markdown
        text={'>'.repeat(100)}
        streaming={false}
        onOpenLink={vi.fn()}
        onLoadImage={vi.fn()}
        labels={{ plainFallback: '以纯文本显示' }}
      />,
    );
    expect(plainBlocks(container)[0]?.note).toBe('以纯文本显示');
  });
});
