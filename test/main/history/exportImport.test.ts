import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../../../src/main/history/HistoryStore';
import { TempDir } from './tempStore';

async function seeded(dir: TempDir): Promise<{ store: HistoryStore; id: string }> {
  const { store } = await dir.open();
  const c = store.createConversation({
    model: 'gpt-4o',
    systemPrompt: 'Be brief.',
    contextTurns: 4,
  });
  store.appendMessage({ conversationId: c.id, role: 'user', content: 'Tiết kiệm điện thế nào?' });
  const a = store.appendMessage({ conversationId: c.id, role: 'assistant', status: 'streaming' });
  store.finishMessage(a.id, {
    status: 'stopped',
    content: 'Tắt điều hoà khi…',
    reasoning: 'Người dùng hỏi về điện.\nNghĩ tiếp.',
    model: 'gpt-4o',
    profileId: 'p1',
    promptTokens: 10,
    completionTokens: 5,
    tokensEstimated: true,
    cost: null,
    ttftMs: 200,
    durationMs: 900,
    reasoningMs: 640,
    finishReason: null,
    errorKind: null,
    errorMessage: null,
  });
  const other = store.createConversation({ title: '中转站' });
  store.appendMessage({ conversationId: other.id, role: 'user', content: '中转是什么' });
  store.trashConversation(other.id);
  return { store, id: c.id };
}

describe('export and import', () => {
  let dir: TempDir;
  let dir2: TempDir;
  beforeEach(() => {
    dir = new TempDir();
    dir2 = new TempDir();
  });
  afterEach(() => {
    dir.cleanup();
    dir2.cleanup();
  });

  it('writes one conversation as Markdown', async () => {
    const { store, id } = await seeded(dir);
    expect(store.exportConversationMarkdown(id)).toMatch(
      /^# Tiết kiệm điện thế nào\?\n\n_Exported from Fleece · started .*_\n\n## System\n\nBe brief\.\n\n## User\n\nTiết kiệm điện thế nào\?\n\n## Assistant \(gpt-4o\)\n\n> \*\*Reasoning\*\*\n>\n> Người dùng hỏi về điện\.\n> Nghĩ tiếp\.\n\nTắt điều hoà khi…\n\n_\(stopped by the user\)_\n$/,
    );
  });

  it('round-trips everything through versioned JSON, and a second import adds nothing', async () => {
    const { store } = await seeded(dir);
    const exported = store.exportAll();
    expect(exported).toMatchObject({ format: 'fleece-history', version: 1 });
    expect(exported.conversations).toHaveLength(2);
    const json = JSON.stringify(exported);
    expect(json).not.toMatch(/api_?key|hsa-|sk-/i);
    const answer = exported.conversations.flatMap((c) => c.messages).find((m) => m.reasoning);
    expect(answer?.reasoningMs).toBe(640);
    // A conversation's limit on past turns travels with it.
    expect(exported.conversations.map((c) => c.contextTurns).sort()).toEqual([4, null]);

    const target = (await dir2.open()).store;
    expect(target.importHistory(JSON.parse(json))).toEqual({
      conversationsAdded: 2,
      conversationsMerged: 0,
      messagesAdded: 3,
      messagesSkipped: 0,
    });
    expect(target.importHistory(JSON.parse(json))).toEqual({
      conversationsAdded: 0,
      conversationsMerged: 2,
      messagesAdded: 0,
      messagesSkipped: 3,
    });
    const again = target.exportAll();
    expect(again.conversations).toEqual(exported.conversations);
    // Imported text is searchable; the trashed conversation stays in the trash and out of search.
    expect(target.search({ query: 'tiet kiem' }).results.length).toBeGreaterThan(0);
    expect(target.search({ query: '中转' }).results).toEqual([]);
    expect(target.listTrash().conversations.map((c) => c.title)).toEqual(['中转站']);
  });

  it('merges new messages into a conversation that exists, in time order', async () => {
    const { store, id } = await seeded(dir);
    const snapshot = store.exportAll();
    const target = (await dir2.open()).store;
    target.importHistory(snapshot);
    const later = store.appendMessage({
      conversationId: id,
      role: 'user',
      content: 'And in winter?',
    });
    const report = target.importHistory(store.exportAll());
    expect(report).toEqual({
      conversationsAdded: 0,
      conversationsMerged: 2,
      messagesAdded: 1,
      messagesSkipped: 3,
    });
    expect(target.allMessages(id).at(-1)?.id).toBe(later.id);
  });

  it('keeps every version and branch through JSON; the Markdown writes the path on screen', async () => {
    const { store } = await dir.open();
    const c = store.createConversation();
    const q1 = store.appendMessage({ conversationId: c.id, role: 'user', content: 'Question' });
    const a1 = store.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      content: 'Old answer',
    });
    const a2 = store.appendMessage({
      conversationId: c.id,
      role: 'assistant',
      content: 'New answer',
      parentId: q1.id,
    });
    store.appendMessage({ conversationId: c.id, role: 'user', content: 'Follow-up on new' });
    store.chooseVersion(a1.id);
    store.appendMessage({ conversationId: c.id, role: 'user', content: 'Follow-up on old' });
    store.chooseVersion(a2.id);
    const markdown = store.exportConversationMarkdown(c.id);
    expect(markdown).toContain('New answer');
    expect(markdown).not.toContain('Old answer');

    const exported = store.exportAll();
    const messages = exported.conversations[0]?.messages ?? [];
    expect(messages).toHaveLength(5);
    expect(messages.find((m) => m.id === a2.id)?.parentId).toBe(q1.id);

    const target = (await dir2.open()).store;
    target.importHistory(JSON.parse(JSON.stringify(exported)));
    // The path on screen travels with the file.
    expect(target.pathMessages(c.id).map((m) => m.content)).toEqual([
      'Question',
      'New answer',
      'Follow-up on new',
    ]);
    expect(target.messageVersions(a1.id)).toEqual([a1.id, a2.id]);
    target.chooseVersion(a1.id);
    expect(target.pathMessages(c.id).map((m) => m.content)).toEqual([
      'Question',
      'Old answer',
      'Follow-up on old',
    ]);
  });

  it('reads a file written before versions as one path per conversation', async () => {
    const target = (await dir.open()).store;
    const at = (n: number) => ({ createdAt: n, updatedAt: n });
    target.importHistory({
      format: 'fleece-history',
      version: 1,
      exportedAt: 0,
      conversations: [
        {
          id: 'old',
          title: 'Old file',
          ...at(1),
          messages: [
            { id: 'q', role: 'user', content: 'q1', ...at(1) },
            { id: 'a', role: 'assistant', content: 'a1', ...at(2) },
            { id: 'q2', role: 'user', content: 'q2', ...at(3) },
          ],
        },
      ],
    });
    expect(target.pathMessages('old').map((m) => [m.id, m.parentId])).toEqual([
      ['q', null],
      ['a', 'q'],
      ['q2', 'a'],
    ]);
    expect(target.listMessages('old').versions).toBeUndefined();
  });

  it('keeps first messages that are versions of one another apart (they carry ranks)', async () => {
    const target = (await dir.open()).store;
    const at = (n: number) => ({ createdAt: n, updatedAt: n });
    target.importHistory({
      format: 'fleece-history',
      version: 1,
      exportedAt: 0,
      conversations: [
        {
          id: 'edited',
          ...at(1),
          messages: [
            { id: 'q', role: 'user', content: 'first', parentId: null, versionRank: 1, ...at(1) },
            { id: 'q-edit', role: 'user', content: 'edited', parentId: null, ...at(2) },
          ],
        },
      ],
    });
    expect(target.pathMessages('edited').map((m) => m.id)).toEqual(['q']);
    expect(target.messageVersions('q')).toEqual(['q', 'q-edit']);
  });

  it('streams the same JSON to a file', async () => {
    const { store } = await seeded(dir);
    const file = join(dir.path, 'export.json');
    expect(await store.writeExportFile(file)).toEqual({ conversations: 2, messages: 3 });
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { conversations: unknown[] };
    expect({ ...parsed, exportedAt: 0 }).toEqual({ ...store.exportAll(), exportedAt: 0 });
  });

  it('rejects a file that is not an export, changing nothing, and drops unknown fields like keys', async () => {
    const target = (await dir2.open()).store;
    expect(() => target.importHistory({ format: 'other', version: 1, conversations: [] })).toThrow(
      expect.objectContaining({ code: 'bad_import', text: { code: 'import_not_export' } }),
    );
    const bad = {
      format: 'fleece-history',
      version: 1,
      exportedAt: 1,
      conversations: [{ id: 'x', createdAt: 1, updatedAt: 1, messages: [{ id: 'm' }] }],
    };
    expect(() => target.importHistory(bad)).toThrow(/messages/);
    expect(target.listConversations().conversations).toEqual([]);
    target.importHistory({
      format: 'fleece-history',
      version: 1,
      exportedAt: 1,
      conversations: [
        {
          id: 'c',
          title: 't',
          createdAt: 1,
          updatedAt: 1,
          apiKey: 'sk-secret',
          messages: [
            {
              id: 'm',
              role: 'assistant',
              content: 'x',
              status: 'streaming',
              createdAt: 1,
              updatedAt: 1,
              apiKey: 'sk-secret',
            },
          ],
        },
      ],
    });
    expect(JSON.stringify(target.exportAll())).not.toContain('sk-secret');
    expect(target.getMessage('m')?.status).toBe('interrupted');
    // A version-1 file from before reasoning times were kept: the field is simply absent.
    expect(target.getMessage('m')?.reasoningMs).toBeNull();
  });
});
