import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LazyMarkdown, markdownRenderer } from '../../../src/renderer/src/markdown/LazyMarkdown';

// Nothing loads the Markdown chunk before this test (each file has its own module registry).
describe('an answer shown before the Markdown chunk has loaded', () => {
  it('holds its place with its text hidden, then renders the Markdown', async () => {
    expect(markdownRenderer.current()).toBeUndefined();
    const { container, findByText } = render(
      <LazyMarkdown
        text="A **fine** answer"
        streaming={false}
        onOpenLink={() => undefined}
        onLoadImage={() => Promise.reject(new Error('unused'))}
      />,
    );
    const pending = container.querySelector('.md-pending');
    expect(pending).toHaveAttribute('aria-hidden', 'true');
    expect(pending).toHaveTextContent('A **fine** answer');
    expect(container.querySelector('strong')).toBeNull();

    expect(await findByText('fine', { selector: 'strong' })).toBeInTheDocument();
    expect(container.querySelector('.md-pending')).toBeNull();
  });
});
