import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';
import { loadMarkdownRenderers } from '../../../src/renderer/src/markdown/lazyRenderers';
import { texTooComplex } from '../../../src/renderer/src/markdown/renderLimits';

// Code and math render through their own chunks, loaded on demand in the app; load them first.
await loadMarkdownRenderers();

const PLAIN_NOTE = 'Shown as plain text: this part is too large or too deeply nested to format.';

function show(text: string) {
  return render(
    <Markdown text={text} streaming={false} onOpenLink={vi.fn()} onLoadImage={vi.fn()} />,
  );
}

describe('highlighted code nested past the limit', () => {
  it('a template string nested 5,000 levels deep is shown unhighlighted instead of overflowing', () => {
    const code = `${'`${'.repeat(5000)}x${'}`'.repeat(5000)}`;
    const { container } = show(`Before.\n\n\`\`\`js\n${code}\n\`\`\`\n\nAfter **it**.`);
    const element = container.querySelector('code.language-js');
    expect(element?.textContent).toBe(code);
    expect(element?.querySelector('span')).toBeNull();
    expect(container.querySelector('strong')).toHaveTextContent('it');
  });

  it('ordinary nesting is still highlighted', () => {
    const { container } = show('```js\nconst s = `a ${`b ${c}`}`;\n```');
    expect(container.querySelector('code.language-js .hljs-subst')).not.toBeNull();
  });
});

describe('math nested or long past the limit', () => {
  it('1,000 nested square roots show their TeX as written, with the note as its title', () => {
    const tex = `${'\\sqrt{'.repeat(1000)}x${'}'.repeat(1000)}`;
    const { container } = show(`$$\n${tex}\n$$\n\nThen $a^2$ inline.`);
    const [display, inline] = container.querySelectorAll('.md-math');
    expect(display?.textContent).toBe(tex);
    expect(display).toHaveClass('md-math-error');
    expect(display).toHaveAttribute('title', PLAIN_NOTE);
    expect(display?.querySelector('.katex')).toBeNull();
    expect(inline?.querySelector('.katex')).not.toBeNull();
  });

  it('a few levels of \\frac and \\left are typeset', () => {
    const tex = '\\left(\\frac{1}{\\sqrt{\\frac{a}{b}}}\\right)^{2}';
    expect(texTooComplex(tex)).toBe(false);
    const { container } = show(`$$\n${tex}\n$$`);
    expect(container.querySelector('.md-math .katex')).not.toBeNull();
  });

  it('counts braces, \\left and \\begin as levels, and escaped braces as none', () => {
    expect(texTooComplex(`${'{'.repeat(25)}x${'}'.repeat(25)}`)).toBe(true);
    expect(texTooComplex(`${'\\left('.repeat(25)}x${'\\right)'.repeat(25)}`)).toBe(true);
    expect(texTooComplex(`${'\\begin{matrix}'.repeat(25)}x${'\\end{matrix}'.repeat(25)}`)).toBe(
      true,
    );
    expect(texTooComplex(`${'\\{'.repeat(500)}x`)).toBe(false);
    // Siblings do not add up: many groups side by side are one level deep.
    expect(texTooComplex('{a}'.repeat(1000))).toBe(false);
    expect(texTooComplex('x+'.repeat(2001))).toBe(true);
  });
});
