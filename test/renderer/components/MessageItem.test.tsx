import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { MessageItem } from '../../../src/renderer/src/components/chat/MessageItem';
import { createAppStore } from '../../../src/renderer/src/store';
import { loadThread, emptyChatData } from '../../../src/renderer/src/store/chatReducers';
import type { Message } from '../../../src/shared/types/history';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';
import { markdownRenderer } from '../../../src/renderer/src/markdown/LazyMarkdown';

// Answers render through the Markdown chunk, loaded on demand in the app; load it first here.
await markdownRenderer.load();

/** A finished answer with markdown, usage and timings. */
function msg(id: string, over: Partial<Message> = {}): Message {
  return makeMessage(id, {
    content: `Answer ${id} with **bold** and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |`,
    profileId: 'p1',
    promptTokens: 12,
    completionTokens: 34,
    cost: 0.0000143,
    ttftMs: 240,
    durationMs: 1240,
    finishReason: 'stop',
    ...over,
  });
}

function renders(id: string): number {
  const el = document.querySelector(`[data-message-id="${id}"]`);
  return Number(el?.getAttribute('data-renders'));
}

describe('MessageItem', () => {
  it('a streaming delta re-renders only the streaming message', () => {
    const { client } = createFakeClient({});
    const store = createAppStore(client);
    const list = [
      msg('m1'),
      msg('m2'),
      msg('m3', { status: 'streaming', content: 'Tiết', completionTokens: null }),
    ];
    store.setState({ chat: loadThread(emptyChatData, 'c1', { messages: list, hasMore: false }) });
    renderWithStore(
      <>
        {list.map((m, i) => (
          <MessageItem key={m.id} id={m.id} isLast={i === list.length - 1} />
        ))}
      </>,
      store,
      client,
    );
    const before = { m1: renders('m1'), m2: renders('m2'), m3: renders('m3') };
    act(() => {
      for (let seq = 1; seq <= 20; seq++) {
        store.getState().chatActions.onDelta({
          conversationId: 'c1',
          messageId: 'm3',
          seq,
          content: ' kiệm',
          reasoning: '',
        });
      }
    });
    expect(renders('m1')).toBe(before.m1);
    expect(renders('m2')).toBe(before.m2);
    expect(renders('m3')).toBeGreaterThan(before.m3);
    expect(screen.getAllByTestId('message')[2]).toHaveTextContent('Tiết kiệm kiệm');
  });

  it('shows model, tokens, cost, time to first token and speed in the footer', () => {
    const { client } = createFakeClient({});
    const store = createAppStore(client);
    store.setState({
      chat: loadThread(emptyChatData, 'c1', { messages: [msg('m1')], hasMore: false }),
    });
    renderWithStore(<MessageItem id="m1" isLast />, store, client);
    const footer = screen.getByTestId('message-footer');
    expect(footer).toHaveTextContent('deepseek-chat');
    expect(footer).toHaveTextContent('12 in · 34 out tokens');
    expect(footer).toHaveTextContent('cost $0.0000143');
    expect(footer).toHaveTextContent('first token 240 ms');
    expect(footer).toHaveTextContent('34 tokens/s');
  });

  it('an unknown price shows a dash, never $0', () => {
    const { client } = createFakeClient({});
    const store = createAppStore(client);
    store.setState({
      chat: loadThread(emptyChatData, 'c1', {
        messages: [msg('m1', { cost: null })],
        hasMore: false,
      }),
    });
    renderWithStore(<MessageItem id="m1" isLast />, store, client);
    expect(screen.getByTestId('message-footer')).toHaveTextContent('cost —');
  });

  it('carries data-role and data-status, and offers Continue on a length-limited answer', () => {
    const { client } = createFakeClient({});
    const store = createAppStore(client);
    store.setState({
      chat: loadThread(emptyChatData, 'c1', {
        messages: [msg('m1', { finishReason: 'length' })],
        hasMore: false,
      }),
    });
    renderWithStore(<MessageItem id="m1" isLast />, store, client);
    const el = screen.getByTestId('message');
    expect(el).toHaveAttribute('data-role', 'assistant');
    expect(el).toHaveAttribute('data-status', 'complete');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeInTheDocument();
  });

  it('offers no Continue where main refuses it: reasoning only, or not the last answer', () => {
    const { client } = createFakeClient({});
    const store = createAppStore(client);
    const list = [
      msg('m1', { status: 'stopped', content: 'Half an answer' }),
      makeMessage('u2', { role: 'user', content: 'And?' }),
      msg('m3', { status: 'stopped', content: '', reasoning: 'Thinking about it' }),
    ];
    store.setState({ chat: loadThread(emptyChatData, 'c1', { messages: list, hasMore: false }) });
    renderWithStore(
      <>
        {list.map((m, i) => (
          <MessageItem key={m.id} id={m.id} isLast={i === list.length - 1} />
        ))}
      </>,
      store,
      client,
    );
    expect(screen.getAllByTestId('message')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull();
    // Every answer can be asked again (a new version beside it; nothing is deleted).
    expect(screen.getAllByRole('button', { name: 'Regenerate' })).toHaveLength(2);
  });
});
