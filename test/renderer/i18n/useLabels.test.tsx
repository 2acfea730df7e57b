import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { TFunction } from 'i18next';
import { createI18n, loadCatalog } from '../../../src/renderer/src/i18n';
import { useChatLabels } from '../../../src/renderer/src/i18n/useLabels';

await loadCatalog('vi');

let made = 0;
const labelsOf = (t: TFunction<'chat'>) => {
  made += 1;
  return { copy: t('action.copy'), edit: t('action.edit') };
};

function Row({ n }: { n: number }) {
  const { labels } = useChatLabels(labelsOf);
  return (
    <p data-testid={`row-${n}`}>
      {labels.copy} / {labels.edit}
    </p>
  );
}

const rows = (count: number) => Array.from({ length: count }, (_, n) => <Row key={n} n={n} />);

describe('labels shared by many components', () => {
  it('are translated once per language, and follow a language switch', () => {
    made = 0;
    const en = createI18n('en');
    const { rerender } = render(<I18nextProvider i18n={en}>{rows(20)}</I18nextProvider>);
    expect(screen.getByTestId('row-19')).toHaveTextContent('Copy / Edit');
    expect(made).toBe(1);

    const vi = createI18n('vi');
    rerender(<I18nextProvider i18n={vi}>{rows(20)}</I18nextProvider>);
    expect(screen.getByTestId('row-0')).toHaveTextContent('Sao chép');
    expect(screen.getByTestId('row-19')).toHaveTextContent('Sao chép');
    expect(made).toBe(2);

    // Back to an English instance (a new one, as the app makes on a switch): English again.
    rerender(<I18nextProvider i18n={createI18n('en')}>{rows(20)}</I18nextProvider>);
    expect(screen.getByTestId('row-5')).toHaveTextContent('Copy / Edit');
  });
});
