import { useEffect, useLayoutEffect, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { FleeceClient } from './api/client';
import { connectEvents, type AppStore } from './store';
import { StoreProvider, useAppStore } from './store/StoreContext';
import { useI18n } from './i18n/useI18n';
import { Sidebar } from './components/sidebar/Sidebar';
import { ChatView } from './components/chat/ChatView';
import { Onboarding } from './components/Onboarding';
import { AppToasts, NoticeArea } from './components/Banners';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { handleShortcut, isMacPlatform } from './shortcuts';
import { ScreenBoundary } from './components/ScreenBoundary';
import { useTheme } from './theme';
import { TooltipProvider } from './ui/Tooltip';
import { ToastProvider } from './ui/Toast';
import { lazyScreen, ScreenPlaceholder } from './components/ScreenPlaceholder';
import { MessageHighlighter } from './components/sidebar/MessageHighlighter';
import { markStep } from './startupMarks';
import { useAfterFirstPaint } from './afterFirstPaint';
import { earlyAnswers } from './api/startupRequests';

// The Usage screen and its chart library load on first visit, as do Settings and the Trash:
// none of them is needed to show the conversations, so they stay out of the start-up script. A
// screen whose code does not arrive shows the screen's error with "Try again", and the notice area
// offers a reload.
const UsageView = lazyScreen(() => import('./components/usage/UsageView').then((m) => m.UsageView));
const SettingsView = lazyScreen(() =>
  import('./components/settings/SettingsView').then((m) => m.SettingsView),
);
const TrashView = lazyScreen(() => import('./components/trash/TrashView').then((m) => m.TrashView));

async function bootstrap(store: AppStore, client: FleeceClient): Promise<void> {
  const s = store.getState();
  // Independent requests: sent together so start-up waits for the slowest, not for their sum.
  await Promise.all([
    client.call('app.info', {}).then((info) => {
      if (info.ok)
        store.setState({
          dataDir: info.data.dataDir,
          notices: info.data.notices,
          keysInSession: info.data.notices.some((n) => n.kind === 'keychain_unavailable'),
          storage: info.data.storage ?? { failing: false },
          appVersion: info.data.version,
        });
    }),
    s.settingsActions.load(),
    s.conversationActions.refresh(),
    s.settingsActions.detectFirstRun(),
  ]);
  // Whatever start-up read was not taken is stale from now on.
  earlyAnswers?.clear();
  markStep('fleece:data-ready');
}

/** The screen's boundary, tried again when another conversation opens. */
function ConversationScreenBoundary({ screen, children }: { screen: string; children: ReactNode }) {
  const activeConversationId = useAppStore((s) => s.activeConversationId);
  return (
    <ScreenBoundary screen={screen} resetKey={`${screen}|${activeConversationId ?? ''}`}>
      {children}
    </ScreenBoundary>
  );
}

function Shell({ store }: { store: AppStore }) {
  const view = useAppStore((s) => s.view);
  const needsSetup = useAppStore((s) => s.firstRun?.needsSetup ?? false);
  // History first: an open conversation is shown even before setup (the composer makes way for
  // a setup card); the welcome screen takes only the empty "new chat" place, or is asked for.
  // Whether a conversation is open, not which: opening another one re-renders the chat screen,
  // not the sidebar, the notices and the dialogs around it.
  const openConversation = useAppStore((s) => s.activeConversationId !== null);
  const screen =
    view === 'setup' || (needsSetup && view === 'chat' && !openConversation) ? 'onboarding' : view;
  const ready = useAppStore((s) => s.settingsLoaded && s.firstRun !== null);
  const sidebarCollapsed = useAppStore((s) => s.sidebarCollapsed);
  const { t } = useTranslation();
  // The toasts' viewport shows nothing until a toast: it waits for the window's first frame.
  const afterFirstPaint = useAfterFirstPaint();
  useTheme();
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKey = (e: KeyboardEvent): void => {
      if (handleShortcut(e, store, isMac)) e.preventDefault();
    };
    const goOffline = (): void =>
      store.getState().ui.setOffline({ text: { code: 'hint_check_internet' } });
    const goOnline = (): void => store.getState().ui.setOffline(null);
    window.addEventListener('keydown', onKey);
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
    };
  }, [store]);
  if (!ready) return <div className="loading" role="status" aria-busy="true" />;
  return (
    <>
      <div className={`app${sidebarCollapsed ? ' app-sidebar-collapsed' : ''}`}>
        <Sidebar />
        <main className="main">
          <NoticeArea />
          <ConversationScreenBoundary screen={screen}>
            {screen === 'onboarding' ? (
              <Onboarding />
            ) : view === 'settings' ? (
              <ScreenPlaceholder>
                <SettingsView />
              </ScreenPlaceholder>
            ) : view === 'trash' ? (
              <ScreenPlaceholder>
                <TrashView />
              </ScreenPlaceholder>
            ) : view === 'usage' ? (
              <ScreenPlaceholder>
                <UsageView />
              </ScreenPlaceholder>
            ) : (
              <ChatView />
            )}
          </ConversationScreenBoundary>
        </main>
      </div>
      <ShortcutsSheet />
      <MessageHighlighter />
      {afterFirstPaint ? (
        <ToastProvider label={t('toasts.label')}>
          <AppToasts />
        </ToastProvider>
      ) : null}
    </>
  );
}

export function App({ store, client }: { store: AppStore; client: FleeceClient }) {
  const languagePref = useStore(store, (s) =>
    s.settingsLoaded ? (s.preferences?.language ?? 'system') : null,
  );
  const i18n = useI18n(languagePref);
  // Before the commit's other effects, like the theme (see useTheme).
  useLayoutEffect(() => {
    if (i18n) document.documentElement.lang = i18n.language;
  }, [i18n]);
  useEffect(() => {
    const off = connectEvents(store, client);
    void bootstrap(store, client);
    return off;
  }, [store, client]);
  return (
    <StoreProvider store={store} client={client}>
      {i18n ? (
        <I18nextProvider i18n={i18n}>
          <TooltipProvider>
            <Shell store={store} />
          </TooltipProvider>
        </I18nextProvider>
      ) : (
        <div className="loading" role="status" aria-busy="true" />
      )}
    </StoreProvider>
  );
}
