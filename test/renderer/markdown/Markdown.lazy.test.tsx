import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/renderer/src/markdown';
import { codeHighlighter, texRenderer } from '../../../src/renderer/src/markdown/lazyRenderers';

// This file must not load KaTeX or the highlighter up front: it checks what shows before they
// arrive (each test file gets its own module registry).
const TEXT = [
  'Inline $a^2+b^2$ math.',
  '',
  '$$',
  '\\frac{1}{2}',
  '$$',
  '',
  '```python',
  'def total(xs):',
  '    return sum(xs)',
  '```',
].join('\n');

describe('math and code before their chunks have loaded', () => {
  it('show the TeX source and the plain code in their own boxes, then render them', async () => {
    expect(texRenderer.current()).toBeUndefined();
    expect(codeHighlighter.current()).toBeUndefined();
    const { container, findAllByText } = render(
      <Markdown
        text={TEXT}
        streaming={false}
        onOpenLink={() => undefined}
        onLoadImage={() => Promise.reject(new Error('unused'))}
      />,
    );
    const pending = [...container.querySelectorAll('.md-math.md-math-pending')];
    expect(pending.map((el) => el.textContent)).toEqual(['a^2+b^2', '\\frac{1}{2}']);
    expect(container.querySelector('.md-math-display')).toHaveClass('md-math-pending');
    const code = container.querySelector('.md-code pre code');
    expect(code).toHaveClass('hljs', 'language-python');
    expect(code?.textContent).toBe('def total(xs):\n    return sum(xs)');
    expect(code?.querySelector('span')).toBeNull();

    // Both chunks were requested by the first render; their output replaces the placeholders.
    await findAllByText('def', { selector: '.hljs-keyword' });
    expect(container.querySelector('p .katex')).not.toBeNull();
    expect(container.querySelector('.md-math-display .katex-display')).not.toBeNull();
    expect(container.querySelector('.md-math-pending')).toBeNull();
    expect(container.querySelector('.md-code pre code')?.textContent).toBe(
      'def total(xs):\n    return sum(xs)',
    );
  });
});
