import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { NoticeArea } from '../../../src/renderer/src/components/Banners';
import { Composer } from '../../../src/renderer/src/components/chat/Composer';
import { connectEvents, createAppStore } from '../../../src/renderer/src/store';
import { MessageItem } from '../../../src/renderer/src/components/chat/MessageItem';
import { emptyChatData, loadThread } from '../../../src/renderer/src/store/chatReducers';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

describe('an over-limit message', () => {
  it('says its size and the limit before sending, and is not sent', () => {
    const fake = createFakeClient({
      'chat.send': () => ({
        conversationId: 'c',
        user: makeMessage('u', { conversationId: 'c', role: 'user' }),
        assistant: makeMessage('a', { conversationId: 'c', status: 'streaming' }),
      }),
    });
    const store = createAppStore(fake.client, () => 1000);
    store.setState({ activeProfileId: 'p1' });
    store.getState().ui.setDraft('__new__', 'x'.repeat(9 * 1024 * 1024 + 100));
    renderWithStore(<Composer />, store, fake.client);
    expect(screen.getByRole('alert').textContent).toBe(
      'Your message is 9.0 MB; the limit is 8 MB. Shorten it or send it in parts.',
    );
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    expect(fake.calls.filter((c) => c.route === 'chat.send')).toHaveLength(0);
  });
});

describe('the storage notice and error toasts', () => {
  it('shows an app-wide notice while writes fail and clears it when they succeed again', () => {
    const fake = createFakeClient({});
    const store = createAppStore(fake.client, () => 1000);
    connectEvents(store, fake.client);
    renderWithStore(<NoticeArea />, store, fake.client);
    expect(screen.queryByTestId('storage-banner')).toBeNull();
    act(() =>
      fake.emit('app.storage', {
        failing: true,
        code: 'storage_full',
        path: '/data/history.sqlite',
        unsaved: 2,
      }),
    );
    const banner = screen.getByTestId('storage-banner');
    expect(banner.textContent).toContain('The disk is full: Fleece cannot save.');
    expect(banner.textContent).toContain('Answers waiting to be saved: 2.');
    expect(banner.textContent).toContain('/data/history.sqlite');
    act(() => fake.emit('app.storage', { failing: false }));
    expect(screen.queryByTestId('storage-banner')).toBeNull();
  });

  it('an error toast clears on the next action that succeeds (not on a background read)', async () => {
    const fake = createFakeClient({
      'conversations.list': () => ({ conversations: [], nextCursor: null }),
      'conversations.pin': () => ({
        id: 'c1',
        title: 't',
        titleIsCustom: false,
        pinned: true,
        createdAt: 1,
        updatedAt: 1,
        deletedAt: null,
        model: null,
        profileId: null,
        systemPrompt: null,
        temperature: null,
        contextTurns: null,
      }),
    });
    const store = createAppStore(fake.client, () => 1000);
    store.getState().ui.showToast({ code: 'storage_full', text: { code: 'storage_full' } });
    await store.getState().conversationActions.refresh();
    expect(store.getState().toast).not.toBeNull();
    await store.getState().conversationActions.setPinned('c1', true);
    expect(store.getState().toast).toBeNull();
  });
});

describe('an answer the disk refused', () => {
  it('is shown as not saved yet (no relay error), then as complete once main saved it', () => {
    const fake = createFakeClient({});
    const store = createAppStore(fake.client, () => 1000);
    connectEvents(store, fake.client);
    const streaming = makeMessage('a1', { status: 'streaming', content: 'Toàn bộ câu trả lời' });
    store.setState({
      chat: loadThread(emptyChatData, 'c1', { messages: [streaming], hasMore: false }),
    });
    renderWithStore(<MessageItem id="a1" isLast />, store, fake.client);
    const finished = { ...streaming, status: 'complete' as const, finishReason: 'stop' };
    act(() =>
      fake.emit('chat.done', {
        conversationId: 'c1',
        message: { ...finished, status: 'error' },
        unsaved: { code: 'storage_full' },
      }),
    );
    expect(screen.getByTestId('unsaved-note').textContent).toContain('Not saved yet');
    expect(screen.queryByTestId('error-card')).toBeNull();
    const item = document.querySelector('[data-message-id="a1"]');
    expect(item?.getAttribute('data-status')).not.toBe('complete');
    act(() => fake.emit('chat.done', { conversationId: 'c1', message: finished }));
    expect(screen.queryByTestId('unsaved-note')).toBeNull();
    expect(item?.getAttribute('data-status')).toBe('complete');
  });
});
