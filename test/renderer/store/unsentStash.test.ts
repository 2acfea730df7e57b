import { describe, expect, it } from 'vitest';
import { stashUnsent, takeUnsent } from '../../../src/renderer/src/store/unsentStash';
import { createAppStore } from '../../../src/renderer/src/store';
import { NEW_CHAT_DRAFT } from '../../../src/renderer/src/store/slices/uiSlice';
import { createFakeClient } from '../fakeClient';

const FILE = {
  hash: 'a'.repeat(64),
  name: 'notes.md',
  kind: 'text' as const,
  mime: 'text/markdown',
  size: 120,
  width: null,
  height: null,
  textChars: 120,
  note: null,
};

describe('unsent drafts over a reload', () => {
  it('come back once, in the next store, text and files', () => {
    sessionStorage.clear();
    stashUnsent({
      drafts: { [NEW_CHAT_DRAFT]: 'Xin chào, 你好 👋', c1: 'half a question' },
      attachmentDrafts: { c1: [FILE] },
    });
    const store = createAppStore(createFakeClient({}).client, () => 1000);
    expect(store.getState().drafts).toEqual({
      [NEW_CHAT_DRAFT]: 'Xin chào, 你好 👋',
      c1: 'half a question',
    });
    expect(store.getState().attachmentDrafts).toEqual({ c1: [FILE] });
    // Taken: a later store (another reload with nothing stashed) starts empty.
    expect(createAppStore(createFakeClient({}).client, () => 1000).getState().drafts).toEqual({});
  });

  it('ignore what is not drafts: corrupt JSON, wrong shapes, files without a stored hash', () => {
    sessionStorage.setItem('fleece.unsent', '{"drafts": ');
    expect(takeUnsent()).toBeNull();
    sessionStorage.setItem('fleece.unsent', '[1, 2]');
    expect(takeUnsent()).toBeNull();
    sessionStorage.setItem(
      'fleece.unsent',
      JSON.stringify({
        drafts: { a: 'kept', b: 42, c: '' },
        attachmentDrafts: { a: [{ ...FILE, hash: '../../etc/passwd' }], b: [FILE], c: 'x' },
      }),
    );
    expect(takeUnsent()).toEqual({ drafts: { a: 'kept' }, attachmentDrafts: { b: [FILE] } });
    expect(takeUnsent()).toBeNull();
  });

  it('a storage that refuses writes does not stop the reload', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => stashUnsent({ drafts: { a: 'x' }, attachmentDrafts: {} }, full)).not.toThrow();
  });
});
