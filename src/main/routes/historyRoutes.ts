import type { EmitEvent, Handlers } from '../../shared/contract';
import type { HistoryStore } from '../history/HistoryStore';
import { FleeceError } from '../errors/FleeceError';

type HistoryHandlers = Pick<
  Handlers,
  | 'conversations.list'
  | 'conversations.get'
  | 'conversations.create'
  | 'conversations.rename'
  | 'conversations.pin'
  | 'conversations.delete'
  | 'conversations.restore'
  | 'conversations.listTrash'
  | 'conversations.emptyTrash'
  | 'conversations.update'
  | 'messages.list'
  | 'messages.delete'
  | 'history.search'
  | 'history.exportMarkdown'
  | 'history.exportJson'
  | 'history.importJson'
>;

/** File names safe on every OS: no path separators, reserved characters or control codes. */
export function safeFileName(title: string, ext: string): string {
  const base = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
    .replace(/[. ]+$/, '');
  return `${base || 'conversation'}.${ext}`;
}

export function historyHandlers(
  history: HistoryStore,
  emit: EmitEvent,
  now: () => number,
  chooseSavePath: (defaultName: string) => Promise<string | null>,
): HistoryHandlers {
  const changed = (id: string): void => {
    const conversation = history.getConversation(id);
    emit('conversations.changed', {
      id,
      conversation,
      removed: conversation === null || conversation.deletedAt !== null,
    });
  };
  const require = (id: string) => {
    const c = history.getConversation(id);
    if (!c) throw new FleeceError('not_found', { text: 'conversation_gone' });
    return c;
  };
  return {
    'conversations.list': ({ cursor, limit }) =>
      history.listConversations({ cursor: cursor ?? null, ...(limit ? { limit } : {}) }),
    'conversations.get': ({ id }) => require(id),
    'conversations.create': ({ model, profileId }) => {
      const c = history.createConversation({
        ...(model ? { model } : {}),
        ...(profileId ? { profileId } : {}),
      });
      changed(c.id);
      return c;
    },
    'conversations.rename': ({ id, title }) => {
      const c = history.renameConversation(id, title);
      changed(id);
      return c;
    },
    'conversations.pin': ({ id, pinned }) => {
      const c = history.setPinned(id, pinned);
      changed(id);
      return c;
    },
    'conversations.delete': ({ id }) => {
      history.trashConversation(id);
      changed(id);
      return { deleted: true as const };
    },
    'conversations.restore': ({ id }) => {
      history.restoreConversation(id);
      changed(id);
      return require(id);
    },
    'conversations.listTrash': ({ cursor, limit }) =>
      history.listTrash({ cursor: cursor ?? null, ...(limit ? { limit } : {}) }),
    'conversations.emptyTrash': () => ({ purged: history.emptyTrash() }),
    'conversations.update': ({ id, ...patch }) => {
      const c = history.updateConversationSettings(id, patch);
      changed(id);
      return c;
    },
    'messages.list': ({ conversationId, before, limit }) =>
      history.listMessages(conversationId, {
        beforeId: before ?? null,
        ...(limit ? { limit } : {}),
      }),
    'messages.delete': ({ id }) => {
      history.deleteMessage(id);
      return { deleted: true as const };
    },
    'history.search': ({ query, cursor, limit }) =>
      history.search({
        query,
        cursor: cursor ?? null,
        ...(limit ? { limit: Math.min(limit, 50) } : {}),
      }),
    'history.exportMarkdown': ({ conversationId }) => ({
      fileName: safeFileName(require(conversationId).title, 'md'),
      markdown: history.exportConversationMarkdown(conversationId),
    }),
    'history.exportJson': async () => {
      const name = `fleece-history-${new Date(now()).toISOString().slice(0, 10)}.json`;
      const path = await chooseSavePath(name);
      if (path === null) return { savedTo: null, conversations: 0, messages: 0 };
      const counts = await history.writeExportFile(path);
      return { savedTo: path, ...counts };
    },
    'history.importJson': ({ json }) => {
      let data: unknown;
      try {
        data = JSON.parse(json);
      } catch {
        throw new FleeceError('bad_import', { text: 'import_not_json' });
      }
      return history.importHistory(data);
    },
  };
}
