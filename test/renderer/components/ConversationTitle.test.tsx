import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConversationTitle } from '../../../src/renderer/src/components/chat/ConversationTitle';
import { createAppStore } from '../../../src/renderer/src/store';
import { CONVERSATION_TITLE_MAX } from '../../../src/shared/rules/limits';
import type { Conversation } from '../../../src/shared/types/history';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

const conversation: Conversation = {
  id: 'c1',
  title: 'Chi phí relay',
  titleIsCustom: false,
  pinned: false,
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
  model: null,
  profileId: null,
  systemPrompt: null,
  temperature: null,
  contextTurns: null,
};

function Harness({ id }: { id: string | null }) {
  const [editing, setEditing] = useState(false);
  return (
    <ConversationTitle
      conversationId={id}
      title={id ? conversation.title : 'New chat'}
      editing={editing}
      onEditingChange={setEditing}
    />
  );
}

function setup(id: string | null = 'c1') {
  const fake = createFakeClient({
    'conversations.rename': ({ id: cid, title }) => ({ ...conversation, id: cid, title }),
  });
  const store = createAppStore(fake.client);
  store.setState({ conversations: [conversation] });
  renderWithStore(<Harness id={id} />, store, fake.client);
  const renames = () => fake.calls.filter((c) => c.route === 'conversations.rename');
  return { ...fake, store, renames };
}

describe('ConversationTitle', () => {
  it('a click on the title opens a field; Enter saves the trimmed title', async () => {
    const user = userEvent.setup();
    const { renames } = setup();
    await user.click(screen.getByRole('heading', { name: 'Chi phí relay' }));
    const field = screen.getByRole('textbox', { name: 'Conversation title' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, '  Tiết kiệm 95 %  {Enter}');
    await waitFor(() =>
      expect(renames()).toEqual([
        { route: 'conversations.rename', input: { id: 'c1', title: 'Tiết kiệm 95 %' } },
      ]),
    );
    expect(screen.queryByRole('textbox', { name: 'Conversation title' })).toBeNull();
  });

  it('Escape cancels, and an empty or unchanged title is not sent', async () => {
    const user = userEvent.setup();
    const { renames } = setup();
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await user.type(screen.getByRole('textbox', { name: 'Conversation title' }), ' more{Escape}');
    expect(screen.getByRole('heading', { name: 'Chi phí relay' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await user.clear(screen.getByRole('textbox', { name: 'Conversation title' }));
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: 'Rename' }));
    await user.keyboard('{Enter}');
    expect(renames()).toHaveLength(0);
  });

  it('a long title is cut to what main stores', async () => {
    const { renames } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Conversation title' });
    fireEvent.change(field, { target: { value: '长'.repeat(CONVERSATION_TITLE_MAX + 20) } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(renames()).toHaveLength(1));
    expect((renames()[0]?.input as { title: string }).title).toHaveLength(CONVERSATION_TITLE_MAX);
  });

  it('Enter while an input method composes does not save', () => {
    const { renames } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Conversation title' });
    fireEvent.change(field, { target: { value: 'tieeng' } });
    fireEvent.keyDown(field, { key: 'Enter', isComposing: true });
    expect(field).toBeInTheDocument();
    expect(renames()).toHaveLength(0);
  });

  it('a new chat has a plain title: nothing to rename yet', () => {
    setup(null);
    expect(screen.getByRole('heading', { name: 'New chat' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull();
    fireEvent.click(screen.getByRole('heading', { name: 'New chat' }));
    expect(screen.queryByRole('textbox')).toBeNull();
  });
});
