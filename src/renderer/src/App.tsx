import { lazy, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { FleeceClient } from './api/client';
import { connectEvents, type AppStore } from './store';
import { StoreProvider, useAppStore } from './store/StoreContext';
import { useI18n } from './i18n/useI18n';
import { Sidebar } from './components/sidebar/Sidebar';
import { ChatView } from './components/chat/ChatView';
import { SettingsView } from './components/settings/SettingsView';
import { Onboarding } from './components/Onboarding';
import { Banners } from './components/Banners';
import { ScreenBoundary } from './components/ScreenBoundary';
import { handleShortcut } from './shortcuts';
import { useTheme } from './theme';
import { ScreenPlaceholder } from './components/ScreenPlaceholder';

// The Usage screen and its chart library load on first visit.
const UsageView = lazy(() =>
  import('./components/usage/UsageView').then((m) => ({ default: m.UsageView })),
);

async function bootstrap(store: AppStore, client: FleeceClient): Promise<void> {
  const s = store.getState();
  // Independent requests: sent together so start-up waits for the slowest, not for their sum.
  await Promise.all([
    client.call('app.info', {}).then((info) => {
      if (info.ok) store.setState({ dataDir: info.data.dataDir, notices: info.data.notices });
    }),
    s.settingsActions.load(),
    s.conversationActions.refresh(),
    s.settingsActions.detectFirstRun(),
  ]);
}

function Shell({ store }: { store: AppStore }) {
  const view = useAppStore((s) => s.view);
  const needsSetup = useAppStore((s) => s.firstRun?.needsSetup ?? false);
  const ready = useAppStore((s) => s.settingsLoaded && s.firstRun !== null);
  useTheme();
  useEffect(() => {
    const isMac = navigator.platform.toLowerCase().includes('mac');
    const onKey = (e: KeyboardEvent): void => {
      if (handleShortcut(e, store, isMac)) e.preventDefault();
    };
    const goOffline = (): void => store.getState().ui.setOffline('navigator.offline');
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
    <div className="app">
      <Sidebar />
      <main className="main">
        <Banners />
        <ScreenBoundary screen={needsSetup && view === 'chat' ? 'onboarding' : view}>
          {needsSetup && view === 'chat' ? (
            <Onboarding />
          ) : view === 'settings' ? (
            <SettingsView />
          ) : view === 'usage' ? (
            <ScreenPlaceholder>
              <UsageView />
            </ScreenPlaceholder>
          ) : (
            <ChatView />
          )}
        </ScreenBoundary>
      </main>
    </div>
  );
}

export function App({ store, client }: { store: AppStore; client: FleeceClient }) {
  const languagePref = useStore(store, (s) =>
    s.settingsLoaded ? (s.preferences?.language ?? 'system') : null,
  );
  const i18n = useI18n(languagePref);
  useEffect(() => {
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
          <Shell store={store} />
        </I18nextProvider>
      ) : (
        <div className="loading" role="status" aria-busy="true" />
      )}
    </StoreProvider>
  );
}
