import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTemperature } from '../../../../shared/rules/limits';
import type { Profile } from '../../../../shared/types/profiles';
import { useStoreApi } from '../../store/StoreContext';
import { KeyStatusLine } from './KeyStatusLine';
import { ConnectionTest } from './ConnectionTest';
import { useCodedText } from '../../i18n/codedText';
import { editDropsKey } from '../../../../shared/rules/keyScope';
import type { ProbeFinding } from '../../../../shared/relay';
import { FieldProblems, fieldOf, useSaveCheck } from './saveCheck';
import { ConfirmDialog } from './ConfirmDialog';
import { Button } from '../../ui/Button';
import { Input } from '../../ui/Input';

type Feedback = { kind: 'error' | 'warning' | 'ok'; text: string };

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

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
  const [keyDrop, setKeyDrop] = useState<{ host: string; masked: string } | null>(null);
  const [buffering, setBuffering] = useState<ProbeFinding | null>(null);
  const check = useSaveCheck();

  const fallbackList = (): string[] =>
    fallbacks
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');

  /** Save, after asking about the key and checking the connection where that applies. */
  const save = async (opts: { force: boolean; keyDropConfirmed: boolean }): Promise<void> => {
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
    const status = store.getState().keyStatus[profile.id];
    const hadKey = status?.hasKey ?? false;
    const scope = { baseUrl: baseUrl.trim(), fallbackBaseUrls: fallbackList() };
    if (hadKey && key.trim() === '' && !opts.keyDropConfirmed && editDropsKey(profile, scope)) {
      setKeyDrop({ host: hostOf(scope.baseUrl), masked: status?.masked ?? '' });
      return;
    }
    setSaving(true);
    setFeedback([]);
    try {
      const urlChanged = scope.baseUrl !== profile.baseUrl;
      if (!opts.force && (urlChanged || key.trim() !== '')) {
        const outcome = await check.run({
          baseUrl: scope.baseUrl,
          profileId: profile.id,
          allowInsecureHttp: insecureOk,
          ...(key.trim() === '' ? {} : { apiKey: key }),
        });
        if (!outcome.passed) {
          if (outcome.error?.code === 'url_insecure_http') setNeedsInsecureConfirm(true);
          return;
        }
      } else check.clear();
      await write({ connectTimeoutMs, idleTimeoutMs, temp, hadKey });
    } finally {
      setSaving(false);
    }
  };

  const write = async (v: {
    connectTimeoutMs: number;
    idleTimeoutMs: number;
    temp: number | null;
    hadKey: boolean;
  }): Promise<void> => {
    const out: Feedback[] = [];
    let refused = false;
    const actions = store.getState().settingsActions;
    const res = await actions.updateProfile(profile.id, {
      name: name.trim(),
      baseUrl: baseUrl.trim(),
      defaultModel: model.trim(),
      fallbackBaseUrls: fallbackList(),
      connectTimeoutMs: v.connectTimeoutMs,
      idleTimeoutMs: v.idleTimeoutMs,
      allowInsecureHttp: insecureOk,
      systemPrompt,
      temperature: v.temp,
    });
    if (!res.ok) {
      if (res.error.code === 'url_insecure_http') setNeedsInsecureConfirm(true);
      const field = fieldOf(res.error, '');
      if (field === 'name' || field === 'baseUrl' || field === 'defaultModel') {
        check.refuse(field, res.error);
        refused = true;
      } else out.push({ kind: 'error', text: report(res.error) });
    }
    if (res.ok && key.trim() !== '') {
      const k = await actions.setKey(profile.id, key);
      if (!k.ok) {
        check.refuse('apiKey', k.error);
        refused = true;
      } else {
        setKey('');
        if (k.data.warning) out.push({ kind: 'warning', text: say({ code: k.data.warning.code }) });
      }
    }
    if (
      res.ok &&
      v.hadKey &&
      key.trim() === '' &&
      !store.getState().keyStatus[profile.id]?.hasKey
    ) {
      out.push({ kind: 'warning', text: t('profile.keyRemoved') });
    }
    if (res.ok && out.every((f) => f.kind !== 'error') && !refused)
      out.unshift({ kind: 'ok', text: t('profile.saved') });
    setFeedback(out);
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void save({ force: false, keyDropConfirmed: false });
  };

  return (
    <form className="profile-form" onSubmit={submit}>
      <label>
        {t('profile.name')}
        <Input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      </label>
      <FieldProblems field="name" trouble={check.trouble} />
      <label>
        {t('profile.baseUrl')}
        <Input
          value={baseUrl}
          spellCheck={false}
          inputMode="url"
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </label>
      <FieldProblems field="baseUrl" trouble={check.trouble} onUseUrl={setBaseUrl} />
      {buffering ? (
        <div className="field-problems" data-testid="buffering-notice">
          <p className="warning" role="status">
            {t('check.buffered')} {report(buffering)}
          </p>
        </div>
      ) : null}
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
        <Input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          placeholder={profile.requiresKey ? t('profile.keyPlaceholder') : t('profile.keyOptional')}
          onChange={(e) => setKey(e.target.value)}
        />
      </label>
      <FieldProblems field="apiKey" trouble={check.trouble} />
      <KeyStatusLine profileId={profile.id} />
      <label>
        {t('profile.model')}
        <Input value={model} spellCheck={false} onChange={(e) => setModel(e.target.value)} />
      </label>
      <FieldProblems field="defaultModel" trouble={check.trouble} />
      <details>
        <summary>{t('profile.advanced')}</summary>
        <label>
          {t('profile.systemPrompt')}
          <textarea
            className="input"
            value={systemPrompt}
            rows={3}
            onChange={(e) => setSystemPrompt(e.target.value)}
          />
        </label>
        <label>
          {t('profile.temperature')}
          <Input
            inputMode="decimal"
            className="input-short"
            value={temperature}
            onChange={(e) => setTemperature(e.target.value)}
          />
        </label>
        <label>
          {t('profile.fallbacks')}
          <textarea
            className="input"
            value={fallbacks}
            rows={2}
            spellCheck={false}
            onChange={(e) => setFallbacks(e.target.value)}
          />
        </label>
        <label>
          {t('profile.connectTimeout')}
          <Input
            inputMode="decimal"
            className="input-short"
            value={connectS}
            onChange={(e) => setConnectS(e.target.value)}
          />
        </label>
        <label>
          {t('profile.idleTimeout')}
          <Input
            inputMode="decimal"
            className="input-short"
            value={idleS}
            onChange={(e) => setIdleS(e.target.value)}
          />
        </label>
      </details>
      {check.checking ? (
        <p className="muted" role="status">
          {t('check.checking')}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={saving}>
          {t('profile.save')}
        </Button>
        {check.canSaveAnyway ? (
          <Button
            disabled={saving}
            onClick={() => void save({ force: true, keyDropConfirmed: false })}
          >
            {t('check.saveAnyway')}
          </Button>
        ) : null}
        <ConnectionTest
          profileId={profile.id}
          onResult={(r) =>
            setBuffering(
              r.buffering === 'buffered' || r.buffering === 'partly'
                ? (r.findings.find((f) => f.check === 'burst') ?? null)
                : null,
            )
          }
        />
      </div>
      {feedback.map((f, i) => (
        <p key={i} className={f.kind} role={f.kind === 'ok' ? 'status' : 'alert'}>
          {f.text}
        </p>
      ))}
      <ConfirmDialog
        open={keyDrop !== null}
        title={t('keyDrop.title')}
        body={t('keyDrop.body', { host: keyDrop?.host ?? '', masked: keyDrop?.masked ?? '' })}
        confirmLabel={t('keyDrop.confirm')}
        cancelLabel={t('keyDrop.cancel')}
        onCancel={() => setKeyDrop(null)}
        onConfirm={() => {
          setKeyDrop(null);
          void save({ force: false, keyDropConfirmed: true });
        }}
      />
    </form>
  );
}
