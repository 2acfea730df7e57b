import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MessageItem } from '../../../src/renderer/src/components/chat/MessageItem';
import { createAppStore } from '../../../src/renderer/src/store';
import { loadThread, emptyChatData } from '../../../src/renderer/src/store/chatReducers';
import type { Message } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';
import { markdownRenderer } from '../../../src/renderer/src/markdown/LazyMarkdown';
import { holdDecorationsUntilPaint } from '../../../src/renderer/src/markdown/afterPaint';

await markdownRenderer.load();

const question = makeMessage('u1', { role: 'user', content: 'Tiết kiệm bao nhiêu?', model: null });
const answer = makeMessage('a1', {
  content: 'Khoảng **95 %**, xem [bảng giá](https://example.test).',
  finishReason: 'stop',
  createdAt: new Date(2026, 2, 14, 9, 5).getTime(),
});

function show(messages: Message[]) {
  const fake = createFakeClient({ 'messages.delete': () => ({ deleted: true }) });
  const store = createAppStore(fake.client);
  store.setState({ chat: loadThread(emptyChatData, 'c1', { messages, hasMore: false }) });
  renderWithStore(
    <>
      {messages.map((m, i) => (
        <MessageItem key={m.id} id={m.id} isLast={i === messages.length - 1} />
      ))}
    </>,
    store,
    fake.client,
  );
  const article = (id: string) =>
    within(document.querySelector(`[data-message-id="${id}"]`) as HTMLElement);
  return { ...fake, store, article };
}

describe('message actions', () => {
  it('are icon buttons named for what they do, per role', () => {
    const { article } = show([question, answer]);
    const user = article('u1');
    for (const name of ['Copy', 'Edit', 'Delete', 'More actions'])
      expect(user.getByRole('button', { name })).toBeInTheDocument();
    expect(user.queryByRole('button', { name: 'Regenerate' })).toBeNull();
    const bot = article('a1');
    for (const name of ['Copy', 'Edit', 'Regenerate', 'Delete', 'More actions'])
      expect(bot.getByRole('button', { name })).toBeInTheDocument();
    // Icons only: the name lives in aria-label, no text label under every message.
    expect(bot.getByRole('button', { name: 'Regenerate' })).toHaveTextContent('');
  });

  it('show when the message was written, with the full date on the element', () => {
    const { article } = show([question, answer]);
    const time = article('a1').getByText(/9:05/);
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', new Date(answer.createdAt).toISOString());
  });

  it('are absent while the answer streams: the composer holds the one Stop', () => {
    const streaming = makeMessage('a2', { status: 'streaming', content: 'Đang' });
    const { article } = show([question, streaming]);
    expect(article('a2').queryByRole('button')).toBeNull();
    expect(article('a2').getByRole('img', { name: 'Writing the answer' })).toBeInTheDocument();
  });

  it('copy the Markdown, or the plain text from the More menu', async () => {
    const user = userEvent.setup();
    const { article } = show([question, answer]);
    await user.click(article('a1').getByRole('button', { name: 'Copy' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(answer.content);
    expect(await article('a1').findByRole('button', { name: 'Copied' })).toBeInTheDocument();

    await user.click(article('a1').getByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Copy as plain text' }));
    await expect(navigator.clipboard.readText()).resolves.toBe('Khoảng 95 %, xem bảng giá.');
  });

  it('Edit opens the editor in place of the question', async () => {
    const user = userEvent.setup();
    const { article } = show([question, answer]);
    await user.click(article('u1').getByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('textbox', { name: 'Edit message' })).toHaveValue(question.content);
    expect(article('u1').queryByRole('button', { name: 'Copy' })).toBeNull();
  });

  it('Delete removes the message through main', async () => {
    const user = userEvent.setup();
    const { article, calls } = show([question, answer]);
    await user.click(article('a1').getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(calls).toContainEqual({ route: 'messages.delete', input: { id: 'a1' } }),
    );
  });

  it('a streaming answer does not re-render the finished messages and their actions', () => {
    const streaming = makeMessage('a2', { status: 'streaming', content: '' });
    const { store } = show([question, answer, streaming]);
    const before = document.querySelector('[data-message-id="a1"]')?.getAttribute('data-renders');
    act(() => {
      for (let seq = 1; seq <= 10; seq++)
        store.getState().chatActions.onDelta({
          conversationId: 'c1',
          messageId: 'a2',
          seq,
          content: 'x',
          reasoning: '',
        });
    });
    expect(document.querySelector('[data-message-id="a1"]')?.getAttribute('data-renders')).toBe(
      before,
    );
  });

  it('as a conversation opens, a row not in view gets its icons after that paint, the last at once', async () => {
    holdDecorationsUntilPaint();
    const { article } = show([question, answer]);
    const icon = (name: string) => article('u1').getByRole('button', { name }).querySelector('svg');
    // Named, in place and reachable from the first frame; only the drawing waits.
    for (const name of ['Copy', 'Edit', 'Delete', 'More actions']) expect(icon(name)).toBeNull();
    expect(
      article('a1').getByRole('button', { name: 'Regenerate' }).querySelector('svg'),
    ).not.toBeNull();
    await waitFor(() => {
      for (const name of ['Copy', 'Edit', 'Delete', 'More actions'])
        expect(icon(name)).not.toBeNull();
    });
  });
});
