import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../src/shared/types/history';
import { TempDir } from '../tempStore';

const fixtures = join(__dirname, '../../../fixtures/imports');

describe('importing another app’s file through the import worker', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('previews a ChatGPT export, writes nothing until confirmed, and a second import adds nothing', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'conversations.json');
    copyFileSync(join(fixtures, 'chatgpt-conversations.json'), file);

    let shown: ImportPreview | null = null;
    let sawPreview!: () => void;
    const previewed = new Promise<void>((resolve) => (sawPreview = resolve));
    const run = store.importFile(file, {
      onProgress: () => undefined,
      onPreview: (p) => {
        shown = p;
        sawPreview();
      },
    });
    await previewed;
    // Versions count: the edited question and the regenerated answer are imported too.
    expect(shown).toMatchObject({ source: 'chatgpt', conversations: 2, messages: 7 });
    // Waiting on the user: the history is still empty.
    expect(store.listConversations({ cursor: null }).conversations).toHaveLength(0);
    run.proceed();
    const report = await run.result;
    expect(report).toMatchObject({
      source: 'chatgpt',
      conversationsAdded: 2,
      messagesAdded: 7,
      cancelled: false,
    });
    expect(report.skipped?.map((s) => s.reason)).not.toContain('branch');
    const titles = store.listConversations({ cursor: null }).conversations.map((c) => c.title);
    expect(titles.sort()).toEqual(['Phở recipe', '素数证明']);

    const again = await store.importFile(file, () => undefined).result;
    expect(again).toMatchObject({
      conversationsAdded: 0,
      conversationsMerged: 2,
      messagesAdded: 0,
      messagesSkipped: 7,
    });
  });

  it('imports a branched ChatGPT conversation with every version, the current branch on screen', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'conversations.json');
    copyFileSync(join(fixtures, 'chatgpt-branches.json'), file);
    const report = await store.importFile(file, () => undefined).result;
    expect(report).toMatchObject({ source: 'chatgpt', conversationsAdded: 1, messagesAdded: 7 });
    const id = 'chatgpt-6a1f0c2e-3333-4c3b-9d2e-000000000003';
    const key = (m: { id: string }): string => m.id.replace(/^chatgpt-/, '');
    expect(store.allMessages(id).map(key).sort()).toEqual(
      ['q1', 'a1', 'q2', 'a2-old', 'a2-new', 'q1-edit', 'a1-edit'].sort(),
    );
    // What the next prompt sends: the path to current_node, not the later versions.
    expect(store.pathMessages(id).map(key)).toEqual(['q1', 'a1', 'q2', 'a2-old']);
    expect(store.pathMessages(id).map((m) => m.content)).toEqual([
      'Viết hàm đảo chuỗi bằng Python',
      'def reverse(s): return s[::-1]',
      'Giải thích [::-1]',
      'Lát cắt với bước -1 đi ngược chuỗi.',
    ]);
    // On screen, the same path, and each edited or regenerated message offers its versions.
    const page = store.listMessages(id, {});
    expect(page.messages.map(key)).toEqual(['q1', 'a1', 'q2', 'a2-old']);
    expect(page.versions).toEqual({
      'chatgpt-q1': ['chatgpt-q1', 'chatgpt-q1-edit'],
      'chatgpt-a2-old': ['chatgpt-a2-old', 'chatgpt-a2-new'],
    });
    // Choosing the edited question shows its branch.
    store.chooseVersion('chatgpt-q1-edit');
    expect(store.pathMessages(id).map(key)).toEqual(['q1-edit', 'a1-edit']);

    const again = await store.importFile(file, () => undefined).result;
    expect(again).toMatchObject({ conversationsMerged: 1, messagesAdded: 0, messagesSkipped: 7 });
  });

  it('cancelling at the preview writes nothing', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'backup.json');
    copyFileSync(join(fixtures, 'chatbox-backup.json'), file);
    const handle: { cancel?: () => void } = {};
    const run = store.importFile(file, {
      onProgress: () => undefined,
      onPreview: () => handle.cancel?.(),
    });
    handle.cancel = run.cancel;
    const report = await run.result;
    expect(report).toMatchObject({ cancelled: true, conversationsAdded: 0 });
    expect(store.listConversations({ cursor: null }).conversations).toHaveLength(0);
  });

  it('imports a Cherry Studio backup with its reasoning', async () => {
    const { store } = await dir.open();
    const file = join(dir.path, 'data.json');
    copyFileSync(join(fixtures, 'cherry-backup.json'), file);
    const report = await store.importFile(file, () => undefined).result;
    expect(report).toMatchObject({ source: 'cherry', conversationsAdded: 1, messagesAdded: 4 });
    const [conversation] = store.listConversations({ cursor: null }).conversations;
    const page = store.listMessages(conversation?.id ?? '', {});
    expect(page.messages.map((m) => m.reasoning)).toContain('五言绝句：四句，每句五字。');
  });
});
