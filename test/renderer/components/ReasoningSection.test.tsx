import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ReasoningSection } from '../../../src/renderer/src/components/chat/ReasoningSection';
import { createI18n, loadCatalog } from '../../../src/renderer/src/i18n';

// Vietnamese is loaded on demand in the app; load it as the app does before choosing it.
await loadCatalog('vi');

function show(streaming: boolean, durationMs: number | null, lang: 'en' | 'vi' = 'en') {
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <ReasoningSection
        text="Let me think about relays."
        streaming={streaming}
        durationMs={durationMs}
      />
    </I18nextProvider>,
  );
}

describe('ReasoningSection', () => {
  it('is open with "Thinking…" while the model thinks', () => {
    show(true, null);
    expect(screen.getByText('Thinking…')).toBeInTheDocument();
    expect(screen.getByRole('group')).toHaveAttribute('open');
  });

  it('collapses and shows the stored duration once done', () => {
    show(false, 4200);
    expect(screen.getByText('Thought for 4.2 s')).toBeInTheDocument();
    expect(screen.getByRole('group')).not.toHaveAttribute('open');
  });

  it('shows a plain title for an answer stored without a duration, in the chosen language', () => {
    show(false, null, 'vi');
    expect(screen.getByText('Suy luận')).toBeInTheDocument();
  });
});
