import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProbeResult } from '../../../../shared/relay';
import { useClient } from '../../store/StoreContext';
import { formatMs } from '../../format';
import { Button } from '../../ui/Button';
import { useCodedText, type Reported } from '../../i18n/codedText';

/** "Test connection": reachability, key, model count, round trip, time to first token, buffering. */
export function ConnectionTest({
  profileId,
  onResult,
}: {
  profileId: string;
  onResult?: (result: ProbeResult) => void;
}) {
  const { t, i18n } = useTranslation('settings');
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ProbeResult | null>(null);
  const [error, setError] = useState<Reported | null>(null);
  const { report } = useCodedText();

  const run = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    const res = await client.call('relay.probe', { profileId });
    setRunning(false);
    if (res.ok) {
      setResult(res.data);
      onResult?.(res.data);
    } else {
      setResult(null);
      setError(res.error);
    }
  };

  return (
    <div className="connection-test">
      <Button onClick={() => void run()} disabled={running}>
        {running ? t('probe.running') : t('probe.button')}
      </Button>
      {error ? <p role="alert">{report(error)}</p> : null}
      {result ? (
        <div className="probe-result" data-testid="probe-result" role="status">
          <p>
            {result.ttftMs !== null
              ? t('probe.ttft', { ms: formatMs(result.ttftMs, i18n.language) })
              : t('probe.noTtft')}
          </p>
          <ul>
            {result.findings.map((f) => (
              <li key={f.check} data-status={f.status}>
                <span className={`probe-${f.status}`}>{t(`probe.status.${f.status}`)}</span>{' '}
                {report(f)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
