import { describe, expect, it } from 'vitest';
import { cleanTitle, deriveTitle, TITLE_MAX_LENGTH } from '../../../src/main/history/titles';
import { TempDir } from './tempStore';

describe('titles', () => {
  it('strip bidi overrides, isolates and zero-width characters', () => {
    expect(cleanTitle('\u202Eevil\u202C \u2067gpj.exe\u2069')).toBe('evil gpj.exe');
    expect(cleanTitle('ti\u200Bết\u200C ki\u2060ệm\uFEFF')).toBe('tiết kiệm');
    expect(cleanTitle('a\u0000b\u0007c')).toBe('a b c');
  });

  it('keep emoji sequences joined by ZWJ', () => {
    expect(cleanTitle('family 👨\u200D👩\u200D👧')).toBe('family 👨\u200D👩\u200D👧');
  });

  it('an invisible-only title counts as empty', () => {
    expect(cleanTitle('\u200B\u200D\u202E \u2066\u2069\uFEFF')).toBe('');
    expect(deriveTitle('\u200B\u200B\u202E')).toBe('');
  });

  it('one length limit, in whole code points', () => {
    const long = '中'.repeat(150) + '😀'.repeat(100);
    const cut = cleanTitle(long);
    expect(Array.from(cut)).toHaveLength(TITLE_MAX_LENGTH);
    expect(cut.endsWith('😀')).toBe(true);
  });

  it('applies wherever a title is set: rename, create, import, auto title', async () => {
    const dir = new TempDir();
    try {
      const { store } = await dir.open();
      const c = store.createConversation({ title: '\u202Ecreated\u200B' });
      expect(c.title).toBe('created');
      expect(c.titleIsCustom).toBe(true);
      const renamed = store.renameConversation(c.id, 'x'.repeat(500) + '\u202E');
      expect(renamed.title).toBe('x'.repeat(TITLE_MAX_LENGTH));
      // Invisible-only rename = no custom title: back to the automatic one.
      store.appendMessage({ conversationId: c.id, role: 'user', content: '\u200BXin chào\u202E' });
      const reverted = store.renameConversation(c.id, '\u200B\u2066\u2069');
      expect(reverted.title).toBe('Xin chào');
      expect(reverted.titleIsCustom).toBe(false);
      store.importHistory({
        format: 'fleece-history',
        version: 1,
        exportedAt: 1,
        conversations: [
          { id: 'imp', title: '\u2067imported\u2069', createdAt: 1, updatedAt: 1, messages: [] },
        ],
      });
      expect(store.getConversation('imp')?.title).toBe('imported');
    } finally {
      dir.cleanup();
    }
  });
});
