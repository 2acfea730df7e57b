import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createAppStore } from '../../../src/renderer/src/store';
import { loadThread } from '../../../src/renderer/src/store/chatReducers';
import {
  ContextMeter,
  ContextNotice,
} from '../../../src/renderer/src/components/chat/ContextMeter';
import type { Conversation, Message } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

const conversation: Conversation = {
  id: 'c1',
  title: 'T',
  titleIsCustom: false,
  pinned: false,
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
  model: 'my-local-llm',
  profileId: null,
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
};

function setup(messages: Message[], options: { stoppable?: boolean } = {}) {
  const summary = makeMessage('sum', { role: 'system', content: 'What was said.' });
  let stopped: (() => void) | null = null;
  const fake = createFakeClient({
    'chat.summarise': () => summary,
    'chat.stopSummary': () => {
      stopped?.();
      return { stopped: stopped !== null };
    },
    'messages.list': () => ({ messages: [...messages, summary], hasMore: false }),
  });
  // A summary that runs until stopped, then fails as main reports it (`aborted`).
  const client: typeof fake.client = options.stoppable
    ? {
        ...fake.client,
        call: (async (route: string, input: unknown) => {
          if (route !== 'chat.summarise')
            return fake.client.call(
              route as 'chat.stopSummary',
              input as { conversationId: string },
            );
          fake.calls.push({ route, input });
          await new Promise<void>((resolve) => (stopped = resolve));
          return { ok: false, error: { code: 'aborted', text: { code: 'relay_stopped' } } };
        }) as typeof fake.client.call,
      }
    : fake.client;
  const store = createAppStore(client, () => 1000);
  store.setState((s) => ({
    conversations: [conversation],
    activeConversationId: 'c1',
    chat: loadThread(s.chat, 'c1', { messages, hasMore: false }),
  }));
  renderWithStore(
    <>
      <ContextMeter conversationId="c1" />
      <ContextNotice conversationId="c1" />
    </>,
    store,
    client,
  );
  return { store, calls: fake.calls };
}

describe('ContextMeter and ContextNotice', () => {
  it('show the estimate against the safe window, and say so once the draft no longer fits', () => {
    const { store } = setup([
      makeMessage('q', { role: 'user', content: 'x'.repeat(12_000) }),
      makeMessage('a', { role: 'assistant', content: 'ok' }),
    ]);
    // 3,004 + 5 + the empty draft's 4 of 8,192.
    expect(screen.getByTestId('context-meter')).toHaveTextContent('3K / 8.2K');
    expect(screen.queryByTestId('context-notice')).toBeNull();
    act(() => store.getState().ui.setDraft('c1', 'y'.repeat(20_000)));
    expect(screen.getByTestId('context-notice')).toHaveTextContent(
      "This conversation no longer fits my-local-llm's context (8.2K tokens): the oldest turns (1) will not be sent",
    );
    act(() => store.getState().ui.setDraft('c1', 'y'.repeat(40_000)));
    expect(screen.getByTestId('context-notice')).toHaveTextContent(
      "Your message alone does not fit my-local-llm's context",
    );
  });

  it('offers to summarise instead; the summary then heads what is sent', async () => {
    const { store, calls } = setup([
      makeMessage('q', { role: 'user', content: 'x'.repeat(12_000) }),
      makeMessage('a', { role: 'assistant', content: 'ok' }),
    ]);
    act(() => store.getState().ui.setDraft('c1', 'y'.repeat(20_000)));
    fireEvent.click(screen.getByRole('button', { name: 'Summarise instead' }));
    await waitFor(() => expect(screen.queryByTestId('context-notice')).toBeNull());
    expect(calls.filter((c) => c.route === 'chat.summarise')).toEqual([
      { route: 'chat.summarise', input: { conversationId: 'c1' } },
    ]);
    expect(store.getState().chat.threads.c1?.ids).toEqual(['q', 'a', 'sum']);
  });

  it('a summary being written can be cancelled: nothing is added, no error is shown', async () => {
    const { store, calls } = setup(
      [
        makeMessage('q', { role: 'user', content: 'x'.repeat(12_000) }),
        makeMessage('a', { role: 'assistant', content: 'ok' }),
      ],
      { stoppable: true },
    );
    act(() => store.getState().ui.setDraft('c1', 'y'.repeat(20_000)));
    expect(screen.queryByRole('button', { name: 'Cancel summary' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Summarise instead' }));
    expect(await screen.findByRole('button', { name: 'Summarising…' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel summary' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Summarise instead' })).toBeEnabled(),
    );
    expect(screen.queryByRole('button', { name: 'Cancel summary' })).toBeNull();
    expect(calls.filter((c) => c.route === 'chat.stopSummary')).toEqual([
      { route: 'chat.stopSummary', input: { conversationId: 'c1' } },
    ]);
    expect(store.getState().chat.threads.c1?.ids).toEqual(['q', 'a']);
    expect(store.getState().toast).toBeNull();
  });
});
