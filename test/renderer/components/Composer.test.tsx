import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Composer } from '../../../src/renderer/src/components/chat/Composer';
import { createAppStore } from '../../../src/renderer/src/store';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

const ids = {
  conversationId: 'c1',
  user: makeMessage('u1', { role: 'user', content: 'question', model: null }),
  assistant: makeMessage('a1', { status: 'streaming' }),
};

function setup() {
  const fake = createFakeClient({
    'chat.send': () => ids,
    'chat.stop': () => ({ stopped: true }),
  });
  const store = createAppStore(fake.client, () => 1000);
  store.setState({ activeProfileId: 'p1' });
  renderWithStore(<Composer />, store, fake.client);
  const box = screen.getByRole('textbox', { name: 'Message' });
  return { ...fake, store, box };
}

describe('Composer', () => {
  it('Enter sends the draft and clears it', async () => {
    const { box, calls, store } = setup();
    fireEvent.change(box, { target: { value: 'Xin chào' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(1));
    expect(calls[0]?.input).toEqual({ text: 'Xin chào' });
    await waitFor(() => expect(store.getState().activeConversationId).toBe('c1'));
    expect((box as HTMLTextAreaElement).value).toBe('');
  });

  it('Enter during IME composition (Telex, pinyin) never sends', () => {
    const { box, calls } = setup();
    fireEvent.change(box, { target: { value: 'tieengs' } });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 229 });
    expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(0);
  });

  it('Shift+Enter does not send', () => {
    const { box, calls } = setup();
    fireEvent.change(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(0);
  });

  it('keeps a draft per conversation', () => {
    const { box, store } = setup();
    fireEvent.change(box, { target: { value: 'draft for new chat' } });
    store.setState({ activeConversationId: 'other' });
    expect(store.getState().drafts['__new__']).toBe('draft for new chat');
  });

  it('a 1 MB paste is kept whole and sent whole', async () => {
    const { box, calls } = setup();
    const big = 'Tiết kiệm 中转站 🎉 '.repeat(60_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    fireEvent.change(box, { target: { value: big } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(1));
    expect((calls[0]?.input as { text: string }).text).toBe(big);
  });

  it('Esc stops the streaming answer', async () => {
    const { box, calls, store } = setup();
    fireEvent.change(box, { target: { value: 'go' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(store.getState().chat.messages['a1']?.status).toBe('streaming'));
    fireEvent.keyDown(box, { key: 'Escape' });
    await waitFor(() => expect(calls.some((c) => c.route === 'chat.stop')).toBe(true));
    expect(calls.find((c) => c.route === 'chat.stop')?.input).toEqual({ messageId: 'a1' });
  });

  it('Up on an empty composer asks to edit the last user message', async () => {
    const { box, store } = setup();
    fireEvent.change(box, { target: { value: 'question' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(store.getState().chat.messages['u1']).toBeDefined());
    store.getState().chatActions.onDone({
      conversationId: 'c1',
      message: makeMessage('a1', { status: 'complete', finishReason: 'stop' }),
    });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(store.getState().editRequestId).toBe('u1');
  });
});
