import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Markdown, type MarkdownLabels } from '../../../src/renderer/src/markdown';
import { loadMarkdownRenderers } from '../../../src/renderer/src/markdown/lazyRenderers';

// KaTeX and the highlighter are chunks loaded on first use; these tests look at their output.
await loadMarkdownRenderers();

function show(text: string, labels?: Partial<MarkdownLabels>) {
  return render(
    <Markdown
      text={text}
      streaming={false}
      onOpenLink={() => undefined}
      onLoadImage={() => Promise.reject(new Error('unused'))}
      labels={labels}
    />,
  );
}

describe('GitHub-flavoured Markdown', () => {
  it('renders a table inside a horizontally scrolling wrapper', () => {
    const { container } = show(
      '| Model | Price |\n| :--- | ---: |\n| deepseek-chat | $0.27 |\n| gpt-4o | $2.50 |',
    );
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Model', 'Price']);
    expect(within(table).getByRole('cell', { name: 'deepseek-chat' })).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table.parentElement).toHaveClass('md-table-scroll');
    expect(container.querySelector('.md-table-scroll > table')).toBe(table);
  });

  it('renders task lists as disabled checkboxes with names', () => {
    show('- [x] write tests\n- [ ] ship it');
    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toBeChecked();
    expect(boxes[1]).not.toBeChecked();
    for (const box of boxes) expect(box).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Done' })).toBe(boxes[0]);
    expect(screen.getByRole('checkbox', { name: 'Not done' })).toBe(boxes[1]);
  });

  it('renders strikethrough and autolinks', () => {
    const { container } = show('~~old~~ new, see www.example.com or https://example.org/a?b=1.');
    expect(container.querySelector('del')).toHaveTextContent('old');
    expect(screen.getByRole('link', { name: 'www.example.com' })).toHaveAttribute(
      'href',
      'http://www.example.com/',
    );
    expect(screen.getByRole('link', { name: 'https://example.org/a?b=1' })).toHaveAttribute(
      'href',
      'https://example.org/a?b=1',
    );
  });

  it('renders inline code outside any code block', () => {
    const { container } = show('Call `fetch()` here.');
    const code = container.querySelector('p > code');
    expect(code).toHaveTextContent('fetch()');
    expect(container.querySelector('pre')).toBeNull();
  });
});

describe('code blocks', () => {
  const python = '```python\ndef add(a, b):\n    return a + b  # sum\n```';

  it('highlights with highlight.js classes and shows the language', () => {
    const { container } = show(python);
    const code = container.querySelector('pre code');
    expect(code).toHaveClass('hljs', 'language-python');
    expect(code?.querySelector('.hljs-keyword')).toHaveTextContent('def');
    expect(code?.querySelector('.hljs-comment')).toHaveTextContent('# sum');
    expect(code).toHaveTextContent('def add(a, b): return a + b # sum', {
      normalizeWhitespace: true,
    });
    expect(container.querySelector('.md-code-lang')).toHaveTextContent('python');
  });

  it('labels a block without a language as text and leaves it unhighlighted', () => {
    const { container } = show('```\nplain <b>text</b>\n```');
    expect(container.querySelector('.md-code-lang')).toHaveTextContent('text');
    expect(container.querySelector('pre code')).toHaveTextContent('plain <b>text</b>');
    expect(container.querySelector('pre b')).toBeNull();
  });

  it('copies the exact code to the clipboard and says so briefly', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    show(`Intro\n\n${python}`);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('def add(a, b):\n    return a + b  # sum');
    await expect(navigator.clipboard.readText()).resolves.toBe(
      'def add(a, b):\n    return a + b  # sum',
    );
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument(), {
      timeout: 4000,
    });
  });

  it('says when copying failed', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    show(python);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByRole('button', { name: 'Copy failed' })).toBeInTheDocument();
  });

  it('uses translated labels when given', async () => {
    const user = userEvent.setup();
    show(python, { copy: 'Sao chép', copied: 'Đã sao chép' });
    await user.click(screen.getByRole('button', { name: 'Sao chép' }));
    expect(await screen.findByRole('button', { name: 'Đã sao chép' })).toBeInTheDocument();
  });
});

describe('math', () => {
  it('renders inline and display math with KaTeX', () => {
    const { container } = show(
      'Energy $E = mc^2$ holds.\n\n$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$',
    );
    const inline = container.querySelector('p .katex');
    expect(inline).not.toBeNull();
    expect(inline?.querySelector('annotation')).toHaveTextContent('E = mc^2');
    const display = container.querySelector('.katex-display .katex');
    expect(display?.querySelector('annotation')).toHaveTextContent(
      '\\int_0^1 x^2\\,dx = \\frac{1}{3}',
    );
    expect(container.querySelector('.md-math-error')).toBeNull();
  });

  it('shows broken TeX as written, with the error as its title, without styling it inline', () => {
    const { container } = show('$$\n\\frac{1}{\n$$\n\nAfter.');
    const error = container.querySelector('.md-math-error');
    expect(error?.textContent).toBe('\\frac{1}{');
    expect(error?.getAttribute('title')).toMatch(/KaTeX parse error/);
    expect(container.querySelector('[style]')).toBeNull();
    expect(screen.getByText('After.')).toBeInTheDocument();
  });

  it('renders ```math fences as display math', () => {
    const { container } = show('```math\na^2 + b^2 = c^2\n```');
    expect(container.querySelector('.katex-display')).not.toBeNull();
    expect(container.querySelector('pre')).toBeNull();
  });
});

describe('Unicode', () => {
  it('keeps Vietnamese, Chinese, emoji, RTL and zero-width characters intact', () => {
    const samples = [
      'Tiết kiệm điện năng: Nguyễn Thị Ánh Tuyết ở Đà Nẵng.',
      '简体中文：你好，世界！「测试」',
      'Family 👨‍👩‍👧‍👦, flag 🇻🇳, skin tone 👋🏽, keycap 1️⃣',
      'עברית ومرحبا بالعالم mixed with LTR',
      'zero\u200bwidth\u200djoiner\u200cnon-joiner\u2060word-joiner\ufeffbom',
      'combining: e\u0301 a\u0300\u0323',
    ];
    const { container } = show(samples.join('\n\n'));
    const paragraphs = Array.from(container.querySelectorAll('p')).map((p) => p.textContent);
    expect(paragraphs).toEqual(samples);
  });

  it('keeps Unicode inside code blocks and table cells', () => {
    const { container } = show(
      '```\nconst s = "Tiếng Việt 中文 👍🏻";\n```\n\n| 名字 | Tên |\n|---|---|\n| 王 | Đức |',
    );
    expect(container.querySelector('pre code')?.textContent).toBe(
      'const s = "Tiếng Việt 中文 👍🏻";',
    );
    expect(screen.getByRole('cell', { name: 'Đức' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '名字' })).toBeInTheDocument();
  });
});
