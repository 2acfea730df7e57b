import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';
import { renderProbe } from '../../../src/renderer/src/markdown/renderProbe';
import { MarkdownBlock } from '../../../src/renderer/src/markdown/MarkdownBlock';
import { loadMarkdownRenderers } from '../../../src/renderer/src/markdown/lazyRenderers';

// KaTeX and the highlighter are chunks loaded on first use; these tests look at their output.
await loadMarkdownRenderers();

const noop = () => undefined;
const noImages = () => Promise.reject(new Error('unused'));

function stream(text: string, streaming = true) {
  return <Markdown text={text} streaming={streaming} onOpenLink={noop} onLoadImage={noImages} />;
}

let renders: number[] = [];
beforeEach(() => {
  renders = [];
  renderProbe.onBlock = (index) => renders.push(index);
});
afterEach(() => {
  renderProbe.onBlock = null;
  renderProbe.onMarkdown = null;
});

const answer = [
  '# Plan',
  '',
  'First paragraph with a [link](https://example.com) and $x^2$.',
  '',
  '```ts',
  'const x: number = 1;',
  '',
  'export default x;',
  '```',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 | 2 |',
  '',
  '- [x] done',
  '- [ ] open',
  '',
  'The answer keeps growing word by word until the stream ends, and nothing above it moves.',
].join('\n');

describe('streaming', () => {
  it('re-renders only the growing last block', () => {
    const lastStart = answer.indexOf('The answer');
    const { rerender, container } = render(stream(answer.slice(0, lastStart + 3)));
    expect(renders).toEqual([0, 1, 2, 3, 4, 5]);

    renders = [];
    for (let end = lastStart + 4; end <= answer.length; end += 3)
      rerender(stream(answer.slice(0, end)));
    rerender(stream(answer));
    expect(renders.length).toBeGreaterThan(20);
    expect(new Set(renders)).toEqual(new Set([5]));

    renders = [];
    rerender(stream(answer, false));
    expect(renders).toEqual([]);
    expect(container).toHaveTextContent('nothing above it moves.');
  });

  it('renders each block again only when its own source changed, char by char', () => {
    const sources = new Map<number, Set<string>>();
    renderProbe.onBlock = (index, source) => {
      renders.push(index);
      const seen = sources.get(index) ?? new Set<string>();
      seen.add(source);
      sources.set(index, seen);
    };
    const { rerender } = render(stream(''));
    for (let end = 1; end <= answer.length; end++) rerender(stream(answer.slice(0, end)));
    // A block renders once per distinct source it had: finished blocks were never rendered again.
    for (const [index, seen] of sources) {
      expect(renders.filter((i) => i === index).length, `block ${index}`).toBe(seen.size);
    }
    // Block 0 ("# Plan") stopped changing once the paragraph after it began.
    expect(sources.get(0)?.size).toBeLessThanOrEqual('# Plan\n\n'.length);
  });

  it('grows an unclosed code fence as one block, re-rendering nothing above it', () => {
    const head = 'Here is the script:\n\n```python\n';
    const body = 'import sys\n\n\ndef main():\n    print(sys.argv)\n';
    const { rerender, container } = render(stream(head));
    renders = [];
    for (let end = 1; end <= body.length; end++) rerender(stream(head + body.slice(0, end)));
    expect(new Set(renders)).toEqual(new Set([1]));
    expect(container.querySelectorAll('pre')).toHaveLength(1);
    expect(container.querySelector('pre code')?.textContent).toBe(body.replace(/\n$/, ''));
    expect(container.querySelector('.hljs-keyword')).toHaveTextContent('import');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('streams a long code fence with highlighting and ends with the same code block', async () => {
    const user = userEvent.setup();
    const lines = Array.from({ length: 130 }, (_, i) => `    total += value_${i}  # step ${i}`);
    const code = ['def run(values):', '    total = 0', ...lines, '    return total'].join('\n');
    const head = 'Script:\n\n```python\n';
    const { rerender, container } = render(stream(head));
    for (let end = 0; end <= code.length; end += 97) rerender(stream(head + code.slice(0, end)));
    rerender(stream(head + code));
    expect(container.querySelector('pre code')?.textContent).toBe(code);
    expect(container.querySelector('pre code')).toHaveClass('hljs', 'language-python');
    expect(container.querySelectorAll('.hljs-comment')).toHaveLength(130);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(code);

    rerender(stream(`${head}${code}\n\`\`\`\n\nDone.`));
    const closed = container.querySelector('pre')?.outerHTML;
    const { container: reference } = render(stream(`${head}${code}\n\`\`\`\n\nDone.`, false));
    expect(closed).toBe(reference.querySelector('pre')?.outerHTML);
    expect(screen.getAllByText('Done.')).toHaveLength(2);
  });

  it('does not re-render blocks when the parent passes new callbacks or equal labels', () => {
    const { rerender } = render(stream(answer));
    renders = [];
    rerender(
      <Markdown
        text={answer}
        streaming
        onOpenLink={() => undefined}
        onLoadImage={noImages}
        labels={{ copy: 'Copy' }}
      />,
    );
    rerender(
      <Markdown
        text={answer}
        streaming
        onOpenLink={() => undefined}
        onLoadImage={noImages}
        labels={{ copy: 'Copy' }}
      />,
    );
    expect(renders).toEqual([]);
  });

  it('skips rendering entirely when the parent re-renders with the same props', () => {
    let commits = 0;
    renderProbe.onMarkdown = () => commits++;
    const onOpenLink = () => undefined;
    const view = (labels: { copy: string }) => (
      <Markdown
        text={answer}
        streaming={false}
        onOpenLink={onOpenLink}
        onLoadImage={noImages}
        labels={labels}
      />
    );
    const { rerender } = render(view({ copy: 'Copy' }));
    const afterMount = commits;
    rerender(view({ copy: 'Copy' }));
    expect(commits).toBe(afterMount);
    rerender(view({ copy: 'Kopieren' }));
    expect(commits).toBe(afterMount + 1);
    expect(screen.getAllByRole('button', { name: 'Kopieren' })).toHaveLength(1);
  });

  it('marks the view busy while streaming', () => {
    const { rerender, container } = render(stream('Hi'));
    expect(container.firstElementChild).toHaveAttribute('aria-busy', 'true');
    rerender(stream('Hi there', false));
    expect(container.firstElementChild).not.toHaveAttribute('aria-busy');
  });
});

describe('block rendering matches rendering the whole text at once', () => {
  function normalise(html: string): string {
    return html.replace(/>\s+</g, '><').trim();
  }
  function whole(text: string): string {
    const { container, unmount } = render(
      <div className="md-root">
        <MarkdownBlock index={0} source={text} definitions="" />
      </div>,
    );
    const html = normalise(container.firstElementChild?.innerHTML ?? '');
    unmount();
    return html;
  }
  function inBlocks(text: string): string {
    const { container, unmount } = render(stream(text, false));
    const html = normalise(container.firstElementChild?.innerHTML ?? '');
    unmount();
    return html;
  }

  it('for a realistic answer with references, math, code, lists and tables', () => {
    const text = `${answer}\n\nSee [the docs][1] and ![chart][img].\n\n$$\na\n\nb\n$$\n\n1. one\n\n   more\n2. two\n\n[1]: https://example.com/docs\n[img]: https://img.example.com/c.png`;
    expect(inBlocks(text)).toBe(whole(text));
    expect(inBlocks(text)).toContain('href="https://example.com/docs"');
  });

  it('for generated documents', () => {
    // No ordered list starting above 1 here: after an indented code block and a blank line,
    // micromark (whole text) reads "2. b" as a paragraph, against CommonMark; the split render
    // gives the list, which is what CommonMark specifies.
    const pieces = [
      'Plain *paragraph*.',
      'line one\nline two',
      '1. a',
      '1) b',
      '- x',
      '  - nested',
      '   continued',
      '    indented code',
      '```js\nlet a;\n\nlet b;\n```',
      '~~~\n~~~',
      '$$\nx\n\ny\n$$',
      '# H',
      'Setext\n===',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '> quote',
      '<div>',
      '</div>',
      '***',
      'Tiếng Việt 中文 👍 `code`',
      '- [ ] task',
    ];
    const random = seededRandom(7);
    for (let doc = 0; doc < 40; doc++) {
      const parts: string[] = [];
      for (let i = 0; i < 10; i++) parts.push(pieces[random(pieces.length)] ?? '');
      const text = parts.join(random(3) === 0 ? '\n' : '\n\n');
      expect(inBlocks(text), JSON.stringify(text)).toBe(whole(text));
    }
  });
});

/** mulberry32: a small seeded generator, so generated cases are the same on every run. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}
