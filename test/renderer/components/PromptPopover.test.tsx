import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Composer } from '../../../src/renderer/src/components/chat/Composer';
import { createAppStore } from '../../../src/renderer/src/store';
import type { SavedPrompt } from '../../../src/shared/types/prompts';
import type { Conversation } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

// jsdom has no layout: cmdk measures its list and scrolls the highlighted row into view.
beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
});

const prompt = (id: string, name: string, over: Partial<SavedPrompt> = {}): SavedPrompt => ({
  id,
  name,
  systemPrompt: `You are ${name}.`,
  model: null,
  temperature: null,
  firstMessage: '',
  builtin: false,
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const library = [
  prompt('builtin:code-review', 'Code review', { builtin: true, temperature: 0.2 }),
  prompt('builtin:sql', 'SQL helper', {
    builtin: true,
    temperature: 0.1,
    firstMessage: 'Schema:\n',
  }),
  prompt('p1', 'Shell one-liner', {
    model: { profileId: 'p2', model: 'deepseek-chat' },
    temperature: 0.5,
    firstMessage: 'Give me a command that ',
  }),
];

const conversation: Conversation = {
  id: 'c1',
  title: 'Chat',
  titleIsCustom: false,
  pinned: false,
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  model: 'gpt-4o-mini',
  profileId: 'p1',
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
};

function setup(active: string | null = null) {
  const fake = createFakeClient({
    'prompts.list': () => ({ prompts: library, hidden: [] }),
    'conversations.update': (input) => ({ ...conversation, ...input }) as Conversation,
    'chat.send': () => ({
      conversationId: 'c9',
      user: makeMessage('u1', { role: 'user', content: 'q', model: null }),
      assistant: makeMessage('a1', { status: 'streaming' }),
    }),
  });
  const store = createAppStore(fake.client, () => 1000);
  store.setState({
    activeProfileId: 'p1',
    activeConversationId: active,
    conversations: active ? [conversation] : [],
  });
  renderWithStore(<Composer />, store, fake.client);
  const box = screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
  return { ...fake, store, box };
}

const type = (box: HTMLTextAreaElement, value: string): void => {
  fireEvent.change(box, { target: { value } });
};

const options = () =>
  within(screen.getByTestId('prompt-popover'))
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');

const selected = () =>
  within(screen.getByTestId('prompt-popover'))
    .getAllByRole('option')
    .find((o) => o.getAttribute('aria-selected') === 'true')?.textContent;

describe('the "/" prompt popover', () => {
  it('opens on a leading slash only, and lists the library once loaded', async () => {
    const { box, calls } = setup();
    type(box, 'a/b');
    expect(screen.queryByTestId('prompt-popover')).toBeNull();
    expect(calls.some((c) => c.route === 'prompts.list')).toBe(false);
    type(box, '/');
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(calls.find((c) => c.route === 'prompts.list')?.input).toEqual({ language: 'en' });
  });

  it('filters as the user types and moves the highlight with the arrows', async () => {
    const { box } = setup();
    type(box, '/');
    await waitFor(() => expect(options()).toHaveLength(3));
    type(box, '/s');
    expect(options().map((o) => o.split('You are')[0])).toEqual(['SQL helper', 'Shell one-liner']);
    expect(selected()).toContain('SQL helper');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(selected()).toContain('Shell one-liner');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(selected()).toContain('SQL helper');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(selected()).toContain('Shell one-liner');
  });

  it('Enter starts a new chat with the prompt and sends it with the first message', async () => {
    const { box, calls, store } = setup();
    type(box, '/');
    await waitFor(() => expect(options()).toHaveLength(3));
    type(box, '/shell');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(box.value).toBe('Give me a command that '));
    expect(screen.queryByTestId('prompt-popover')).toBeNull();
    expect(calls.some((c) => c.route === 'chat.send')).toBe(false);
    expect(store.getState().newChatModel).toBe('deepseek-chat');
    expect(store.getState().newChatProfileId).toBe('p2');
    expect(screen.getByTestId('new-chat-prompt').textContent).toContain('Shell one-liner');

    type(box, 'Give me a command that counts lines');
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(calls.some((c) => c.route === 'chat.send')).toBe(true));
    expect(calls.find((c) => c.route === 'chat.send')?.input).toMatchObject({
      text: 'Give me a command that counts lines',
      systemPrompt: 'You are Shell one-liner.',
      temperature: 0.5,
      model: 'deepseek-chat',
    });
    await waitFor(() => expect(store.getState().newChatPrompt).toBeNull());
  });

  it('applies the prompt to the open conversation', async () => {
    const { box, calls } = setup('c1');
    type(box, '/code');
    await waitFor(() => expect(options()).toHaveLength(1));
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() =>
      expect(calls.find((c) => c.route === 'conversations.update')?.input).toEqual({
        id: 'c1',
        systemPrompt: 'You are Code review.',
        temperature: 0.2,
      }),
    );
    expect(box.value).toBe('');
  });

  it('a prompt naming a model sets it on the open conversation, on its own profile', async () => {
    const { box, calls } = setup('c1');
    type(box, '/shell');
    await waitFor(() => expect(options()).toHaveLength(1));
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() =>
      expect(calls.find((c) => c.route === 'conversations.update')?.input).toEqual({
        id: 'c1',
        systemPrompt: 'You are Shell one-liner.',
        temperature: 0.5,
        model: 'deepseek-chat',
        profileId: 'p2',
      }),
    );
    expect(box.value).toBe('Give me a command that ');
  });

  it('Escape closes it and keeps the text; a click also chooses', async () => {
    const { box, calls } = setup('c1');
    type(box, '/sql');
    await waitFor(() => expect(options()).toHaveLength(1));
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByTestId('prompt-popover')).toBeNull();
    expect(box.value).toBe('/sql');
    type(box, '/sq');
    await waitFor(() => expect(options()).toHaveLength(1));
    fireEvent.click(within(screen.getByTestId('prompt-popover')).getByRole('option'));
    await waitFor(() => expect(box.value).toBe('Schema:\n'));
    expect(calls.find((c) => c.route === 'conversations.update')?.input).toMatchObject({
      systemPrompt: 'You are SQL helper.',
    });
  });

  it('Enter while an input method composes neither picks nor sends', async () => {
    const { box, calls } = setup('c1');
    type(box, '/dich');
    await waitFor(() => expect(screen.getByTestId('prompt-popover')).toBeTruthy());
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(box.value).toBe('/dich');
    expect(calls.some((c) => c.route === 'conversations.update' || c.route === 'chat.send')).toBe(
      false,
    );
  });

  it('with no match, Enter sends the text as typed', async () => {
    const { box, calls } = setup('c1');
    type(box, '/nothing-like-this');
    await waitFor(() => expect(screen.getByText(/No prompt matches/)).toBeTruthy());
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() =>
      expect(calls.find((c) => c.route === 'chat.send')?.input).toMatchObject({
        conversationId: 'c1',
        text: '/nothing-like-this',
      }),
    );
  });
});
