import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { NewChatStart } from '../../../src/renderer/src/components/chat/NewChatStart';
import { createAppStore } from '../../../src/renderer/src/store';
import { NEW_CHAT_DRAFT } from '../../../src/renderer/src/store/slices/uiSlice';
import { builtinPrompts } from '../../../src/shared/prompts/builtinPrompts';
import type { SavedPrompt } from '../../../src/shared/types/prompts';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

const own: SavedPrompt = {
  id: 'p1',
  name: 'Pirate',
  systemPrompt: 'You answer like a pirate.',
  model: null,
  temperature: 0.7,
  firstMessage: 'Ahoy, ',
  builtin: false,
  createdAt: 1,
  updatedAt: 1,
};

describe('the new chat screen', () => {
  it('offers the prompt library and starts the chat with the one chosen', async () => {
    const fake = createFakeClient({
      'prompts.list': ({ language }) => ({
        prompts: [own, ...builtinPrompts(language)],
        hidden: [],
      }),
    });
    const store = createAppStore(fake.client, () => 1000);
    renderWithStore(<NewChatStart />, store, fake.client);
    const list = await screen.findByRole('list', { name: 'Start from a prompt' });
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(8));
    expect(within(list).getAllByRole('button')[0]?.textContent).toBe('Pirate');
    expect(within(list).getByRole('button', { name: 'Code review' })).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Pirate' }));
    expect(store.getState().newChatPrompt).toEqual({
      name: 'Pirate',
      systemPrompt: 'You answer like a pirate.',
      temperature: 0.7,
    });
    expect(store.getState().drafts[NEW_CHAT_DRAFT]).toBe('Ahoy, ');
  });

  it('"Manage prompts" opens Settings on the Prompts tab', async () => {
    const fake = createFakeClient({ 'prompts.list': () => ({ prompts: [], hidden: [] }) });
    const store = createAppStore(fake.client, () => 1000);
    renderWithStore(<NewChatStart />, store, fake.client);
    fireEvent.click(screen.getByRole('button', { name: 'Manage prompts' }));
    expect(store.getState().view).toBe('settings');
    expect(store.getState().settingsTab).toBe('prompts');
    await waitFor(() => expect(fake.calls.map((c) => c.route)).toEqual(['prompts.list']));
  });
});
