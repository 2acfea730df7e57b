import type { EmitEvent, HandlersFor } from '../../shared/contract';
import type { historyRoutes } from '../../shared/contract/history';
import type { ChatService } from '../chat/ChatService';
import { conversationChange } from '../history/conversationChange';
import type { HistoryStore } from '../history/HistoryStore';
import type { ImportRun } from '../history/importInWorker';
import { FleeceError } from '../errors/FleeceError';

const EMPTY_REPORT = {
  conversationsAdded: 0,
  conversationsMerged: 0,
  messagesAdded: 0,
  messagesSkipped: 0,
};

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

export interface HistoryRouteDeps {
  history: HistoryStore;
  /** Deleting a message that is still being written stops its stream first. */
  chat: Pick<ChatService, 'deleteMessage'>;
  emit: EmitEvent;
  now: () => number;
  /** Asks where to save a file (Electron: a save dialog); null when the user cancels. */
  chooseSavePath: (defaultName: string) => Promise<string | null>;
  /** Asks which file to import (Electron: an open dialog); null when the user cancels. */
  chooseOpenPath: () => Promise<string | null>;
}

export function historyHandlers(deps: HistoryRouteDeps): HandlersFor<typeof historyRoutes> {
  const { history, emit, now, chooseSavePath, chooseOpenPath } = deps;
  let running: ImportRun | null = null;
  const changed = (id: string): void =>
    emit('conversations.changed', conversationChange(history, id));
  const require = (id: string) => {
    const c = history.getConversation(id);
    if (!c) throw new FleeceError('not_found', { text: 'conversation_gone' });
    return c;
  };
  // An answer still being written into a conversation deleted for good is stopped first.
  const stopAnswers = async (conversationId?: string): Promise<void> => {
    for (const id of history.streamingMessageIds(conversationId)) await deps.chat.deleteMessage(id);
  };
  return {
    'conversations.list': ({ cursor, limit }) =>
      history.listConversations({ cursor: cursor ?? null, ...(limit ? { limit } : {}) }),
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
    'conversations.listTrash': ({ cursor, limit }) => {
      try {
        history.purgeExpiredTrash();
      } catch {
        // The disk refuses writes: the list still shows; the purge runs again next time.
      }
      return history.listTrash({ cursor: cursor ?? null, ...(limit ? { limit } : {}) });
    },
    'conversations.purge': async ({ id }) => {
      require(id);
      await stopAnswers(id);
      history.purgeConversation(id);
      changed(id);
      return { purged: true as const };
    },
    'conversations.emptyTrash': async () => {
      await stopAnswers();
      return { purged: history.emptyTrash() };
    },
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
    'messages.delete': async ({ id }) => {
      await deps.chat.deleteMessage(id);
      return { deleted: true as const };
    },
    'messages.restore': ({ id }) => ({ conversationId: history.restoreMessage(id).conversationId }),
    'messages.edit': ({ id, text }) => {
      if (text.trim() === '') throw new FleeceError('bad_request', { text: 'message_empty' });
      return history.editMessage(id, text);
    },
    'messages.choose': ({ id, limit }) => {
      const conversationId = history.chooseVersion(id);
      return {
        conversationId,
        page: history.listMessages(conversationId, limit ? { limit } : {}),
      };
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
    'history.importJson': async () => {
      if (running) throw new FleeceError('import_running');
      const path = await chooseOpenPath();
      if (path === null) return { ...EMPTY_REPORT, path: null, cancelled: false };
      running = history.importFile(path, {
        onProgress: (p) => emit('history.importProgress', p),
        onPreview: (p) => emit('history.importPreview', p),
      });
      try {
        const report = await running.result;
        return { ...report, path };
      } finally {
        running = null;
      }
    },
    'history.confirmImport': () => {
      running?.proceed();
      return { confirmed: running !== null };
    },
    'history.cancelImport': () => {
      running?.cancel();
      return { cancelling: running !== null };
    },
  };
}
