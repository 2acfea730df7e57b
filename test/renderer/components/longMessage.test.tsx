import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageItem } from '../../../src/renderer/src/components/chat/MessageItem';
import {
  COLLAPSE_OVER_CHARS,
  collapsedPrefix,
} from '../../../src/renderer/src/components/chat/longMessage';
import { renderProbe } from '../../../src/renderer/src/markdown/renderProbe';
import { createAppStore } from '../../../src/renderer/src/store';
import { emptyChatData, loadThread } from '../../../src/renderer/src/store/chatReducers';
import type { Message } from '../../../src/shared/types/history';
import { createFakeClient } from '../fakeClient';
import { makeMessage } from '../messageFixture';
import { renderWithStore } from './renderWithStore';
import { markdownRenderer } from '../../../src/renderer/src/markdown/LazyMarkdown';

// Answers render through the Markdown chunk, loaded on demand in the app; load it first here.
await markdownRenderer.load();

const MEGABYTE_LINE = 'abcdefghij'.repeat(100_000);

afterEach(() => {
  renderProbe.onMarkdown = null;
});

function setup(message: Message) {
  const { client } = createFakeClient({});
  const store = createAppStore(client);
  store.setState({
    chat: loadThread(emptyChatData, 'c1', { messages: [message], hasMore: false }),
  });
  renderWithStore(<MessageItem id={message.id} isLast />, store, client);
  const body = () => document.querySelector(`[data-message-id="${message.id}"] .message-body`);
  return { store, body, user: userEvent.setup() };
}

describe('collapsedPrefix', () => {
  it('leaves ordinary messages whole', () => {
    expect(collapsedPrefix('short')).toBeNull();
    expect(collapsedPrefix('x'.repeat(COLLAPSE_OVER_CHARS))).toBeNull();
  });

  it('cuts a long text at a paragraph end when there is one', () => {
    const text = `${'a'.repeat(3000)}\n\n${'b'.repeat(30_000)}`;
    expect(collapsedPrefix(text)).toBe('a'.repeat(3000));
  });

  it('never splits a surrogate pair', () => {
    const text = '😀'.repeat(20_000);
    const prefix = collapsedPrefix(text) ?? '';
    expect(prefix.length).toBeGreaterThan(0);
    expect(prefix.length % 2).toBe(0);
  });
});

describe('a 1 MB single-line message', () => {
  it('from the assistant is collapsed behind Show all, and Show less collapses it again', async () => {
    const { body, user } = setup(makeMessage('big', { content: MEGABYTE_LINE }));
    expect(body()?.textContent?.length).toBeLessThan(5_000);
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(body()?.textContent).toContain(MEGABYTE_LINE);
    const less = screen.getByRole('button', { name: 'Show less' });
    expect(less).toHaveAttribute('aria-expanded', 'true');
    await user.click(less);
    expect(body()?.textContent?.length).toBeLessThan(5_000);
  });

  it('from the user is collapsed the same way', async () => {
    const { body, user } = setup(makeMessage('pasted', { role: 'user', content: MEGABYTE_LINE }));
    expect(body()?.textContent?.length).toBeLessThan(5_000);
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(body()?.textContent?.length).toBeGreaterThan(1_000_000);
  });

  it('streaming past the limit while collapsed does not format the text again', () => {
    const start = `${'word '.repeat(5_000)}`;
    const { store } = setup(makeMessage('s', { status: 'streaming', content: start }));
    let formatted = 0;
    renderProbe.onMarkdown = () => void formatted++;
    for (let i = 0; i < 10; i++) {
      act(() => {
        const current = store.getState().chat.messages.s;
        if (!current) throw new Error('message missing');
        store.setState({
          chat: loadThread(store.getState().chat, 'c1', {
            messages: [{ ...current, content: current.content + 'more '.repeat(100) }],
            hasMore: false,
          }),
        });
      });
    }
    expect(screen.getByRole('button', { name: 'Show all' })).toBeInTheDocument();
    expect(formatted).toBe(0);
  });
});
