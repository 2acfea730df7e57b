import { existsSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import type { FleeceError } from '../../../src/main/errors/FleeceError';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/main/attachments/AttachmentFiles';
import { salvageHistory } from '../../../src/main/history/salvageHistory';
import { TempDir } from '../history/tempStore';
import { attachmentService } from './fixtures';
import { pdfWithText, png } from '../../fixtures/attachments/files';

describe('attachment storage', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('stores a file once under its SHA-256 in attachments/<first two digits>/', async () => {
    const { store } = await dir.open();
    const { service, files } = attachmentService(store);
    const bytes = await png(40, 30);
    const a = await service.add('shot.png', bytes);
    const b = await service.add('copy of shot.png', bytes);
    expect(a.hash).toBe(sha256(bytes));
    expect(b.hash).toBe(a.hash);
    const path = join(dir.path, 'attachments', a.hash.slice(0, 2), a.hash);
    expect(files.pathOf(a.hash)).toBe(path);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(join(dir.path, 'attachments', a.hash.slice(0, 2)))).toEqual([a.hash]);
    expect(a).toMatchObject({ kind: 'image', mime: 'image/png', width: 40, height: 30 });
    expect(b.name).toBe('copy of shot.png');
  });

  it('links files to the message, keeps them across a restart, and frees unused ones when the trash is emptied', async () => {
    const opened = await dir.open();
    const { service, files } = attachmentService(opened.store);
    const shared = await service.add('shared.png', await png(10, 10));
    const only = await service.add('notes.log', Buffer.from('disk full at 03:14\n'));
    const c1 = opened.store.createConversation({});
    const c2 = opened.store.createConversation({});
    const refs = service.check([shared, only]);
    opened.store.appendMessage({
      conversationId: c1.id,
      role: 'user',
      content: 'see',
      attachments: refs,
    });
    opened.store.appendMessage({
      conversationId: c2.id,
      role: 'user',
      content: 'again',
      attachments: service.check([shared]),
    });
    service.sent(refs);
    opened.store.close();

    const { store } = await dir.open();
    const again = attachmentService(store);
    expect(store.allMessages(c1.id)[0]?.attachments.map((a) => a.name)).toEqual([
      'shared.png',
      'notes.log',
    ]);
    store.trashConversation(c1.id);
    expect(again.service.collectGarbage()).toBe(0); // in the trash: still restorable
    expect(files.has(only.hash)).toBe(true);
    store.emptyTrash();
    expect(files.has(only.hash)).toBe(false);
    expect(files.has(shared.hash)).toBe(true); // the other conversation still uses it
    expect(store.attachmentRecord(only.hash)).toBeUndefined();
    store.purgeConversation(c2.id);
    expect(files.has(shared.hash)).toBe(false);
  });

  it('a picked file that vanished, or one of 200 MB, is refused by name without reading it', async () => {
    const { store } = await dir.open();
    const { service } = attachmentService(store);
    const missing = await service.addPath(join(dir.path, 'gone.log')).catch((e: unknown) => e);
    expect((missing as FleeceError).text).toEqual({
      code: 'attachment_missing',
      params: { name: 'gone.log' },
    });
    const huge = join(dir.path, 'huge.log');
    truncateSync((writeFileSync(huge, ''), huge), 200 * 1024 * 1024); // sparse: no real 200 MB
    const big = await service.addPath(huge).catch((e: unknown) => e);
    expect((big as FleeceError).text).toEqual({
      code: 'attachment_too_large',
      params: { name: 'huge.log', mb: 20 },
    });
  });

  it('keeps files still in the composer when the trash is emptied', async () => {
    const { store } = await dir.open();
    const { service, files } = attachmentService(store);
    const draft = await service.add('draft.txt', Buffer.from('not sent yet'));
    store.emptyTrash();
    expect(files.has(draft.hash)).toBe(true);
  });

  it('finds messages by a file name and by a word in a PDF, with the snippet from the file', async () => {
    const { store } = await dir.open();
    const { service } = attachmentService(store);
    const pdf = await service.add(
      'design-spec.pdf',
      pdfWithText(['Chapter one', 'The quokka protocol']),
    );
    const log = await service.add('server.log', Buffer.from('ERROR tiết kiệm failed\n'));
    const c = store.createConversation({});
    const m = store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content: 'what is wrong',
      attachments: service.check([pdf, log]),
    });
    const byWord = store.search({ query: 'quokka' }).results.filter((r) => r.messageId);
    expect(byWord.map((r) => r.messageId)).toEqual([m.id]);
    expect(byWord[0]?.snippet).toContain('quokka protocol');
    expect(store.search({ query: 'design-spec' }).results.some((r) => r.messageId === m.id)).toBe(
      true,
    );
    // Folded like every other text: Vietnamese typed without diacritics.
    expect(store.search({ query: 'tiet kiem' }).results.some((r) => r.messageId === m.id)).toBe(
      true,
    );
    store.trashConversation(c.id);
    expect(store.search({ query: 'quokka' }).results).toEqual([]);
    store.restoreConversation(c.id);
    expect(store.search({ query: 'quokka' }).results.map((r) => r.messageId)).toEqual([m.id]);
  });

  it('exports the files with the messages and imports them into another data folder', async () => {
    const { store } = await dir.open();
    const { service } = attachmentService(store);
    const image = await service.add('shot.png', await png(20, 20));
    const c = store.createConversation({});
    store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content: 'look',
      attachments: service.check([image]),
    });
    const file = dir.file('export.json');
    await store.writeExportFile(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.attachments).toHaveLength(1);
    expect(exported.attachments[0].hash).toBe(image.hash);
    expect(
      Buffer.from(exported.attachments[0].data, 'base64').equals(
        readFileSync(service_path(dir, image.hash)),
      ),
    ).toBe(true);

    const markdown = store.exportConversationMarkdown(c.id);
    expect(markdown).toContain(`![shot.png](file://`);
    expect(markdown).toContain(image.hash);

    const other = new TempDir();
    try {
      const target = (await other.open()).store;
      const report = target.importHistory(exported);
      expect(report.messagesAdded).toBe(1);
      const restored = target.allMessages(c.id)[0]?.attachments[0];
      expect(restored).toMatchObject({ hash: image.hash, name: 'shot.png', width: 20 });
      const path = join(other.path, 'attachments', image.hash.slice(0, 2), image.hash);
      expect(existsSync(path)).toBe(true);
      expect(target.attachmentRecord(image.hash)).toMatchObject({
        kind: 'image',
        size: image.size,
      });
    } finally {
      other.cleanup();
    }
  });

  it('an import whose file bytes do not match their hash leaves that file out', async () => {
    const { store } = await dir.open();
    const { service } = attachmentService(store);
    const image = await service.add('shot.png', await png(20, 20));
    const c = store.createConversation({});
    store.appendMessage({
      conversationId: c.id,
      role: 'user',
      content: 'x',
      attachments: service.check([image]),
    });
    const exported = store.exportAll();
    const other = new TempDir();
    try {
      const target = (await other.open()).store;
      const forged = {
        ...exported,
        attachments: exported.attachments?.map((a) => ({
          ...a,
          data: Buffer.from('evil').toString('base64'),
        })),
      };
      target.importHistory(forged);
      expect(target.attachmentRecord(image.hash)).toBeUndefined();
      expect(existsSync(join(other.path, 'attachments', image.hash.slice(0, 2), image.hash))).toBe(
        false,
      );
      expect(
        existsSync(join(other.path, 'attachments', sha256(Buffer.from('evil')).slice(0, 2))),
      ).toBe(false);
    } finally {
      other.cleanup();
    }
  });
});

describe('a salvaged history', () => {
  it('keeps questions linked to their files, so a later clean-up does not delete them', async () => {
    const dir = new TempDir();
    const other = new TempDir();
    try {
      const { store } = await dir.open();
      const { service } = attachmentService(store);
      const image = await service.add('shot.png', await png(12, 12));
      const c = store.createConversation({});
      store.appendMessage({
        conversationId: c.id,
        role: 'user',
        content: 'x',
        attachments: service.check([image]),
      });
      store.close();
      const target = (await other.open()).store;
      salvageHistory(dir.file(), target.db);
      const links = target.db.prepare('SELECT hash, name FROM message_attachments').all();
      expect(links).toEqual([{ hash: image.hash, name: 'shot.png' }]);
      expect(target.collectUnusedAttachments(new Set())).toEqual([]);
    } finally {
      dir.cleanup();
      other.cleanup();
    }
  });
});

function service_path(dir: TempDir, hash: string): string {
  return join(dir.path, 'attachments', hash.slice(0, 2), hash);
}
