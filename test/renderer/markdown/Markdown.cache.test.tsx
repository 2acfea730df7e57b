import { afterEach, describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Markdown } from '../../../src/renderer/src/markdown';
import { renderedBlocks } from '../../../src/renderer/src/markdown/MarkdownBlock';

const noop = (): void => undefined;
const noImages = (): Promise<string> => Promise.reject(new Error('no images'));
const view = (text: string, streaming = false) => (
  <Markdown text={text} streaming={streaming} onOpenLink={noop} onLoadImage={noImages} />
);

describe('rendered blocks are kept across mounts', () => {
  afterEach(() => renderedBlocks.clear());

  it('a finished message mounted again reuses its blocks, with the same output', () => {
    const text =
      '# Title with `code`\n\nA paragraph with **bold** text.\n\n| a | b |\n|---|---|\n| 1 | 2 |';
    const first = render(view(text));
    const html = first.container.innerHTML;
    expect(renderedBlocks.size).toBe(3);
    const kept = renderedBlocks.peek('A paragraph with **bold** text.');
    expect(kept?.plain).toBeNull();
    first.unmount();

    const second = render(view(text));
    expect(second.container.innerHTML).toBe(html);
    // The same element tree, not a new parse of the same text.
    expect(renderedBlocks.peek('A paragraph with **bold** text.')).toBe(kept);
    expect(renderedBlocks.size).toBe(3);
  });

  it('the growing last block of a stream is not kept; the blocks before it are', () => {
    const { rerender } = render(view('First *block*.\n\nSecond *b', true));
    rerender(view('First *block*.\n\nSecond *bl', true));
    expect(renderedBlocks.peek('First *block*.')).toBeDefined();
    expect(renderedBlocks.peek('Second *b')).toBeUndefined();
    expect(renderedBlocks.peek('Second *bl')).toBeUndefined();
    expect(renderedBlocks.size).toBe(1);
  });

  it('a line of plain prose is not kept: it is shown without the parser', () => {
    const text = 'Plain prose.\n\nWith **markup**.';
    const { container } = render(view(text));
    expect(container.querySelectorAll('p')[0]?.textContent).toBe('Plain prose.');
    expect(renderedBlocks.peek('Plain prose.')).toBeUndefined();
    expect(renderedBlocks.peek('With **markup**.')).toBeDefined();
  });
});
