import { useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { FleeceClient } from './api/client';
import { connectEvents, type AppStore } from './store';
import { StoreProvider, useAppStore } from './store/StoreContext';
import { resolveLanguage } from '../../shared/rules/languages';
import { createI18n } from './i18n';
import { Sidebar } from './components/sidebar/Sidebar';
import { ChatView } from './components/chat/ChatView';
import { SettingsView } from './components/settings/SettingsView';
import { UsageView } from './components/usage/UsageView';
import { Onboarding } from './components/Onboarding';
import { AppToasts, NoticeArea } from './components/Banners';
import { ShortcutsSheet } from './components/ShortcutsSheet';
import { handleShortcut, isMacPlatform } from './shortcuts';
import { ScreenBoundary } from './components/ScreenBoundary';
import { useTheme } from './theme';
import { TooltipProvider } from './ui/Tooltip';
import { ToastProvider } from './ui/Toast';

async function bootstrap(store: AppStore, client: FleeceClient): Promise<void> {
  const s = store.getState();
  const info = await client.call('app.info', {});
  if (info.ok)
    store.setState({
      dataDir: info.data.dataDir,
      notices: info.data.notices,
      storage: info.data.storage ?? { failing: false },
      appVersion: info.data.version,
    });
  await Promise.all([
    s.settingsActions.load(),
    s.conversationActions.refresh(),
    s.settingsActions.detectFirstRun(),
  ]);
}

function Shell({ store }: { store: AppStore }) {
  const view = useAppStore((s) => s.view);
  const needsSetup = useAppStore((s) => s.firstRun?.needsSetup ?? false);
  const ready = useAppStore((s) => s.settingsLoaded && s.firstRun !== null);
  const sidebarCollapsed = useAppStore((s) => s.sidebarCollapsed);
  const { t } = useTranslation();
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
          <ScreenBoundary screen={needsSetup && view === 'chat' ? 'onboarding' : view}>
            {needsSetup && view === 'chat' ? (
              <Onboarding />
            ) : view === 'settings' ? (
              <SettingsView />
            ) : view === 'usage' ? (
              <UsageView />
            ) : (
              <ChatView />
            )}
          </ScreenBoundary>
        </main>
      </div>
      <ShortcutsSheet />
      <ToastProvider label={t('toasts.label')}>
        <AppToasts />
      </ToastProvider>
    </>
  );
}

export function App({ store, client }: { store: AppStore; client: FleeceClient }) {
  const languagePref = useStore(store, (s) => s.preferences?.language ?? 'system');
  const i18n = useMemo(
    () => createI18n(resolveLanguage(languagePref, navigator.languages)),
    [languagePref],
  );
  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n]);
  useEffect(() => {
    const off = connectEvents(store, client);
    void bootstrap(store, client);
    return off;
  }, [store, client]);
  return (
    <StoreProvider store={store} client={client}>
      <I18nextProvider i18n={i18n}>
        <TooltipProvider>
          <Shell store={store} />
        </TooltipProvider>
      </I18nextProvider>
    </StoreProvider>
  );
}
