import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefreshCw } from 'lucide-react';
import type { UpdateState } from '../../../../shared/types/updates';
import { useClient } from '../../store/StoreContext';
import { useCodedText } from '../../i18n/codedText';
import { Button } from '../../ui/Button';
import { Input } from '../../ui/Input';
import { Switch } from '../../ui/Switch';

/** Settings → About → Updates: where the updater stands, the feed, check now. */
export function UpdatesPanel() {
  const { t } = useTranslation('settings');
  const { say, report } = useCodedText();
  const client = useClient();
  const [state, setState] = useState<UpdateState | null>(null);
  const [feed, setFeed] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void client.call('updates.get', {}).then((res) => {
      if (!live || !res.ok) return;
      setState(res.data);
      setFeed(res.data.settings.feedUrl);
    });
    const off = client.on('updates.status', setState);
    return () => {
      live = false;
      off();
    };
  }, [client]);

  if (!state) return null;
  const status = state.status;
  const statusText =
    status.state === 'disabled'
      ? t(`updates.disabled.${status.reason}`)
      : status.state === 'error'
        ? say(status.error)
        : status.state === 'idle' || status.state === 'checking'
          ? t(`updates.${status.state}`)
          : t(`updates.${status.state}`, { version: status.version });

  const save = async (patch: { feedUrl?: string; checkOnStart?: boolean }): Promise<void> => {
    const res = await client.call('updates.set', patch);
    if (!res.ok) return setProblem(report(res.error));
    setProblem(null);
    setState(res.data);
  };

  return (
    <div className="settings-card" data-testid="updates">
      <h3>{t('updates.title')}</h3>
      <p role="status" data-testid="update-status">
        {statusText}
      </p>
      <div className="field">
        <label htmlFor="update-feed">{t('updates.feed')}</label>
        <Input
          id="update-feed"
          type="url"
          value={feed}
          placeholder={t('updates.feedPlaceholder')}
          onChange={(e) => setFeed(e.target.value)}
        />
        <p className="muted">{t('updates.feedNote')}</p>
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      <Switch
        id="update-on-start"
        label={t('updates.checkOnStart')}
        checked={state.settings.checkOnStart}
        onChange={(checkOnStart) => void save({ checkOnStart })}
      />
      <div className="row">
        <Button onClick={() => void save({ feedUrl: feed })}>{t('updates.saveFeed')}</Button>
        <Button
          icon={<RefreshCw size={16} aria-hidden="true" />}
          disabled={status.state === 'disabled' || status.state === 'checking'}
          onClick={() =>
            void client.call('updates.check', {}).then((r) => r.ok && setState(r.data))
          }
        >
          {t('updates.check')}
        </Button>
        {status.state === 'ready' ? (
          <Button variant="primary" onClick={() => void client.call('updates.restart', {})}>
            {t('updates.restart')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
