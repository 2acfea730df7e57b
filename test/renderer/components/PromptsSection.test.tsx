import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PromptsSection } from '../../../src/renderer/src/components/prompts/PromptsSection';
import { createAppStore } from '../../../src/renderer/src/store';
import { builtinPrompts } from '../../../src/shared/prompts/builtinPrompts';
import type { PromptFields, SavedPrompt } from '../../../src/shared/types/prompts';
import type { Profile } from '../../../src/shared/types/profiles';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

function relay(id: string, name: string): Profile {
  return {
    id,
    name,
    preset: 'custom',
    baseUrl: `http://127.0.0.1:9/${id}/v1`,
    fallbackBaseUrls: [],
    defaultModel: '',
    connectTimeoutMs: 10_000,
    idleTimeoutMs: 60_000,
    requiresKey: false,
    allowInsecureHttp: false,
    systemPrompt: '',
    temperature: null,
  };
}

const LISTS: Record<string, string[]> = {
  a: ['gpt-4o', 'deepseek-chat'],
  b: ['qwen3:8b', 'gpt-4o'],
};

function setup() {
  const own: SavedPrompt[] = [];
  let hidden: string[] = [];
  const fake = createFakeClient({
    'prompts.list': ({ language }) => {
      const builtins = builtinPrompts(language);
      return {
        prompts: [...own, ...builtins.filter((b) => !hidden.includes(b.id))],
        hidden: builtins.filter((b) => hidden.includes(b.id)).map(({ id, name }) => ({ id, name })),
      };
    },
    'prompts.create': ({ fields }) => {
      const saved = {
        ...(fields as PromptFields),
        id: `p${own.length + 1}`,
        builtin: false,
        createdAt: 1,
        updatedAt: 1,
      };
      own.push(saved);
      return saved;
    },
    'prompts.setHidden': ({ id, hidden: hide }) => {
      hidden = hide ? [...hidden, id] : hidden.filter((h) => h !== id);
      return { hidden: hide };
    },
    'prompts.import': () => ({ path: '/tmp/p.json', added: 2, skipped: 1 }),
    'models.list': ({ profileId }) => ({
      models: LISTS[profileId] ?? [],
      fromCache: false,
      fetchedAt: 0,
    }),
  });
  const store = createAppStore(fake.client, () => 1000);
  store.setState({ profiles: [relay('a', 'HolySheep'), relay('b', 'Local')] });
  renderWithStore(<PromptsSection />, store, fake.client);
  return { ...fake, store };
}

describe('Settings → Prompts', () => {
  it('a built-in can be copied to edit or hidden, never edited in place', async () => {
    const { calls } = setup();
    const library = await screen.findByRole('list', { name: 'Prompts' });
    await waitFor(() => expect(within(library).getAllByTestId('prompt-row')).toHaveLength(12));
    expect(within(library).queryByRole('button', { name: 'Edit “Code review”' })).toBeNull();

    fireEvent.click(within(library).getByRole('button', { name: 'Copy “Code review” to edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'New prompt' });
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe(
      'Code review (copy)',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.route === 'prompts.create')?.input).toMatchObject({
      fields: { name: 'Code review (copy)', temperature: 0.2 },
    });
    await waitFor(() =>
      expect(within(library).getAllByTestId('prompt-row')[0]?.textContent).toContain(
        'Code review (copy)',
      ),
    );

    fireEvent.click(within(library).getByRole('button', { name: 'Hide “SQL helper”' }));
    const hiddenList = await screen.findByRole('list', { name: 'Hidden built-in prompts' });
    fireEvent.click(within(hiddenList).getByRole('button', { name: 'Show “SQL helper” again' }));
    await waitFor(() =>
      expect(screen.queryByRole('list', { name: 'Hidden built-in prompts' })).toBeNull(),
    );
  });

  it('a new prompt needs a name and a valid temperature', async () => {
    const { calls } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'New prompt' }));
    const dialog = await screen.findByRole('dialog', { name: 'New prompt' });
    fireEvent.change(within(dialog).getByLabelText('Temperature'), { target: { value: '3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Give the prompt a name.')).toBeTruthy();
    expect(within(dialog).getByText('Temperature must be a number from 0 to 2.')).toBeTruthy();
    expect(calls.some((c) => c.route === 'prompts.create')).toBe(false);
  });

  it("suggests the relays' models for the model field, the chosen profile's only", async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'New prompt' }));
    const dialog = await screen.findByRole('dialog', { name: 'New prompt' });
    const field = within(dialog).getByLabelText('Model for this prompt') as HTMLInputElement;
    const offered = () =>
      [...(field.list?.querySelectorAll('option') ?? [])].map((o) => o.getAttribute('value'));
    await waitFor(() => expect(offered()).toEqual(['gpt-4o', 'deepseek-chat', 'qwen3:8b']));
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Profile The conversation’s' }), {
      key: 'Enter',
    });
    fireEvent.click(await screen.findByRole('menuitemradio', { name: 'Local' }));
    await waitFor(() => expect(offered()).toEqual(['qwen3:8b', 'gpt-4o']));
  });

  it('says what an import added and skipped', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Import…' }));
    expect((await screen.findByTestId('prompts-status')).textContent).toBe(
      'Prompts imported: 2. Already in the library, skipped: 1.',
    );
  });
});
