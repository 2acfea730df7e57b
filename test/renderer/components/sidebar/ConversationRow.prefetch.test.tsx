import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../../src/shared/types/history';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ConversationRow } from '../../../../src/renderer/src/components/sidebar/ConversationRow';
import { createAppStore } from '../../../../src/renderer/src/store';
import { createFakeClient } from '../../fakeClient';
import { makeMessage } from '../../messageFixture';
import { renderWithStore } from '../renderWithStore';

const conversation: Conversation = {
  id: 'c7',
  title: 'Prices of relays',
  titleIsCustom: true,
  pinned: false,
  deletedAt: null,
  model: null,
  profileId: null,
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
  createdAt: 1,
  updatedAt: 1,
};

function setup() {
  const fake = createFakeClient({
    'messages.list': ({ conversationId }) => ({
      messages: [makeMessage('m1', { conversationId, content: 'ready' })],
      hasMore: false,
    }),
  });
  const store = createAppStore(fake.client);
  renderWithStore(
    <ul>
      <ConversationRow conversation={conversation} active={false} />
    </ul>,
    store,
    fake.client,
  );
  const lists = () => fake.calls.filter((c) => c.route === 'messages.list');
  return { store, lists };
}

describe('ConversationRow prefetch', () => {
  it('loads the messages when the pointer enters the row', async () => {
    const { store, lists } = setup();
    fireEvent.pointerEnter(screen.getByRole('button', { name: 'Prices of relays' }));
    await waitFor(() => expect(store.getState().chat.messages['m1']?.content).toBe('ready'));
    expect(lists()).toHaveLength(1);
  });

  it('loads them on keyboard focus, and the click then asks nothing more', async () => {
    const { store, lists } = setup();
    const row = screen.getByRole('button', { name: 'Prices of relays' });
    fireEvent.focus(row);
    await waitFor(() => expect(store.getState().chat.threads['c7']).toBeDefined());
    fireEvent.click(row);
    await waitFor(() => expect(store.getState().activeConversationId).toBe('c7'));
    expect(lists()).toHaveLength(1);
  });
});

describe('ConversationRow before its menu is mounted', () => {
  it('opens the menu from the first frame’s plain button', async () => {
    const fake = createFakeClient({});
    const store = createAppStore(fake.client);
    renderWithStore(
      <ul>
        <ConversationRow conversation={conversation} active={false} light />
      </ul>,
      store,
      fake.client,
    );
    const more = screen.getByRole('button', { name: 'More actions for “Prices of relays”' });
    expect(more.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.click(more);
    await waitFor(() => expect(screen.getByRole('menuitem', { name: /Rename/ })).toBeTruthy());
  });
});
