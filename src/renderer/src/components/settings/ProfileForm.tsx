import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTemperature } from '../../../../shared/rules/limits';
import type { Profile } from '../../../../shared/types/profiles';
import { useStoreApi } from '../../store/StoreContext';
import { KeyStatusLine } from './KeyStatusLine';
import { ConnectionTest } from './ConnectionTest';
import { useCodedText } from '../../i18n/codedText';

type Feedback = { kind: 'error' | 'warning' | 'ok'; text: string };

function parseSeconds(text: string): number | null {
  const n = Number(text);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 1000) : null;
}

/** Edits one profile: base URL, key, default model, fallbacks and timeouts. One Save for all. */
export function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation('settings');
  const { say, report } = useCodedText();
  const store = useStoreApi();
  const [name, setName] = useState(profile.name);
  const [baseUrl, setBaseUrl] = useState(profile.baseUrl);
  const [key, setKey] = useState('');
  const [model, setModel] = useState(profile.defaultModel);
  const [fallbacks, setFallbacks] = useState(profile.fallbackBaseUrls.join('\n'));
  const [connectS, setConnectS] = useState(String(profile.connectTimeoutMs / 1000));
  const [idleS, setIdleS] = useState(String(profile.idleTimeoutMs / 1000));
  const [systemPrompt, setSystemPrompt] = useState(profile.systemPrompt);
  const [temperature, setTemperature] = useState(
    profile.temperature === null ? '' : String(profile.temperature),
  );
  const [insecureOk, setInsecureOk] = useState(profile.allowInsecureHttp);
  const [needsInsecureConfirm, setNeedsInsecureConfirm] = useState(false);
  const [feedback, setFeedback] = useState<Feedback[]>([]);
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const connectTimeoutMs = parseSeconds(connectS);
    const idleTimeoutMs = parseSeconds(idleS);
    if (connectTimeoutMs === null || idleTimeoutMs === null) {
      setFeedback([{ kind: 'error', text: t('profile.timeoutInvalid') }]);
      return;
    }
    const { valid: tempValid, value: temp } = parseTemperature(temperature);
    if (!tempValid) {
      setFeedback([{ kind: 'error', text: t('profile.temperatureInvalid') }]);
      return;
    }
    setSaving(true);
    const out: Feedback[] = [];
    const actions = store.getState().settingsActions;
    const hadKey = store.getState().keyStatus[profile.id]?.hasKey ?? false;
    const res = await actions.updateProfile(profile.id, {
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      defaultModel: model.trim(),
      fallbackBaseUrls: fallbacks
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
      connectTimeoutMs,
      idleTimeoutMs,
      allowInsecureHttp: insecureOk,
      systemPrompt,
      temperature: temp,
    });
    if (!res.ok) {
      if (res.error.code === 'url_insecure_http') setNeedsInsecureConfirm(true);
      out.push({
        kind: 'error',
        text: report(res.error),
      });
    }
    if (res.ok && key.trim() !== '') {
      const k = await actions.setKey(profile.id, key);
      if (!k.ok) out.push({ kind: 'error', text: report(k.error) });
      else {
        setKey('');
        if (k.data.warning) out.push({ kind: 'warning', text: say({ code: k.data.warning.code }) });
      }
    }
    if (res.ok && hadKey && key.trim() === '' && !store.getState().keyStatus[profile.id]?.hasKey) {
      out.push({ kind: 'warning', text: t('profile.keyRemoved') });
    }
    if (res.ok && out.every((f) => f.kind !== 'error'))
      out.unshift({ kind: 'ok', text: t('profile.saved') });
    setFeedback(out);
    setSaving(false);
  };

  return (
    <form className="profile-form" onSubmit={(e) => void save(e)}>
      <label>
        {t('profile.name')}
        <input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('profile.baseUrl')}
        <input
          value={baseUrl}
          spellCheck={false}
          inputMode="url"
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </label>
      {needsInsecureConfirm || profile.allowInsecureHttp ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={insecureOk}
            onChange={(e) => setInsecureOk(e.target.checked)}
          />
          {t('profile.allowInsecure')}
        </label>
      ) : null}
      <label>
        {t('profile.apiKey')}
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          placeholder={profile.requiresKey ? t('profile.keyPlaceholder') : t('profile.keyOptional')}
          onChange={(e) => setKey(e.target.value)}
        />
      </label>
      <KeyStatusLine profileId={profile.id} />
      <label>
        {t('profile.model')}
        <input value={model} spellCheck={false} onChange={(e) => setModel(e.target.value)} />
      </label>
      <details>
        <summary>{t('profile.advanced')}</summary>
        <label>
          {t('profile.systemPrompt')}
          <textarea
            value={systemPrompt}
            rows={3}
            onChange={(e) => setSystemPrompt(e.target.value)}
          />
        </label>
        <label>
          {t('profile.temperature')}
          <input
            inputMode="decimal"
            value={temperature}
            onChange={(e) => setTemperature(e.target.value)}
          />
        </label>
        <label>
          {t('profile.fallbacks')}
          <textarea
            value={fallbacks}
            rows={2}
            spellCheck={false}
            onChange={(e) => setFallbacks(e.target.value)}
          />
        </label>
        <label>
          {t('profile.connectTimeout')}
          <input
            inputMode="decimal"
            value={connectS}
            onChange={(e) => setConnectS(e.target.value)}
          />
        </label>
        <label>
          {t('profile.idleTimeout')}
          <input inputMode="decimal" value={idleS} onChange={(e) => setIdleS(e.target.value)} />
        </label>
      </details>
      <div className="row">
        <button type="submit" disabled={saving}>
          {t('profile.save')}
        </button>
        <ConnectionTest profileId={profile.id} />
      </div>
      {feedback.map((f, i) => (
        <p key={i} className={f.kind} role={f.kind === 'ok' ? 'status' : 'alert'}>
          {f.text}
        </p>
      ))}
    </form>
  );
}
