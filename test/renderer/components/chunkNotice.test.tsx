import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { NoticeArea } from '../../../src/renderer/src/components/Banners';
import { createAppStore } from '../../../src/renderer/src/store';
import { StoreProvider } from '../../../src/renderer/src/store/StoreContext';
import { chunkFailure, lazyModule } from '../../../src/renderer/src/lazyModule';
import { createI18n, loadCatalog } from '../../../src/renderer/src/i18n';
import { takeUnsent } from '../../../src/renderer/src/store/unsentStash';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

// The failures are the window's, kept across renders: each test's parts are marked loaded after it.
const parts: unknown[] = [];
afterEach(() => {
  for (const part of parts.splice(0)) chunkFailure.recovered(part);
  expect(chunkFailure.failed()).toBe(false);
  vi.restoreAllMocks();
});

/** A chunk whose request fails, as a lazy part of the window does when its file is missing. */
function missingChunk() {
  const chunk = lazyModule<{ x: number }>(() => Promise.reject(new TypeError('Failed to fetch')));
  parts.push(chunk);
  return chunk;
}

describe('a part of the window that does not load', () => {
  it('is said in the notice area, in the window language, with a reload', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await loadCatalog('vi');
    const fake = createFakeClient({});
    const store = createAppStore(fake.client, () => 1000);
    render(
      <StoreProvider store={store} client={fake.client}>
        <I18nextProvider i18n={createI18n('vi')}>
          <NoticeArea />
        </I18nextProvider>
      </StoreProvider>,
    );
    expect(screen.queryByTestId('chunk-banner')).toBeNull();
    await act(async () => {
      await missingChunk()
        .load()
        .catch(() => undefined);
    });
    const banner = screen.getByTestId('chunk-banner');
    expect(banner.textContent).toContain('Một phần của Fleece không tải được.');
    expect(screen.getByRole('button', { name: 'Tải lại' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByTestId('chunk-banner')).toBeNull();
  });

  it('reloads keeping what the composers hold', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    sessionStorage.clear();
    const fake = createFakeClient({});
    const store = createAppStore(fake.client, () => 1000);
    store.getState().ui.setDraft('c1', 'a long question, half typed');
    renderWithStore(<NoticeArea />, store, fake.client);
    await act(async () => {
      await missingChunk()
        .load()
        .catch(() => undefined);
    });
    // jsdom cannot navigate: it reports the reload as not implemented, on its virtual console.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(takeUnsent()?.drafts).toEqual({ c1: 'a long question, half typed' });
  });

  it('goes once the part loads on a later try; a dismissed notice comes back on a new failure', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let fail = true;
    const chunk = lazyModule(() =>
      fail ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({ x: 1 }),
    );
    parts.push(chunk);
    const other = missingChunk();
    const changes = vi.fn();
    chunk.subscribe(changes);
    expect(chunk.failed()).toBe(false);
    await chunk.load().catch(() => undefined);
    await other.load().catch(() => undefined);
    expect(chunkFailure.failed()).toBe(true);
    // The part itself says it failed (its place shows so), until it is asked for again.
    expect(chunk.failed()).toBe(true);
    expect(changes).toHaveBeenCalledTimes(1);
    fail = false;
    const again = chunk.load();
    expect(chunk.failed()).toBe(false);
    expect(changes).toHaveBeenCalledTimes(2);
    await expect(again).resolves.toEqual({ x: 1 });
    expect(chunk.failed()).toBe(false);
    expect(chunk.current()).toEqual({ x: 1 });
    // The other part is still missing.
    expect(chunkFailure.failed()).toBe(true);
    chunkFailure.dismiss();
    expect(chunkFailure.failed()).toBe(false);
    await other.load().catch(() => undefined);
    expect(chunkFailure.failed()).toBe(true);
    chunkFailure.recovered(other);
    expect(chunkFailure.failed()).toBe(false);
  });
});
