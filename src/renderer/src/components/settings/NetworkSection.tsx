import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Activity, Check } from 'lucide-react';
import {
  PROXY_MODES,
  PROXY_PROTOCOLS,
  type NetworkPatch,
  type NetworkState,
  type ProxyMode,
  type ProxyProtocol,
  type ProxyTestResult,
} from '../../../../shared/types/network';
import { isBypassEntry, parseBypassList } from '../../../../shared/rules/proxyBypass';
import type { AppError } from '../../../../shared/result';
import { useClient } from '../../store/StoreContext';
import { useCodedText } from '../../i18n/codedText';
import { Button } from '../../ui/Button';
import { Input, NativeSelect } from '../../ui/Input';

interface Draft {
  mode: ProxyMode;
  protocol: ProxyProtocol;
  host: string;
  port: string;
  username: string;
  /** Empty: keep the stored password. */
  password: string;
  bypass: string;
  caFile: string;
}

function draftOf(state: NetworkState): Draft {
  const s = state.settings;
  return {
    mode: s.mode,
    protocol: s.protocol,
    host: s.host,
    port: s.port === null ? '' : String(s.port),
    username: s.username,
    password: '',
    bypass: s.bypass.join(', '),
    caFile: s.caFile ?? '',
  };
}

/** Settings → Network: how every request main makes leaves the computer. */
export function NetworkSection() {
  const { t } = useTranslation('settings');
  const { report } = useCodedText();
  const client = useClient();
  const [state, setState] = useState<NetworkState | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const [loadError, setLoadError] = useState<AppError | null>(null);

  // Loaded once per visit: a later re-render (a language change) must not drop what was typed.
  useEffect(() => {
    void client.call('network.get', {}).then((res) => {
      if (!res.ok) return setLoadError(res.error);
      setState(res.data);
      setDraft(draftOf(res.data));
    });
  }, [client]);

  if (loadError) return <p className="error">{report(loadError)}</p>;
  if (!draft || !state) return null;
  const set = (patch: Partial<Draft>): void => setDraft({ ...draft, ...patch });
  const manual = draft.mode === 'manual';
  const badBypass = parseBypassList(draft.bypass).find((e) => !isBypassEntry(e));

  const apply = async (extra: Partial<NetworkPatch> = {}): Promise<void> => {
    setBusy(true);
    const port = Number(draft.port);
    const res = await client.call('network.update', {
      mode: draft.mode,
      protocol: draft.protocol,
      host: draft.host.trim(),
      port: draft.port.trim() === '' || !Number.isInteger(port) ? null : port,
      username: draft.username.trim(),
      bypass: parseBypassList(draft.bypass),
      caFile: draft.caFile.trim() === '' ? null : draft.caFile.trim(),
      ...(draft.password !== '' ? { password: draft.password } : {}),
      ...extra,
    });
    setBusy(false);
    if (!res.ok) return setStatus({ text: report(res.error), error: true });
    setState(res.data);
    setDraft(draftOf(res.data));
    setStatus({ text: t('network.applied'), error: false });
  };

  const test = async (): Promise<void> => {
    setBusy(true);
    setStatus({ text: t('network.testing'), error: false });
    const res = await client.call('network.test', {});
    setBusy(false);
    if (!res.ok) return setStatus({ text: report(res.error), error: true });
    setStatus({ text: describe(res.data), error: false });
  };

  const describe = (r: ProxyTestResult): string => {
    const path =
      r.via === 'proxy'
        ? t('network.pathProxy', { proxy: r.proxy ?? '', target: r.target })
        : r.via === 'direct'
          ? t('network.pathDirect', { target: r.target })
          : t('network.pathSystem', { target: r.target });
    return t('network.testResult', { path, status: r.status, ms: r.ms });
  };

  return (
    <section aria-labelledby="network-title" className="settings-section">
      <h2 id="network-title">{t('network.title')}</h2>
      <div className="settings-card">
        <label>
          {t('network.mode')}
          <NativeSelect
            value={draft.mode}
            onChange={(e) => set({ mode: e.target.value as ProxyMode })}
          >
            {PROXY_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`network.modes.${m}`)}
              </option>
            ))}
          </NativeSelect>
        </label>
        {manual ? (
          <>
            <label>
              {t('network.protocol')}
              <NativeSelect
                value={draft.protocol}
                onChange={(e) => set({ protocol: e.target.value as ProxyProtocol })}
              >
                {PROXY_PROTOCOLS.map((p) => (
                  <option key={p} value={p}>
                    {t(`network.protocols.${p}`)}
                  </option>
                ))}
              </NativeSelect>
            </label>
            <div className="row">
              <label>
                {t('network.host')}
                <Input
                  value={draft.host}
                  placeholder="127.0.0.1"
                  spellCheck={false}
                  onChange={(e) => set({ host: e.target.value })}
                />
              </label>
              <label>
                {t('network.port')}
                <Input
                  type="number"
                  min={1}
                  max={65535}
                  value={draft.port}
                  placeholder="8080"
                  onChange={(e) => set({ port: e.target.value })}
                />
              </label>
            </div>
            <div className="row">
              <label>
                {t('network.username')}
                <Input
                  value={draft.username}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => set({ username: e.target.value })}
                />
              </label>
              <label>
                {t('network.password')}
                <Input
                  type="password"
                  value={draft.password}
                  autoComplete="off"
                  placeholder={state.passwordSet ? t('network.passwordKept') : ''}
                  onChange={(e) => set({ password: e.target.value })}
                />
              </label>
            </div>
            {state.passwordSet ? (
              <Button
                variant="ghost"
                disabled={busy}
                onClick={() => void apply({ password: null })}
              >
                {t('network.forgetPassword')}
              </Button>
            ) : null}
            <label>
              {t('network.bypass')}
              <Input
                value={draft.bypass}
                spellCheck={false}
                aria-invalid={badBypass !== undefined}
                onChange={(e) => set({ bypass: e.target.value })}
              />
            </label>
            <p>{t('network.bypassHelp')}</p>
          </>
        ) : null}
        <label>
          {t('network.caFile')}
          <Input
            value={draft.caFile}
            spellCheck={false}
            placeholder="/etc/ssl/company-ca.pem"
            onChange={(e) => set({ caFile: e.target.value })}
          />
        </label>
        <p className="warning">{t('network.caWarning')}</p>
        <div className="row">
          <Button
            variant="primary"
            icon={<Check size={16} aria-hidden="true" />}
            disabled={busy || badBypass !== undefined}
            onClick={() => void apply()}
          >
            {t('network.apply')}
          </Button>
          <Button
            icon={<Activity size={16} aria-hidden="true" />}
            disabled={busy}
            onClick={() => void test()}
          >
            {t('network.test')}
          </Button>
        </div>
        {badBypass !== undefined ? (
          <p className="error">{t('network.bypassInvalid', { entry: badBypass })}</p>
        ) : null}
        {status ? (
          <p
            role="status"
            data-testid="network-status"
            className={status.error ? 'error' : undefined}
          >
            {status.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
