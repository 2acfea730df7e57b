import { beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ModelPicker } from '../../../src/renderer/src/components/chat/ModelPicker';
import {
  MAX_MODEL_OPTIONS,
  matchingModels,
} from '../../../src/renderer/src/components/chat/modelOptions';
import { createAppStore } from '../../../src/renderer/src/store';
import type { Profile, Preferences } from '../../../src/shared/types/profiles';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';
import { TooltipProvider } from '../../../src/renderer/src/ui/Tooltip';

function Picker() {
  return (
    <TooltipProvider>
      <ModelPicker />
    </TooltipProvider>
  );
}

// jsdom has no layout: cmdk measures its list and scrolls the highlighted row into view.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
});

const HUGE = Array.from(
  { length: 300_000 },
  (_, i) => `vendor/model-${String(i).padStart(6, '0')}`,
);

describe('matchingModels', () => {
  it('offers at most the cap and says how many were left out', () => {
    const { shown, hidden } = matchingModels(HUGE, 'Relay', '');
    expect(shown).toHaveLength(MAX_MODEL_OPTIONS);
    expect(shown[0]).toBe('vendor/model-000000');
    expect(hidden).toBe(300_000 - MAX_MODEL_OPTIONS);
  });

  it('narrows by what was typed, case-insensitively, in any order', () => {
    expect(matchingModels(HUGE, 'Relay', 'MODEL-12345')).toEqual({
      shown: Array.from({ length: 10 }, (_, i) => `vendor/model-12345${i}`),
      hidden: 0,
    });
    expect(matchingModels(HUGE, 'Relay', '99999 vendor/').shown).toEqual([
      'vendor/model-099999',
      'vendor/model-199999',
      'vendor/model-299999',
    ]);
  });

  it("words in the profile's name match every model; the others still filter", () => {
    expect(matchingModels(HUGE, 'Big relay', 'big').hidden).toBe(300_000 - MAX_MODEL_OPTIONS);
    expect(matchingModels(HUGE, 'Big relay', 'relay model-00000').shown).toEqual(
      Array.from({ length: 10 }, (_, i) => `vendor/model-00000${i}`),
    );
    expect(matchingModels(HUGE, 'Big relay', 'relay nothing-like-this')).toEqual({
      shown: [],
      hidden: 0,
    });
  });

  it('counts every match past the cap', () => {
    const { shown, hidden } = matchingModels(HUGE, 'Relay', 'model-1', 50);
    expect(shown).toHaveLength(50);
    expect(shown[49]).toBe('vendor/model-100049');
    expect(hidden).toBe(100_000 - 50);
  });
});

function profile(id: string, name: string, defaultModel = ''): Profile {
  return {
    id,
    name,
    preset: 'custom',
    baseUrl: `http://127.0.0.1:9/${id}/v1`,
    fallbackBaseUrls: [],
    defaultModel,
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 60_000,
    requiresKey: false,
    allowInsecureHttp: false,
    systemPrompt: '',
    temperature: null,
  };
}

/** Opens the picker; the list's code (and Radix's) arrives first, the first time, as in the app. */
function openPicker() {
  fireEvent.click(screen.getByRole('combobox', { name: 'Model' }));
  return screen.findByRole('combobox', { name: 'Search by name or profile' });
}

const options = () => screen.queryAllByRole('option');
/** The models offered (without the "Use what I typed" row). */
const modelRows = () => screen.queryAllByTestId('model-option');

describe('ModelPicker with a 300,000-name list', () => {
  it('renders a bounded list and narrows it as the user types', async () => {
    const fake = createFakeClient({
      'models.list': () => ({ models: HUGE, fromCache: false, fetchedAt: 0 }),
    });
    const store = createAppStore(fake.client, () => 1000);
    store.setState({ activeProfileId: 'p1', profiles: [profile('p1', 'Relay')] });
    renderWithStore(<Picker />, store, fake.client);
    await waitFor(() => expect(store.getState().models['p1']).toBeDefined());
    const search = await openPicker();
    await waitFor(() => expect(options()).toHaveLength(MAX_MODEL_OPTIONS));
    expect(screen.getByTestId('model-options-hidden')).toHaveTextContent('299,800 more models');
    fireEvent.change(search, { target: { value: 'model-29999' } });
    await waitFor(() => expect(options()).toHaveLength(10 + 1)); // and "Use “model-29999”"
    expect(screen.queryByTestId('model-options-hidden')).toBeNull();
  });
});

function twoProfiles(preferences: Partial<Preferences> = {}) {
  const fake = createFakeClient({
    'models.list': ({ profileId }) => ({
      models:
        profileId === 'a'
          ? ['gpt-4o', 'o3-mini', 'text-embedding-3-small']
          : ['qwen3:8b', 'llama3.1:8b', 'gpt-4o'],
      fromCache: false,
      fetchedAt: 0,
    }),
    'usage.settings.get': () => ({
      prices: [{ model: 'gpt-4o', inputPerMTok: 2.5, outputPerMTok: 10 }],
      pricesAreDefault: false,
      currency: 'USD',
      rates: { CNY: 7.1, VND: 25_400 },
      budgets: {},
    }),
    'preferences.update': (patch) => ({
      language: 'en',
      theme: 'system',
      ...preferences,
      ...patch,
    }),
    'conversations.update': ({ id, model, profileId }) => ({
      ...conversation(id),
      model: model ?? null,
      profileId: profileId ?? null,
    }),
  });
  const store = createAppStore(fake.client, () => 1000);
  store.setState({
    activeProfileId: 'a',
    profiles: [profile('a', 'Cloud', 'gpt-4o'), profile('b', 'Local')],
    preferences: { language: 'en', theme: 'system', ...preferences },
  });
  renderWithStore(<Picker />, store, fake.client);
  return { ...fake, store };
}

function conversation(id: string) {
  return {
    id,
    title: 'T',
    titleIsCustom: false,
    pinned: false,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    model: null,
    profileId: null,
    systemPrompt: null,
    temperature: null,
    contextTurns: null,
  };
}

describe('ModelPicker across profiles', () => {
  it('shows the model and, with two profiles, the profile it belongs to', async () => {
    twoProfiles();
    const trigger = screen.getByRole('combobox', { name: 'Model' });
    expect(trigger).toHaveTextContent('gpt-4o');
    expect(screen.getByTestId('model-trigger-profile')).toHaveTextContent('Cloud');
  });

  it('groups every profile’s models under its name, with what is known of each', async () => {
    twoProfiles();
    await openPicker();
    await waitFor(() => expect(options()).toHaveLength(6));
    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(2);
    expect(
      within(groups[0]!)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      expect.stringContaining('gpt-4o'),
      expect.stringContaining('o3-mini'),
      expect.stringContaining('text-embedding-3-small'),
    ]);
    const list = screen.getByRole('listbox', { name: 'Models' });
    expect(within(list).getByText('Cloud')).toBeVisible();
    expect(within(list).getByText('Local')).toBeVisible();
    const gpt = options()[0]!;
    expect(gpt).toHaveTextContent('Sees images');
    expect(gpt).toHaveTextContent('128K ctx');
    await waitFor(() => expect(gpt).toHaveTextContent('$2.50/M in · $10.00/M out'));
    expect(options()[1]).toHaveTextContent('Reasoning');
  });

  it('filters across both profiles by model and by profile name', async () => {
    twoProfiles();
    const search = await openPicker();
    await waitFor(() => expect(options()).toHaveLength(6));
    fireEvent.change(search, { target: { value: 'gpt' } });
    await waitFor(() => expect(modelRows()).toHaveLength(2));
    // The same name in both profiles: both offered, each under its profile.
    expect(screen.getAllByRole('group')).toHaveLength(2);
    fireEvent.change(search, { target: { value: 'local 8b' } });
    await waitFor(() =>
      expect(modelRows().map((o) => o.querySelector('.model-row-name')?.textContent)).toEqual([
        'qwen3:8b',
        'llama3.1:8b',
      ]),
    );
  });

  it('keyboard first: type, arrows, Enter picks the other profile’s model for the new chat', async () => {
    const { store } = twoProfiles();
    const search = await openPicker();
    expect(search).toHaveFocus();
    await waitFor(() => expect(options()).toHaveLength(6));
    fireEvent.change(search, { target: { value: '8b' } });
    await waitFor(() => expect(options()).toHaveLength(3)); // two, and "Use “8b”"
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(store.getState().newChatModel).toBe('llama3.1:8b');
    expect(store.getState().newChatProfileId).toBe('b');
    expect(screen.getByTestId('model-trigger-model')).toHaveTextContent('llama3.1:8b');
    expect(screen.getByTestId('model-trigger-profile')).toHaveTextContent('Local');
    await waitFor(() =>
      expect(store.getState().preferences?.recentModels).toEqual([
        { profileId: 'b', model: 'llama3.1:8b' },
      ]),
    );
  });

  it('Esc closes without changing the model', async () => {
    const { store } = twoProfiles();
    const search = await openPicker();
    await waitFor(() => expect(options()).toHaveLength(6));
    fireEvent.keyDown(search, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    expect(store.getState().newChatModel).toBeNull();
  });

  it('picking in an open conversation moves it to that profile and model', async () => {
    const { store, calls } = twoProfiles();
    act(() => {
      store.setState({ activeConversationId: 'c1', conversations: [conversation('c1')] });
    });
    const search = await openPicker();
    await waitFor(() => expect(modelRows()).toHaveLength(6));
    fireEvent.change(search, { target: { value: 'qwen' } });
    await waitFor(() => expect(modelRows()).toHaveLength(1));
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() =>
      expect(calls.find((c) => c.route === 'conversations.update')?.input).toEqual({
        id: 'c1',
        model: 'qwen3:8b',
        profileId: 'b',
      }),
    );
  });

  it('pinned and recent models come first; Alt+P pins the highlighted one', async () => {
    const { store } = twoProfiles({
      pinnedModels: [{ profileId: 'b', model: 'qwen3:8b' }],
      recentModels: [
        { profileId: 'a', model: 'o3-mini' },
        { profileId: 'b', model: 'qwen3:8b' },
        { profileId: 'gone', model: 'x' },
      ],
    });
    const search = await openPicker();
    await waitFor(() => expect(options()).toHaveLength(8));
    const names = options().map((o) => o.querySelector('.model-row-name')?.textContent);
    expect(names.slice(0, 2)).toEqual(['qwen3:8b', 'o3-mini']);
    expect(screen.getByText('Pinned')).toBeVisible();
    expect(screen.getByText('Recent')).toBeVisible();
    // Pinned and recent rows say which profile they are from.
    expect(options()[0]).toHaveTextContent('Local');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'p', code: 'KeyP', altKey: true });
    await waitFor(() =>
      expect(store.getState().preferences?.pinnedModels).toEqual([
        { profileId: 'b', model: 'qwen3:8b' },
        { profileId: 'a', model: 'o3-mini' },
      ]),
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Unpin qwen3:8b' })[0]!);
    await waitFor(() =>
      expect(store.getState().preferences?.pinnedModels).toEqual([
        { profileId: 'a', model: 'o3-mini' },
      ]),
    );
    // Pinning is not picking.
    expect(store.getState().newChatModel).toBeNull();
  });

  it('with no model the trigger says so', () => {
    const fake = createFakeClient({
      'models.list': () => ({ models: [], fromCache: false, fetchedAt: 0 }),
    });
    const store = createAppStore(fake.client, () => 1000);
    store.setState({ activeProfileId: 'a', profiles: [profile('a', 'Cloud')] });
    renderWithStore(<Picker />, store, fake.client);
    expect(screen.getByRole('combobox', { name: 'Model' })).toHaveTextContent('Choose a model');
  });
});
