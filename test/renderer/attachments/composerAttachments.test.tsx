import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Composer } from '../../../src/renderer/src/components/chat/Composer';
import { NEW_CHAT_DRAFT } from '../../../src/renderer/src/store/slices/uiSlice';
import { createAppStore } from '../../../src/renderer/src/store';
import type { AttachmentRef } from '../../../src/shared/attachment';
import { makeMessage } from '../messageFixture';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from '../components/renderWithStore';

const image: AttachmentRef = {
  hash: 'a'.repeat(64),
  name: 'shot.png',
  kind: 'image',
  mime: 'image/png',
  size: 2048,
  width: 640,
  height: 480,
  textChars: null,
  note: null,
};

function setup(model: string) {
  const fake = createFakeClient({
    'chat.send': () => ({
      conversationId: 'c1',
      user: makeMessage('u1', { role: 'user', content: '', model: null }),
      assistant: makeMessage('a1', { status: 'streaming' }),
    }),
    'attachments.read': () => ({ mime: 'image/webp', data: '' }),
  });
  const store = createAppStore(fake.client, () => 1000);
  store.setState({ activeProfileId: 'p1' });
  store.getState().ui.setNewChatModel(model);
  store.getState().ui.setAttachments(NEW_CHAT_DRAFT, [image]);
  renderWithStore(<Composer />, store, fake.client);
  return { ...fake, store };
}

describe('Composer with attachments', () => {
  it('shows a chip per file, sends with no text, and clears them once sent', async () => {
    const { calls, store } = setup('gpt-4o');
    expect(screen.getByText('shot.png')).toBeTruthy();
    expect(screen.getByText(/2\.0 KB · 640×480/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(1));
    expect(calls.find((c) => c.route === 'chat.send')?.input).toMatchObject({
      text: '',
      attachments: [{ hash: image.hash, name: 'shot.png' }],
    });
    await waitFor(() => expect(store.getState().attachmentDrafts).toEqual({}));
  });

  it('asks before sending an image to a model not known to see images', async () => {
    const { calls } = setup('deepseek-chat');
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Send images to this model?')).toBeTruthy();
    expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(calls.filter((c) => c.route === 'chat.send')).toHaveLength(1));
  });

  it('removes a chip with its button, leaving the text alone', () => {
    const { store } = setup('gpt-4o');
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), {
      target: { value: 'keep' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove shot.png' }));
    expect(store.getState().attachmentDrafts[NEW_CHAT_DRAFT]).toBeUndefined();
    expect(store.getState().drafts[NEW_CHAT_DRAFT]).toBe('keep');
  });
});
