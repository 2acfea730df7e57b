import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import {
  Composer,
  COMPOSER_MAX_SHARE,
  composerHeight,
} from '../../../src/renderer/src/components/chat/Composer';
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

  it('takes the focus when another conversation opens, once its frame is drawn', async () => {
    const { box, store } = setup();
    await waitFor(() => expect(box).toHaveFocus());
    const row = document.body.appendChild(document.createElement('button'));
    try {
      row.focus();
      let frames = 0;
      const counting = () => {
        frames++;
        if (frames < 3) requestAnimationFrame(counting);
      };
      act(() => store.setState({ activeConversationId: 'other' }));
      requestAnimationFrame(counting);
      // Not inside the work that draws the conversation: focusing would lay the window out there.
      expect(row).toHaveFocus();
      await waitFor(() => expect(box).toHaveFocus());
      expect(frames).toBeGreaterThan(0);
    } finally {
      row.remove();
    }
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

  it('grows with its text up to 40% of the window, then scrolls', () => {
    const { box } = setup();
    const area = box as HTMLTextAreaElement;
    let content = 0;
    Object.defineProperty(area, 'scrollHeight', { configurable: true, get: () => content });
    const height = window.innerHeight;
    content = 120;
    fireEvent.change(area, { target: { value: 'one\ntwo\nthree\nfour' } });
    expect(area.style.height).toBe('120px');
    content = height * 3;
    fireEvent.change(area, { target: { value: 'many lines\n'.repeat(200) } });
    expect(area.style.height).toBe(`${Math.floor(height * COMPOSER_MAX_SHARE)}px`);
    content = 24;
    fireEvent.change(area, { target: { value: 'x' } });
    expect(area.style.height).toBe('24px');
  });

  it('composerHeight keeps at least the minimum and at most the share of the window', () => {
    expect(composerHeight(10, 600, 48)).toBe(48);
    expect(composerHeight(200, 600, 48)).toBe(200);
    expect(composerHeight(5000, 600, 48)).toBe(240);
    expect(composerHeight(5000, 1440, 48)).toBe(576);
  });

  it('has Send and Stop as icon buttons, and the tools it is given', async () => {
    const fake = createFakeClient({ 'chat.send': () => ids });
    const store = createAppStore(fake.client, () => 1000);
    store.setState({ activeProfileId: 'p1' });
    let attached = 0;
    let opened = 0;
    renderWithStore(
      <Composer onAttach={() => (attached += 1)} onOpenParameters={() => (opened += 1)} />,
      store,
      fake.client,
    );
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    expect(send).toHaveTextContent('');
    fireEvent.click(screen.getByRole('button', { name: 'Attach files' }));
    fireEvent.click(screen.getByRole('button', { name: 'Chat parameters' }));
    expect([attached, opened]).toEqual([1, 1]);
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), {
      target: { value: 'go' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });

  it('draws no attach button until attachments exist', () => {
    setup();
    expect(screen.queryByRole('button', { name: 'Attach files' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Choose a model' })).toBeInTheDocument();
  });
});
