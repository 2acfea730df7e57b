import './nodeWebGlobals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ProfilesSection } from '../../src/renderer/src/components/settings/ProfilesSection';
import { createRouter } from '../../src/main/ipc/router';
import { profileHandlers } from '../../src/main/routes/profileRoutes';
import { relayHandlers } from '../../src/main/routes/relayRoutes';
import type { ModelCatalog } from '../../src/main/models/ModelCatalog';
import type { Handlers } from '../../src/shared/contract';
import { createClient, type FleeceClient } from '../../src/renderer/src/api/client';
import { createAppStore, type AppStore } from '../../src/renderer/src/store';
import { createServer } from 'node:http';
import { profileFixture, type ProfileFixture } from '../main/profiles/profileFixture';
import { renderWithStore } from '../renderer/components/renderWithStore';
import { TooltipProvider } from '../../src/renderer/src/ui/Tooltip';

/** The check talks to a real server: on a loaded machine it may take a few seconds. */
const WAIT = { timeout: 15_000 };
const KEY = 'hsa-working-0123456789abcdef';
const SENDER = { origin: 'test:', url: 'test:', isMainFrame: true, windowId: 'test' };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface FakeRelay {
  origin: string;
  baseUrl: string;
  close(): Promise<void>;
}

/** A relay's model list at /v1/models behind a key; anything else is a 404 page. */
async function startFakeRelay(options: { apiKey?: string }): Promise<FakeRelay> {
  const server = createServer((req, res) => {
    if (req.url !== '/v1/models') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found');
    } else if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'Invalid API key', code: 'invalid_api_key' } }));
    } else {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ object: 'list', data: [{ id: 'deepseek-chat' }] }));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/v1`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * The Profiles settings screen (jsdom) over the real profile service, router and connection check,
 * as the harness composes them: no mocks of our own code.
 */
describe('Profiles settings', () => {
  let fx: ProfileFixture;
  let relay: FakeRelay;
  let client: FleeceClient;
  let store: AppStore;
  let workingId: string;

  beforeEach(async () => {
    fx = await profileFixture();
    relay = await startFakeRelay({ apiKey: KEY });
    const handlers = {
      ...profileHandlers({
        profiles: fx.profiles,
        settings: fx.settings,
        env: {},
        localFetch: globalThis.fetch,
        emit: () => undefined,
      }),
      ...relayHandlers({
        profiles: fx.profiles,
        models: {} as ModelCatalog,
        fetch: globalThis.fetch,
      }),
    } as unknown as Handlers;
    const router = createRouter(handlers, () => true, quiet);
    client = createClient({
      invoke: (route, input) => router.dispatch(SENDER, route, input) as never,
      on: () => () => undefined,
    });
    const working = await fx.profiles.create({
      preset: 'custom',
      name: 'Working',
      baseUrl: relay.baseUrl,
      defaultModel: 'deepseek-chat',
    });
    workingId = working.id;
    await fx.profiles.setKey(workingId, KEY);
    store = createAppStore(client, () => 1000);
    await store.getState().settingsActions.load();
    renderWithStore(
      <TooltipProvider>
        <ProfilesSection />
      </TooltipProvider>,
      store,
      client,
    );
  });

  afterEach(async () => {
    await relay.close();
    await fx.cleanup();
  });

  async function expectWorkingIntact(): Promise<void> {
    expect(fx.profiles.get(workingId).baseUrl).toBe(relay.baseUrl);
    expect((await fx.profiles.keyStatus(workingId)).masked).toBe('hsa-…cdef');
  }

  it('"Add profile" from Custom with no URL says why at the field and touches no profile', async () => {
    // The bug: the add failed silently, the working profile's form stayed on screen, and the
    // user's next Save pointed that profile at the new server and deleted its key.
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a profile' }, WAIT);
    fireEvent.change(within(dialog).getByLabelText('Start from'), { target: { value: 'custom' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create profile' }));
    const alert = await within(dialog).findByRole('alert', undefined, WAIT);
    expect(alert.textContent).toMatch(/base URL/i);
    expect(fx.profiles.list()).toHaveLength(1);
    await expectWorkingIntact();
  });

  it('the dialog creates a second profile and leaves the first intact', async () => {
    const other = await startFakeRelay({ apiKey: 'hsa-second-0123456789abcd' });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
      const dialog = await screen.findByRole('dialog', { name: 'Add a profile' }, WAIT);
      fireEvent.change(within(dialog).getByLabelText('Start from'), {
        target: { value: 'custom' },
      });
      fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Second' } });
      fireEvent.change(within(dialog).getByLabelText('Base URL'), {
        target: { value: other.baseUrl },
      });
      fireEvent.change(within(dialog).getByLabelText('API key'), {
        target: { value: 'hsa-second-0123456789abcd' },
      });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Create profile' }));
      await waitFor(() => expect(fx.profiles.list()).toHaveLength(2), WAIT);
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      const second = fx.profiles.list().find((p) => p.name === 'Second');
      expect(second?.baseUrl).toBe(other.baseUrl);
      expect((await fx.profiles.keyStatus(second?.id ?? '')).masked).toBe('hsa-…abcd');
      await expectWorkingIntact();
      expect(await screen.findByText('Profile “Second” created.', undefined, WAIT)).toBeTruthy();
    } finally {
      await other.close();
    }
  });

  it('asks before a base URL edit drops the key; Cancel keeps both', async () => {
    const form = screen.getByRole('button', { name: 'Save' }).closest('form') as HTMLElement;
    fireEvent.change(within(form).getByLabelText('Base URL'), {
      target: { value: 'https://elsewhere.example/v1' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const ask = await screen.findByRole('dialog', { name: 'Remove the saved key?' }, WAIT);
    expect(ask.textContent).toContain('elsewhere.example');
    expect(ask.textContent).toContain('hsa-…cdef');
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep the key' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expectWorkingIntact();
  });

  it('confirming the key drop goes on to check the new server', async () => {
    const form = screen.getByRole('button', { name: 'Save' }).closest('form') as HTMLElement;
    const other = await startFakeRelay({});
    try {
      fireEvent.change(within(form).getByLabelText('Base URL'), {
        target: { value: other.baseUrl },
      });
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
      const ask = await screen.findByRole('dialog', { name: 'Remove the saved key?' }, WAIT);
      fireEvent.click(within(ask).getByRole('button', { name: 'Change server and remove key' }));
      await screen.findByText('Saved.', undefined, WAIT);
      expect(fx.profiles.get(workingId).baseUrl).toBe(other.baseUrl);
      expect((await fx.profiles.keyStatus(workingId)).hasKey).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('a base URL missing /v1 is caught on save and fixed in one click', async () => {
    const form = screen.getByRole('button', { name: 'Save' }).closest('form') as HTMLElement;
    const field = within(form).getByLabelText('Base URL') as HTMLInputElement;
    fireEvent.change(field, { target: { value: relay.origin } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const fix = await within(form).findByRole('button', { name: `Use ${relay.origin}/v1` }, WAIT);
    expect(within(form).getByText(/missing \/v1/)).toBeTruthy();
    // Nothing was saved yet.
    expect(fx.profiles.get(workingId).baseUrl).toBe(relay.baseUrl);
    expect(within(form).getByRole('button', { name: 'Save anyway' })).toBeTruthy();
    fireEvent.click(fix);
    expect(field.value).toBe(`${relay.origin}/v1`);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.', undefined, WAIT);
    await expectWorkingIntact();
  });

  it('a wrong key is named at the key field, and Save anyway keeps it on purpose', async () => {
    const form = screen.getByRole('button', { name: 'Save' }).closest('form') as HTMLElement;
    fireEvent.change(within(form).getByLabelText('API key'), {
      target: { value: 'hsa-wrong-0123456789abbeef' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    const anyway = await within(form).findByRole('button', { name: 'Save anyway' }, WAIT);
    const problem = form.querySelector('[data-kind="auth"]');
    expect(problem?.textContent).toMatch(/key/i);
    // The label's field is followed by its problem: the key field, not the base URL.
    expect(problem?.parentElement?.previousElementSibling?.textContent).toContain('API key');
    expect((await fx.profiles.keyStatus(workingId)).masked).toBe('hsa-…cdef');
    fireEvent.click(anyway);
    await screen.findByText('Saved.', undefined, WAIT);
    expect((await fx.profiles.keyStatus(workingId)).masked).toBe('hsa-…beef');
  });
});
