import type { EmitEvent, Handlers } from '../shared/contract';
import type { AppNotice } from '../shared/contract/app';
import type { Conversation, HistoryNotice } from '../shared/types/history';
import { APP_NAME, APP_VERSION } from '../shared/app-info';
import { coded, type CodedText } from '../shared/codes';
import { checkExternalUrl } from './app/externalLinks';
import { fetchImageAsDataUrl } from './app/fetchImage';
import { ChatService } from './chat/ChatService';
import type { ChatTarget as ChatServiceTarget } from './chat/relayTypes';
import { HistoryStore } from './history/HistoryStore';
import type { Logger } from './log/Logger';
import { ModelCatalog } from './models/ModelCatalog';
import { ProfileService } from './profiles';
import { listModels, probe, streamChat } from './relay';
import { chatHandlers } from './routes/chatRoutes';
import { historyHandlers } from './routes/historyRoutes';
import { profileHandlers } from './routes/profileRoutes';
import { usageHandlers } from './routes/usageRoutes';
import { createSecretStore } from './secrets';
import { SettingsStore } from './settings';
import { UsageService } from './usage/UsageService';
import type { WindowBounds } from './window/bounds';

/** Everything the services need from their host (Electron main or the browser harness). */
export interface HostDeps {
  dataDir: string;
  /** Electron passes `net.fetch` (system proxy); the harness passes Node's fetch. */
  fetch: typeof globalThis.fetch;
  secrets: 'keychain' | 'memory';
  emit: EmitEvent;
  openExternal: (url: string) => Promise<void>;
  /** Asks where to save a file (Electron: a save dialog); null when the user cancels. */
  chooseSavePath: (defaultName: string) => Promise<string | null>;
  log: Logger;
  platform: string;
  env: Record<string, string | undefined>;
  now?: () => number;
}

export interface Composition {
  handlers: Handlers;
  notices: AppNotice[];
  windowState: { get(): WindowBounds | undefined; set(bounds: WindowBounds): void };
  dispose(): Promise<void>;
}

let noticeSeq = 0;
function notice(
  kind: AppNotice['kind'],
  text: CodedText,
  more: { detail?: string | undefined; reason?: CodedText | undefined } = {},
): AppNotice {
  noticeSeq += 1;
  return {
    id: `${kind}-${noticeSeq}`,
    kind,
    text,
    ...(more.reason ? { reason: more.reason } : {}),
    ...(more.detail ? { detail: more.detail } : {}),
  };
}

function historyNotice(n: HistoryNotice): AppNotice {
  return n.kind === 'history_recovered'
    ? notice('history_recovered', coded('history_recovered'), { detail: n.movedTo })
    : notice('info', coded('history_upgraded'), { detail: n.backup });
}

/** The single composition root shared by Electron main and the harness. */
export async function composeServices(deps: HostDeps): Promise<Composition> {
  const now = deps.now ?? Date.now;
  const notices: AppNotice[] = [];
  const { log, emit } = deps;
  log.info(`${APP_NAME} ${APP_VERSION} starting on ${deps.platform}; data in ${deps.dataDir}`);

  const settings = await SettingsStore.open({ dataDir: deps.dataDir, now: () => new Date(now()) });
  if (settings.notice)
    notices.push(
      notice('settings_recovered', settings.notice.text, { detail: settings.notice.movedTo }),
    );

  const secrets = await createSecretStore({ mode: deps.secrets });
  if (secrets.backend === 'session') {
    notices.push(
      notice('keychain_unavailable', coded('keychain_unavailable'), {
        reason: secrets.unavailableReason,
      }),
    );
  }
  const profiles = new ProfileService({ settings, secrets });

  const opened = await HistoryStore.open({ dataDir: deps.dataDir, now });
  const history = opened.store;
  notices.push(...opened.notices.map(historyNotice));
  if (opened.interruptedCount > 0)
    log.info(`${opened.interruptedCount} answer(s) left streaming were marked interrupted`);
  if (!opened.fullyChecked) {
    void history.verifyInBackground().then(
      (n) => n && emit('app.notice', historyNotice(n)),
      (err: unknown) => log.error('background integrity check failed', err),
    );
  }

  const endpointFor = async (profileId: string) => {
    const e = await profiles.resolveEndpoint(profileId);
    return {
      e,
      endpoint:
        e.apiKey === undefined ? { baseUrl: e.baseUrl } : { baseUrl: e.baseUrl, apiKey: e.apiKey },
    };
  };

  const models = new ModelCatalog({
    dataDir: deps.dataDir,
    now,
    fetchModels: async (profileId) => {
      const { e, endpoint } = await endpointFor(profileId);
      return listModels(endpoint, { fetch: deps.fetch, connectTimeoutMs: e.connectTimeoutMs });
    },
  });

  const profileIdFor = (c: Conversation): string | undefined => {
    const known = c.profileId !== null && profiles.list().some((p) => p.id === c.profileId);
    return known ? (c.profileId ?? undefined) : (profiles.activeProfileId() ?? undefined);
  };

  const usage = new UsageService({
    db: () => history.db,
    settings,
    profiles: () => profiles.list(),
    emitBudgetAlert: (alert) => emit('usage.budgetAlert', alert),
    now,
  });

  const chat = new ChatService({
    history,
    streamChat: (request, options) => streamChat(request, { ...options, fetch: deps.fetch }),
    resolveTarget: async (conversation): Promise<ChatServiceTarget> => {
      const t = await profiles.resolveTarget(
        profileIdFor(conversation),
        conversation.model ? { model: conversation.model } : {},
      );
      const target: ChatServiceTarget = {
        profileId: t.profileId,
        baseUrl: t.baseUrl,
        model: t.model,
        fallbackBaseUrls: [...t.fallbackBaseUrls],
        connectTimeoutMs: t.connectTimeoutMs,
        idleTimeoutMs: t.idleTimeoutMs,
      };
      if (t.apiKey !== undefined)
        Object.defineProperty(target, 'apiKey', { value: t.apiKey, enumerable: false });
      return target;
    },
    emit: (name, payload) => {
      emit(name, payload);
      if (name === 'chat.done') {
        const conversation = history.getConversation(payload.conversationId);
        emit('conversations.changed', {
          id: payload.conversationId,
          conversation,
          removed: conversation === null,
        });
        if ('cost' in payload && payload.cost !== null) {
          void usage.checkBudgets().catch((err: unknown) => log.warn('budget check failed', err));
        }
      }
    },
    // Pacing (16 ms events, 250 ms checkpoints) and timings need a clock that never jumps.
    now: () => performance.now(),
    computeCost: (model, u) => usage.computeCost(model, u),
    log: (message, error) => log.error(message, error),
  });

  const handlers: Handlers = {
    'app.info': () => ({
      name: APP_NAME,
      version: APP_VERSION,
      platform: deps.platform,
      dataDir: deps.dataDir,
      notices,
    }),
    'app.openExternal': async ({ url }) => {
      await deps.openExternal(checkExternalUrl(url));
      return { opened: true as const };
    },
    'app.fetchImage': async ({ url }) => ({ dataUrl: await fetchImageAsDataUrl(deps.fetch, url) }),
    ...profileHandlers({ profiles, settings, env: deps.env, localFetch: globalThis.fetch, emit }),
    'models.list': ({ profileId, refresh }) => models.list(profileId, refresh ?? false),
    'relay.probe': async ({ profileId }) => {
      const { e, endpoint } = await endpointFor(profileId);
      const model = profiles.get(profileId).defaultModel;
      return probe(
        { ...endpoint, ...(model ? { model } : {}) },
        { fetch: deps.fetch, connectTimeoutMs: e.connectTimeoutMs, idleTimeoutMs: e.idleTimeoutMs },
      );
    },
    ...historyHandlers(history, emit, now, deps.chooseSavePath),
    ...chatHandlers(chat),
    ...usageHandlers(usage),
  };
  // Deleting what is being written stops its stream first (no tokens billed for nothing).
  const deleteMessage = handlers['messages.delete'];
  handlers['messages.delete'] = async (input) => {
    await chat.stop(input.id);
    return deleteMessage(input);
  };
  const emptyTrash = handlers['conversations.emptyTrash'];
  handlers['conversations.emptyTrash'] = async (input) => {
    for (const s of chat.activeStreams()) {
      if (history.getConversation(s.conversationId)?.deletedAt != null)
        await chat.stop(s.messageId);
    }
    return emptyTrash(input);
  };
  const chatSend = handlers['chat.send'];
  handlers['chat.send'] = async (input) => {
    if (input.conversationId) return chatSend(input);
    // A new conversation takes the active profile and its defaults (system prompt, temperature).
    const profileId = profiles.activeProfileId();
    const profile = profileId ? profiles.list().find((p) => p.id === profileId) : undefined;
    const conversation = history.createConversation({
      profileId,
      ...(input.model ? { model: input.model } : {}),
      systemPrompt: profile?.systemPrompt ? profile.systemPrompt : null,
      temperature: profile?.temperature ?? null,
    });
    let ids;
    try {
      ids = await chatSend({ ...input, conversationId: conversation.id });
    } catch (err) {
      history.purgeConversation(conversation.id);
      throw err;
    }
    emit('conversations.changed', {
      id: ids.conversationId,
      conversation: history.getConversation(ids.conversationId),
      removed: false,
    });
    return ids;
  };

  return {
    handlers,
    notices,
    windowState: {
      get: () => settings.get().windowBounds ?? undefined,
      set: (b) => {
        if (b.x === undefined || b.y === undefined) return;
        void settings
          .setWindowBounds({
            x: Math.round(b.x),
            y: Math.round(b.y),
            width: Math.round(b.width),
            height: Math.round(b.height),
            maximized: b.maximized,
          })
          .catch((err: unknown) => log.warn('could not save the window position', err));
      },
    },
    async dispose() {
      await chat.dispose();
      await settings.flush();
      history.close();
    },
  };
}
