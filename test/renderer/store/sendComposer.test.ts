import { describe, expect, it } from 'vitest';
import type { FleeceClient } from '../../../src/renderer/src/api/client';
import { createAppStore } from '../../../src/renderer/src/store';
import { NEW_CHAT_DRAFT } from '../../../src/renderer/src/store/slices/uiSlice';
import type { AttachmentRef } from '../../../src/shared/attachment';
import type { AppError, Result } from '../../../src/shared/result';
import { makeMessage } from '../messageFixture';

const file: AttachmentRef = {
  hash: 'b'.repeat(64),
  name: 'notes.md',
  kind: 'text',
  mime: 'text/markdown',
  size: 512,
  width: null,
  height: null,
  textChars: 480,
  note: null,
};

const turn = {
  conversationId: 'c1',
  user: makeMessage('u1', { role: 'user', content: 'Tóm tắt giúp tôi', model: null }),
  assistant: makeMessage('a1', { status: 'streaming' }),
};

const refused: AppError = {
  code: 'relay_unreachable',
  text: { code: 'relay_unreachable' },
};

/** A client whose `chat.send` and `chat.compare` wait for `answer` with main's result. */
function pendingClient() {
  let answer: (result: Result<unknown>) => void = () => undefined;
  const call = () =>
    new Promise<Result<unknown>>((resolve) => {
      answer = resolve;
    });
  // Every route answers alike here: the store only awaits the one call under test.
  const client = { call, on: () => () => undefined } as unknown as FleeceClient;
  return { client, answer: (result: Result<unknown>) => answer(result) };
}

function setup() {
  const pending = pendingClient();
  const store = createAppStore(pending.client);
  store.setState({ activeProfileId: 'p1' });
  store.getState().ui.setNewChatModel('deepseek-chat');
  store.getState().ui.setDraft(NEW_CHAT_DRAFT, 'Tóm tắt giúp tôi');
  store.getState().ui.setAttachments(NEW_CHAT_DRAFT, [file]);
  return { ...pending, store };
}

describe('chat slice: the composer as a question goes out', () => {
  it('is emptied before main answers, and stays empty once the question is taken', async () => {
    const { store, answer } = setup();
    const sending = store.getState().chatActions.send('Tóm tắt giúp tôi', [file]);
    expect(store.getState().drafts[NEW_CHAT_DRAFT]).toBeUndefined();
    expect(store.getState().attachmentDrafts[NEW_CHAT_DRAFT]).toBeUndefined();
    answer({ ok: true, data: turn });
    expect(await sending).toBe(true);
    expect(store.getState().activeConversationId).toBe('c1');
    expect(store.getState().drafts).toEqual({});
    expect(store.getState().attachmentDrafts).toEqual({});
  });

  it('gets its text and files back when main refuses the question, with the error shown', async () => {
    const { store, answer } = setup();
    const sending = store.getState().chatActions.send('Tóm tắt giúp tôi', [file]);
    answer({ ok: false, error: refused });
    expect(await sending).toBe(false);
    expect(store.getState().drafts[NEW_CHAT_DRAFT]).toBe('Tóm tắt giúp tôi');
    expect(store.getState().attachmentDrafts[NEW_CHAT_DRAFT]).toEqual([file]);
    expect(store.getState().toast).toEqual(refused);
  });

  it('keeps what the user typed or attached meanwhile rather than the refused question', async () => {
    const { store, answer } = setup();
    const sending = store.getState().chatActions.send('Tóm tắt giúp tôi', [file]);
    store.getState().ui.setDraft(NEW_CHAT_DRAFT, '换个问题');
    const other = { ...file, hash: 'c'.repeat(64), name: 'other.md' };
    store.getState().ui.setAttachments(NEW_CHAT_DRAFT, [other]);
    answer({ ok: false, error: refused });
    expect(await sending).toBe(false);
    expect(store.getState().drafts[NEW_CHAT_DRAFT]).toBe('换个问题');
    expect(store.getState().attachmentDrafts[NEW_CHAT_DRAFT]).toEqual([other]);
  });

  it('leaves compare mode and empties the same way for a comparison, all put back when main refuses it', async () => {
    const { store, answer } = setup();
    const targets = [
      { profileId: 'p1', model: 'deepseek-chat' },
      { profileId: 'p1', model: 'gpt-4.1' },
    ];
    store.getState().ui.setCompareTargets(NEW_CHAT_DRAFT, targets);
    const comparing = store.getState().chatActions.compare('Tóm tắt giúp tôi', targets, [file]);
    // The composer is back to one model, its box empty, before main answers.
    expect(store.getState().compareTargets[NEW_CHAT_DRAFT]).toBeUndefined();
    expect(store.getState().drafts[NEW_CHAT_DRAFT]).toBeUndefined();
    expect(store.getState().attachmentDrafts[NEW_CHAT_DRAFT]).toBeUndefined();
    answer({ ok: false, error: refused });
    expect(await comparing).toBe(false);
    expect(store.getState().compareTargets[NEW_CHAT_DRAFT]).toEqual(targets);
    expect(store.getState().drafts[NEW_CHAT_DRAFT]).toBe('Tóm tắt giúp tôi');
    expect(store.getState().attachmentDrafts[NEW_CHAT_DRAFT]).toEqual([file]);
  });
});
