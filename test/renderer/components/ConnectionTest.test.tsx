import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ConnectionTest } from '../../../src/renderer/src/components/settings/ConnectionTest';
import { createI18n, loadCatalog } from '../../../src/renderer/src/i18n';
import type { UiLanguage } from '../../../src/shared/rules/languages';
import { createAppStore } from '../../../src/renderer/src/store';
import { StoreProvider } from '../../../src/renderer/src/store/StoreContext';
import type { ProbeResult } from '../../../src/shared/relay';
import { createFakeClient } from '../fakeClient';

const result: ProbeResult = {
  baseUrl: 'https://relay.example/v1',
  reachable: true,
  keyAccepted: true,
  modelCount: 3,
  modelsRttMs: 40,
  ttftMs: 320,
  burst: true,
  buffering: 'partly',
  findings: [
    { check: 'reachable', status: 'ok', text: { code: 'probe_answered_in', params: { ms: 40 } } },
    {
      check: 'burst',
      status: 'warn',
      text: {
        code: 'probe_stream_partly_buffered',
        params: { ttft: 320, pieces: 60, reads: 3 },
      },
    },
  ],
};

async function show(language: UiLanguage) {
  await loadCatalog(language);
  const fake = createFakeClient({ 'relay.probe': () => result });
  const store = createAppStore(fake.client, () => 1000);
  const i18n = createI18n(language);
  render(
    <StoreProvider store={store} client={fake.client}>
      <I18nextProvider i18n={i18n}>
        <ConnectionTest profileId="p1" />
      </I18nextProvider>
    </StoreProvider>,
  );
  return i18n;
}

describe('ConnectionTest', () => {
  it('writes coded findings in the user’s language, with their figures', async () => {
    const i18n = await show('vi');
    fireEvent.click(screen.getByRole('button', { name: i18n.t('settings:probe.button') }));
    const item = await screen.findByText(/Câu trả lời tới thành 3 khối cho 60 phần/);
    expect(item.closest('li')).toHaveAttribute('data-status', 'warn');
    // Every finding is written in the user's language.
    expect(screen.getByText(/Relay trả lời sau 40 ms\./)).toBeInTheDocument();
  });

  it.each([
    ['en' as const, /partly buffers the stream/],
    ['zh-CN' as const, /60 段回答分成 3 块到达/],
  ])('says "partly buffered" in %s too', async (language, text) => {
    const i18n = await show(language);
    fireEvent.click(screen.getByRole('button', { name: i18n.t('settings:probe.button') }));
    expect(await screen.findByText(text)).toBeInTheDocument();
  });
});
