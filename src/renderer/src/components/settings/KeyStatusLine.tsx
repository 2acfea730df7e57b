import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { useCodedText } from '../../i18n/codedText';
import { Button } from '../../ui/Button';

/** The masked stored key, where it is kept, and a way to remove it. The key itself never comes back. */
export function KeyStatusLine({ profileId }: { profileId: string }) {
  const { t } = useTranslation('settings');
  const { say } = useCodedText();
  const store = useStoreApi();
  const status = useAppStore((s) => s.keyStatus[profileId]);
  return (
    <div className="key-status">
      <p data-testid="key-status">
        {status?.hasKey
          ? t(status.backend === 'keychain' ? 'key.currentKeychain' : 'key.currentSession', {
              masked: status.masked ?? '',
            })
          : t('key.none')}
      </p>
      {status?.backend === 'session' ? (
        <p className="warning" role="alert" data-testid="key-session-warning">
          {t('key.sessionOnly')} {say(status.unavailableReason)}
        </p>
      ) : null}
      {status?.hasKey ? (
        <Button
          size="sm"
          variant="ghost"
          className="btn-danger-text"
          onClick={() => void store.getState().settingsActions.clearKey(profileId)}
        >
          {t('key.clear')}
        </Button>
      ) : null}
    </div>
  );
}
