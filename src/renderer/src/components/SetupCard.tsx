import { useTranslation } from 'react-i18next';
import { PlugZap } from 'lucide-react';
import { useAppStore, useStoreApi } from '../store/StoreContext';
import { Button } from '../ui/Button';

/** Whether sending needs setting up first (no profile, or none with a key). */
export function useNeedsSetup(): boolean {
  return useAppStore((s) => s.firstRun?.needsSetup ?? false);
}

/**
 * In place of the composer while nothing can be sent: the conversation above stays readable,
 * and setup is one click away. With a profile that only lacks its key, that click goes to the
 * profile; with none, to the welcome screen.
 */
export function SetupCard() {
  const { t } = useTranslation('onboarding');
  const store = useStoreApi();
  const hasProfile = useAppStore((s) => s.profiles.length > 0);
  const open = (): void => {
    const ui = store.getState().ui;
    if (hasProfile) {
      ui.setSettingsTab('profiles');
      ui.setView('settings');
    } else ui.setView('setup');
  };
  return (
    <div className="setup-card" role="region" aria-label={t('card.title')}>
      <PlugZap size={20} aria-hidden="true" className="setup-card-icon" />
      <div className="setup-card-text">
        <strong>{t('card.title')}</strong>
        <span className="muted">{t('card.body')}</span>
      </div>
      <Button variant="primary" onClick={open}>
        {t('card.open')}
      </Button>
    </div>
  );
}
