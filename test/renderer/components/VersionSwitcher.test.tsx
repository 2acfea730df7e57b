import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MessageItem } from '../../../src/renderer/src/components/chat/MessageItem';
import { createAppStore } from '../../../src/renderer/src/store';
import { loadThread, emptyChatData } from '../../../src/renderer/src/store/chatReducers';
import type { Message, MessagePage } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';
import { markdownRenderer } from '../../../src/renderer/src/markdown/LazyMarkdown';

await markdownRenderer.load();

const question = makeMessage('u1', { role: 'user', content: 'Kể một câu chuyện', model: null });
const first = makeMessage('a1', { content: 'Once upon a time', parentId: 'u1' });
const second = makeMessage('a2', { content: 'Long ago', parentId: 'u1' });
const third = makeMessage('a3', { content: 'In a land far away', parentId: 'u1' });
const all = ['a1', 'a2', 'a3'];

function show(page: MessagePage, routes: Parameters<typeof createFakeClient>[0] = {}) {
  const fake = createFakeClient(routes);
  const store = createAppStore(fake.client);
  store.setState({
    activeConversationId: 'c1',
    chat: loadThread(emptyChatData, 'c1', page),
  });
  const Thread = () => (
    <>
      {page.messages.map((m: Message, i) => (
        <MessageItem key={m.id} id={m.id} isLast={i === page.messages.length - 1} />
      ))}
    </>
  );
  renderWithStore(<Thread />, store, fake.client);
  const article = (id: string) =>
    within(document.querySelector(`[data-message-id="${id}"]`) as HTMLElement);
  return { ...fake, store, article };
}

describe('versions of a message', () => {
  it('show "2 / 3" with previous and next; choosing asks main and shows the page it returns', async () => {
    const user = userEvent.setup();
    const { article, calls, store } = show(
      { messages: [question, second], hasMore: false, versions: { a2: all } },
      {
        'messages.choose': () => ({
          conversationId: 'c1',
          page: { messages: [question, third], hasMore: false, versions: { a3: all } },
        }),
      },
    );
    const bot = article('a2');
    expect(bot.getByTestId('version-position')).toHaveTextContent('2 / 3');
    expect(bot.getByRole('button', { name: 'Previous version' })).toBeEnabled();
    await user.click(bot.getByRole('button', { name: 'Next version' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ route: 'messages.choose', input: { id: 'a3', limit: 200 } }),
    );
    await waitFor(() => expect(store.getState().chat.threads['c1']?.ids).toEqual(['u1', 'a3']));
    expect(store.getState().chat.versions['a3']).toEqual(all);
  });

  it('are not shown on a message without other versions; the ends disable their button', () => {
    const { article } = show({
      messages: [question, first],
      hasMore: false,
      versions: { a1: all },
    });
    expect(article('u1').queryByTestId('message-versions')).toBeNull();
    expect(article('a1').getByTestId('version-position')).toHaveTextContent('1 / 3');
    expect(article('a1').getByRole('button', { name: 'Previous version' })).toBeDisabled();
  });
});

describe('editing a message in place', () => {
  it('an answer is saved in place (no new answer) and marked edited', async () => {
    const user = userEvent.setup();
    const fixed = { ...first, content: 'Once upon a time, fixed', editedAt: 5 };
    const { article, calls } = show(
      { messages: [question, first], hasMore: false },
      { 'messages.edit': () => fixed },
    );
    expect(article('a1').queryByTestId('message-edited')).toBeNull();
    await user.click(article('a1').getByRole('button', { name: 'Edit' }));
    // An answer is only saved: nothing to resend.
    expect(screen.queryByRole('button', { name: 'Save and resend' })).toBeNull();
    const box = screen.getByRole('textbox', { name: 'Edit message' });
    await user.clear(box);
    await user.type(box, 'Once upon a time, fixed');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        route: 'messages.edit',
        input: { id: 'a1', text: 'Once upon a time, fixed' },
      }),
    );
    expect(await article('a1').findByTestId('message-edited')).toHaveTextContent('edited');
    expect(calls.some((c) => c.route === 'chat.editAndResend')).toBe(false);
  });

  it('a question offers Save and Save and resend', async () => {
    const user = userEvent.setup();
    const { article, calls } = show(
      { messages: [question, first], hasMore: false },
      { 'messages.edit': () => ({ ...question, content: 'Kể chuyện', editedAt: 5 }) },
    );
    await user.click(article('u1').getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('button', { name: 'Save and resend' })).toBeInTheDocument();
    const box = screen.getByRole('textbox', { name: 'Edit message' });
    await user.clear(box);
    await user.type(box, 'Kể chuyện');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls).toContainEqual({
        route: 'messages.edit',
        input: { id: 'u1', text: 'Kể chuyện' },
      }),
    );
    expect(await article('u1').findByText('Kể chuyện')).toBeInTheDocument();
  });
});

describe('deleting a message', () => {
  it('offers an undo that restores it through main', async () => {
    const { store, calls } = show(
      { messages: [question, first], hasMore: false },
      {
        'messages.delete': () => ({ deleted: true }),
        'messages.restore': () => ({ conversationId: 'c1' }),
        'messages.list': () => ({ messages: [question, first], hasMore: false }),
      },
    );
    await store.getState().chatActions.deleteMessage('a1');
    expect(store.getState().chat.threads['c1']?.ids).toEqual(['u1']);
    expect(store.getState().lastDeletedMessage).toEqual({ id: 'a1', conversationId: 'c1' });
    await store.getState().chatActions.undoDeleteMessage();
    expect(calls).toContainEqual({ route: 'messages.restore', input: { id: 'a1' } });
    expect(store.getState().chat.threads['c1']?.ids).toEqual(['u1', 'a1']);
    expect(store.getState().lastDeletedMessage).toBeNull();
  });
});
