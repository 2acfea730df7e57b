import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { NoticeArea } from '../../../src/renderer/src/components/Banners';
import { connectEvents, createAppStore } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

describe('the update notice', () => {
  it('says the update is ready in the notice area and restarts on request', async () => {
    const fake = createFakeClient({ 'updates.restart': () => ({ restarting: true as const }) });
    const store = createAppStore(fake.client, () => 1000);
    connectEvents(store, fake.client);
    renderWithStore(<NoticeArea />, store, fake.client);
    act(() =>
      fake.emit('app.notice', {
        id: 'update-ready',
        kind: 'update_ready',
        text: { code: 'update_ready', params: { version: '0.2.0' } },
      }),
    );
    const notice = screen.getByTestId('notice');
    expect(notice.textContent).toContain(
      'Fleece 0.2.0 is downloaded and ready. Restart to install it.',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Restart now' }));
      await Promise.resolve();
    });
    expect(fake.calls.map((c) => c.route)).toContain('updates.restart');
  });

  it('other notices offer no restart', () => {
    const fake = createFakeClient({});
    const store = createAppStore(fake.client, () => 1000);
    connectEvents(store, fake.client);
    renderWithStore(<NoticeArea />, store, fake.client);
    act(() =>
      fake.emit('app.notice', {
        id: 'kc',
        kind: 'keychain_unavailable',
        text: { code: 'keychain_unavailable' },
      }),
    );
    expect(screen.getByTestId('notice')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Restart now' })).toBeNull();
  });
});
