import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactElement } from 'react';
import { createI18n } from '../../../src/renderer/src/i18n';
import { StoreProvider } from '../../../src/renderer/src/store/StoreContext';
import type { AppStore } from '../../../src/renderer/src/store';
import type { FleeceClient } from '../../../src/renderer/src/api/client';
import { TooltipProvider } from '../../../src/renderer/src/ui/Tooltip';

export function renderWithStore(ui: ReactElement, store: AppStore, client: FleeceClient) {
  const i18n = createI18n('en');
  return render(
    <StoreProvider store={store} client={client}>
      <I18nextProvider i18n={i18n}>
        <TooltipProvider>{ui}</TooltipProvider>
      </I18nextProvider>
    </StoreProvider>,
  );
}
