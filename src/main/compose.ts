import { homedir } from 'node:os';
import type { LookupAll } from './net/addressPolicy';
import type { EmitEvent, Handlers } from '../shared/contract';
import type { AppNotice } from '../shared/contract/app';
import type { HistoryNotice } from '../shared/types/history';
import { APP_NAME, APP_VERSION } from '../shared/app-info';
import { coded, type CodedText } from '../shared/codes';
import { ChatService } from './chat/ChatService';
import { channelChatEvents } from './chat/DeltaChannel';
import { FrameClock } from './chat/FrameClock';
import { realSetTimer } from '../shared/sleep';
import { TitleGenerator } from './chat/TitleGenerator';
import { conversationChange } from './history/conversationChange';
import { disposeTokenCounter } from './chat/tokenEstimate';
import { HistoryStore } from './history/HistoryStore';
import type { Logger } from './log/Logger';
import { ModelCatalog } from './models/ModelCatalog';
import { ProfileService } from './profiles';
import { answerLimitOptions, listModelsCounted, streamChat } from './relay';
import { appHandlers } from './routes/appRoutes';
import { chatHandlers } from './routes/chatRoutes';
import { compareHandlers } from './routes/compareRoutes';
import { historyHandlers } from './routes/historyRoutes';
import { profileHandlers } from './routes/profileRoutes';
import { relayHandlers } from './routes/relayRoutes';
import { usageHandlers } from './routes/usageRoutes';
import { networkHandlers } from './routes/networkRoutes';
import { updateHandlers } from './routes/updateRoutes';
import { UpdateService, type UpdaterPort } from './updates/UpdateService';
import { attachmentHandlers } from './routes/attachmentRoutes';
import { promptHandlers } from './routes/promptRoutes';
import { PromptLibrary } from './prompts/PromptLibrary';
import { AttachmentFiles } from './attachments/AttachmentFiles';
import { AttachmentService } from './attachments/AttachmentService';
import { IMAGE_MAX_SIDE_DEFAULT } from '../shared/rules/attachmentLimits';
import { NetworkService } from './net/NetworkService';
import type { NetworkHost } from './net/proxyPlan';
import { createSecretStore } from './secrets';
import { SettingsStore } from './settings';
import { guardHandlers } from './storage/guardHandlers';
import { StorageGuard } from './storage/StorageGuard';
import { UsageService } from './usage/UsageService';
import { contextWindowOf } from '../shared/rules/contextTrim';
import type { WindowBounds } from './settings';

/** Everything the services need from their host (Electron main or the browser harness). */
export interface HostDeps {
  dataDir: string;
  /** Electron passes `net.fetch` (system proxy); the harness passes Node's fetch. */
  fetch: typeof globalThis.fetch;
  /**
   * Routes `fetch` by the Network settings (Electron: the session's proxy; harness: undici
   * dispatchers behind the same `fetch`). Without one, the settings are kept but not applied.
   */
  network?: NetworkHost;
  /**
   * How image hosts are resolved before they are judged (Electron: the relay session's own
   * resolver, whose cache the fetch then uses; without one, the OS resolver).
   */
  lookupHost?: LookupAll;
  secrets: 'keychain' | 'memory';
  emit: EmitEvent;
  openExternal: (url: string) => Promise<void>;
  /** Asks where to save a file (Electron: a save dialog); null when the user cancels. */
  chooseSavePath: (defaultName: string) => Promise<string | null>;
  /** Asks which export to import (Electron: an open dialog); null when the user cancels. */
  chooseOpenPath: () => Promise<string | null>;
  /** Asks which files to attach (Electron: an open dialog); absent where the window has its own input. */
  chooseAttachmentPaths?: () => Promise<string[] | null>;
  /** Opens a file with the system's app for its type (Electron: `shell.openPath`). */
  openPath?: (path: string) => Promise<void>;
  log: Logger;
  platform: string;
  env: Record<string, string | undefined>;
  now?: () => number;
  /** Browse a history written by a newer Fleece without changing it (the user chose so at start). */
  historyReadOnly?: boolean;
  /**
   * electron-updater, in a packaged app only. Without it (development, the harness) the
   * updater is off and Settings → About says so.
   */
  updater?: { packaged: boolean; create: (feedUrl: string | null) => UpdaterPort };
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
  if (n.kind === 'history_recovered' && n.recovered)
    return notice('history_salvaged', coded('history_salvaged', n.recovered), {
      detail: n.movedTo,
    });
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
  const network = new NetworkService({
    settings,
    secrets,
    profiles,
    host: deps.network ?? { apply: () => Promise.resolve() },
    fetch: deps.fetch,
    log: (message, error) => log.warn(message, error),
  });
  // Before any request: a proxy the user set must carry the first one too.
  await network.start();

  const updates = new UpdateService({
    packaged: deps.updater?.packaged ?? false,
    currentVersion: APP_VERSION,
    createUpdater: (feedUrl) => {
      if (!deps.updater) throw new Error('no updater in this host');
      return deps.updater.create(feedUrl);
    },
    settings: {
      get: () => settings.get().updates ?? { feedUrl: '', checkOnStart: true },
      save: async (next) => {
        await settings.update((draft) => {
          draft.updates = next;
        });
      },
    },
    notify: (n) => emit('app.notice', n),
    onStatus: (state) => emit('updates.status', state),
    log: (message, error) => log.warn(message, error),
  });

  const prompts = await PromptLibrary.open({ dataDir: deps.dataDir, now });
  if (prompts.notice)
    notices.push(
      notice('settings_recovered', prompts.notice.text, { detail: prompts.notice.movedTo }),
    );

  const opened = await HistoryStore.open({
    dataDir: deps.dataDir,
    now,
    ...(deps.historyReadOnly ? { readOnly: true } : {}),
  });
  const history = opened.store;
  if (deps.historyReadOnly)
    notices.push(notice('history_read_only', coded('history_read_only'), { detail: history.path }));
  notices.push(...opened.notices.map(historyNotice));
  if (opened.interruptedCount > 0)
    log.info(`${opened.interruptedCount} answer(s) left streaming were marked interrupted`);

  const storage = new StorageGuard({
    path: history.path,
    emit: (status) => emit('app.storage', status),
    log: (message, error) => log.warn(message, error),
  });

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
    log: (message, error) => log.warn(message, error),
    baseUrlOf: (profileId) => profiles.list().find((p) => p.id === profileId)?.baseUrl,
    onListed: async (profileId, listed) => {
      if (!(await profiles.adoptDefaultModel(profileId, listed))) return;
      emit('profiles.changed', {
        profiles: profiles.list(),
        activeProfileId: profiles.activeProfileId(),
      });
    },
    fetchModels: async (profileId) => {
      const { e, endpoint } = await endpointFor(profileId);
      return listModelsCounted(endpoint, {
        fetch: deps.fetch,
        connectTimeoutMs: e.connectTimeoutMs,
      });
    },
  });

  const usage = new UsageService({
    db: () => history.db,
    settings,
    profiles: () => profiles.list(),
    emitBudgetAlert: (alert) => emit('usage.budgetAlert', alert),
    now,
    log: (message, error) => log.warn(message, error),
  });

  const attachmentFiles = new AttachmentFiles(history.attachmentsDir);
  const attachments = new AttachmentService({
    history,
    files: attachmentFiles,
    maxImageSide: () => settings.get().preferences.imageMaxSide ?? IMAGE_MAX_SIDE_DEFAULT,
    now,
  });
  const collectAttachments = (): void => {
    try {
      const removed = attachments.collectGarbage();
      if (removed > 0) log.info(`${removed} unused attachment file(s) deleted`);
    } catch (error) {
      log.warn('deleting unused attachments failed', error);
    }
  };
  if (!deps.historyReadOnly) {
    history.onPurged(collectAttachments);
    // Conversations whose 30 days in the trash ran out at start-up left their files behind.
    collectAttachments();
  }
  const titles = new TitleGenerator({
    history,
    streamChat: (request, options) => streamChat(request, { ...options, fetch: deps.fetch }),
    resolveTarget: (conversation, model) =>
      profiles.resolveTarget(profiles.profileIdFor(conversation.profileId), {
        ...(model ? { model } : conversation.model ? { model: conversation.model } : {}),
      }),
    settings: () => {
      const prefs = settings.get().preferences;
      return { enabled: prefs.autoTitles !== false, model: prefs.titleModel?.trim() || null };
    },
    recordUsage: (u) => {
      const cost = usage.computeCost(u.model, u);
      history.recordExtraUsage({ kind: 'title', ...u, cost });
      void usage.answerFinished(cost);
    },
    onTitled: (id) => emit('conversations.changed', conversationChange(history, id)),
    log: (message, error) => log.warn(message, error),
  });

  // The window's frames, as it reports them: several answers' text is sent just before the next.
  const frameClock = new FrameClock(() => performance.timeOrigin + performance.now());
  const chat = new ChatService({
    attachments,
    history,
    streamChat: (request, options) =>
      streamChat(request, {
        ...options,
        fetch: deps.fetch,
        ...answerLimitOptions(settings.get().preferences),
      }),
    resolveTarget: (conversation) =>
      profiles.resolveTarget(
        profiles.profileIdFor(conversation.profileId),
        conversation.model ? { model: conversation.model } : {},
      ),
    emit: channelChatEvents(emit, () => performance.now(), realSetTimer, frameClock),
    newConversationDefaults: (profileId) => profiles.newConversationDefaults(profileId),
    emitChanged: (change) => emit('conversations.changed', change),
    emitRetryWait: (wait) => emit('chat.retryWait', wait),
    onDone: (done) => {
      void usage.answerFinished(done.message.cost);
      void titles.afterAnswer(done);
    },
    // Pacing (16 ms events, 250 ms checkpoints) and timings need a clock that never jumps.
    now: () => performance.now(),
    computeCost: (model, u) => usage.computeCost(model, u),
    // The model the answer goes to: the conversation's, else its profile's default.
    recordSummaryUsage: (u) => {
      const cost = usage.computeCost(u.model, u);
      history.recordExtraUsage({ kind: 'summary', ...u, cost });
      void usage.answerFinished(cost);
    },
    contextWindow: (conversation) => {
      const profileId = profiles.profileIdFor(conversation.profileId);
      const fallback = profileId
        ? (profiles.list().find((p) => p.id === profileId)?.defaultModel ?? null)
        : null;
      return contextWindowOf(conversation.model ?? fallback, usage.prices()).tokens;
    },
    log: (message, error) => log.error(message, error),
    storage,
    // A comparison's answer goes to the profile named, never quietly to the active one.
    requireProfile: (profileId) => void profiles.get(profileId),
  });

  if (!opened.fullyChecked) {
    // Damage found later: running answers are stopped and recorded before the salvage.
    void history
      .verifyInBackground(() => chat.dispose())
      .then(
        (n) => n && emit('app.notice', historyNotice(n)),
        (err: unknown) => log.error('background integrity check failed', err),
      );
  }

  const handlers: Handlers = {
    ...appHandlers({
      platform: deps.platform,
      dataDir: deps.dataDir,
      homeDir: homedir(),
      notices,
      storage: () => storage.status(),
      openExternal: deps.openExternal,
      openPath: deps.openPath ?? (async () => undefined),
      fetch: deps.fetch,
      ...(deps.lookupHost ? { lookupHost: deps.lookupHost } : {}),
    }),
    ...profileHandlers({
      profiles,
      models,
      settings,
      env: deps.env,
      localFetch: globalThis.fetch,
      emit,
    }),
    ...relayHandlers({ profiles, models, fetch: deps.fetch }),
    ...historyHandlers({
      history,
      chat,
      emit,
      now,
      chooseSavePath: deps.chooseSavePath,
      chooseOpenPath: deps.chooseOpenPath,
    }),
    ...chatHandlers(chat, frameClock),
    ...compareHandlers({
      chat,
      history,
      emit,
      profileName: (profileId) => profiles.list().find((p) => p.id === profileId)?.name ?? null,
    }),
    ...usageHandlers(usage),
    ...networkHandlers(network),
    ...updateHandlers(updates),
    ...attachmentHandlers({
      attachments,
      files: attachmentFiles,
      ...(deps.chooseAttachmentPaths ? { chooseAttachmentPaths: deps.chooseAttachmentPaths } : {}),
      chooseSavePath: deps.chooseSavePath,
      openPath: deps.openPath ?? (async () => undefined),
    }),
    ...promptHandlers({
      prompts,
      chooseSavePath: deps.chooseSavePath,
      chooseOpenPath: deps.chooseOpenPath,
    }),
  };
  updates.start();

  return {
    handlers: guardHandlers(handlers, storage),
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
      await disposeTokenCounter();
      storage.dispose();
      await settings.flush();
      await prompts.flush();
      history.close();
    },
  };
}
