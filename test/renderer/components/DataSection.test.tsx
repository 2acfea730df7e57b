import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DataSection } from '../../../src/renderer/src/components/settings/DataSection';
import { createAppStore } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

function setup(openFails: boolean) {
  const fake = createFakeClient({ 'app.openDataFolder': () => ({ opened: true as const }) });
  const client: typeof fake.client = {
    ...fake.client,
    call: (async (route: string, input: unknown) => {
      if (route !== 'app.openDataFolder' || !openFails)
        return fake.client.call(route as 'app.openDataFolder', input as Record<string, never>);
      fake.calls.push({ route, input });
      return {
        ok: false,
        error: {
          code: 'folder_open_failed',
          text: { code: 'folder_open_failed', params: { path: '~/.config/Fleece' } },
          detail: 'No file manager',
        },
      };
    }) as typeof fake.client.call,
  };
  const store = createAppStore(client, () => 1000);
  store.setState({ dataDir: '~/.config/Fleece' });
  renderWithStore(<DataSection />, store, client);
  return fake;
}

describe('Settings → Data: the data folder', () => {
  it('shows where the data is and opens that folder', async () => {
    const fake = setup(false);
    expect(screen.getByTestId('data-folder').textContent).toBe('~/.config/Fleece');
    fireEvent.click(screen.getByRole('button', { name: 'Open folder' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.route === 'app.openDataFolder')).toHaveLength(1),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so in the user’s language when the folder cannot be opened', async () => {
    setup(true);
    fireEvent.click(screen.getByRole('button', { name: 'Open folder' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The folder ~/.config/Fleece could not be opened. “No file manager”',
    );
  });
});
