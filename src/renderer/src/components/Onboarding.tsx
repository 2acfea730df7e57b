import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PRESET, HOLYSHEEP, PRESETS } from '../../../shared/rules/presets';
import type { KeyWarning, PresetId } from '../../../shared/types/profiles';
import { useAppStore, useClient, useStoreApi } from '../store/StoreContext';
import { PresetSelect, usePresetName } from './settings/PresetSelect';
import { useCodedText } from '../i18n/codedText';
import { FieldProblems, fieldOf, useSaveCheck } from './settings/saveCheck';
import { Button } from '../ui/Button';
import { Input } from '../ui/Input';
import { ArrowLeft, KeyRound, LockKeyhole, LockKeyholeOpen, Server } from 'lucide-react';
import { AppMark } from '../ui/AppMark';

/**
 * First run: get to a working profile. HolySheep is offered first (paste a key, or follow the
 * link to get one); the environment's OPENAI_* variables and a running Ollama / LM Studio are
 * offered, never used silently.
 */
export function Onboarding() {
  const { t } = useTranslation('onboarding');
  const { report } = useCodedText();
  const store = useStoreApi();
  const client = useClient();
  const firstRun = useAppStore((s) => s.firstRun);
  const [preset, setPreset] = useState<PresetId>(DEFAULT_PRESET);
  const [baseUrl, setBaseUrl] = useState('');
  const [key, setKey] = useState('');
  const [model, setModel] = useState('');
  const [messages, setMessages] = useState<{ kind: 'error' | 'warning'; text: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const check = useSaveCheck();
  const { t: ts } = useTranslation('settings');
  const presetName = usePresetName();
  const view = useAppStore((s) => s.view);
  const hasHistory = useAppStore((s) => s.conversations.length > 0);
  const presetInfo = PRESETS[preset];
  const keysInSession = useAppStore((s) => s.keysInSession);

  const finish = async (force: boolean): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setMessages([]);
    try {
      const url = baseUrl.trim() || presetInfo?.baseUrl || '';
      // Check on save: a wrong key or a base URL without /v1 is caught here, not at the first send.
      const checkInput = {
        baseUrl: url,
        apiKey: key,
        model: model.trim() || presetInfo?.defaultModel || '',
      };
      if (!force && !(await check.run(checkInput)).passed) return;
      const actions = store.getState().settingsActions;
      const created = await actions.createProfile({
        preset,
        name: presetName(preset),
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        ...(model.trim() ? { defaultModel: model.trim() } : {}),
      });
      if (!created.ok) return check.refuse(fieldOf(created.error, 'baseUrl'), created.error);
      let warning: KeyWarning | undefined;
      if (key.trim()) {
        const k = await actions.setKey(created.data.id, key);
        if (!k.ok) {
          // Do not leave a half-made profile behind: the user fixes the key and saves again.
          await actions.deleteProfile(created.data.id);
          return check.refuse('apiKey', k.error);
        }
        warning = k.data.warning;
      }
      await actions.setActiveProfile(created.data.id);
      await actions.detectFirstRun();
      store.getState().ui.setView('chat');
      // Shown after onboarding closes too, and only now: a later successful save clears the toast.
      if (warning)
        store.getState().ui.showToast({ code: warning.code, text: { code: warning.code } });
    } finally {
      setBusy(false);
    }
  };

  const adoptLocalServer = async (
    p: 'ollama' | 'lmstudio',
    url: string,
    firstModel: string | undefined,
  ) => {
    const actions = store.getState().settingsActions;
    const res = await actions.createProfile({
      preset: p,
      baseUrl: url,
      ...(firstModel ? { defaultModel: firstModel } : {}),
    });
    if (!res.ok) return setMessages([{ kind: 'error', text: report(res.error) }]);
    await actions.setActiveProfile(res.data.id);
    await actions.detectFirstRun();
    store.getState().ui.setView('chat');
  };

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      {view === 'setup' || hasHistory ? (
        <Button
          variant="ghost"
          size="sm"
          className="onboarding-back"
          icon={<ArrowLeft size={16} aria-hidden="true" />}
          onClick={() => {
            // Asked for from a conversation: back to it. Shown in place of a new chat: the latest.
            const s = store.getState();
            const latest = s.conversations[0];
            if (view === 'setup' || !latest) s.ui.setView('chat');
            else void s.conversationActions.select(latest.id);
          }}
        >
          {t('back')}
        </Button>
      ) : null}
      <header className="onboarding-head">
        <AppMark size={48} />
        <h1 id="onboarding-title">{t('title')}</h1>
        <p>{t('intro')}</p>
      </header>
      {firstRun?.envImport ? (
        <div className="offer" role="region" aria-label={t('env.title')}>
          <KeyRound size={18} aria-hidden="true" className="offer-icon" />
          <div className="offer-text">
            <strong>{t('env.title')}</strong>
            <p>
              {t('env.found', {
                masked: firstRun.envImport.keyMasked,
                url: firstRun.envImport.baseUrl ?? 'https://api.openai.com/v1',
              })}
            </p>
            <Button
              size="sm"
              onClick={() =>
                void store
                  .getState()
                  .settingsActions.importFromEnv()
                  .then(async (r) => {
                    if (!r.ok) return setMessages([{ kind: 'error', text: report(r.error) }]);
                    await store.getState().settingsActions.setActiveProfile(r.data.id);
                    await store.getState().settingsActions.detectFirstRun();
                    store.getState().ui.setView('chat');
                  })
              }
            >
              {t('env.import')}
            </Button>
          </div>
        </div>
      ) : null}
      {firstRun?.local.map((l) => (
        <div key={l.baseUrl} className="offer" role="region" aria-label={t('local.title')}>
          <Server size={18} aria-hidden="true" className="offer-icon" />
          <div className="offer-text">
            <strong>{t('local.title')}</strong>
            <p>
              {t('local.found', {
                name: l.preset === 'ollama' ? 'Ollama' : 'LM Studio',
                url: l.baseUrl,
                count: l.models.length,
              })}
            </p>
            <Button
              size="sm"
              onClick={() => void adoptLocalServer(l.preset, l.baseUrl, l.models[0])}
            >
              {t('local.use')}
            </Button>
          </div>
        </div>
      ))}
      <form
        className="onboarding-form onboarding-card"
        onSubmit={(e) => {
          e.preventDefault();
          void finish(false);
        }}
      >
        <PresetSelect
          label={t('provider')}
          value={preset}
          onChange={(p) => {
            setPreset(p);
            check.clear();
          }}
        />
        <label>
          {t('baseUrl')}
          <Input
            value={baseUrl}
            placeholder={presetInfo.baseUrl ?? ''}
            spellCheck={false}
            inputMode="url"
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </label>
        <FieldProblems field="baseUrl" trouble={check.trouble} onUseUrl={setBaseUrl} />
        <label>
          {t('apiKey')}
          <Input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder={preset === 'holysheep' ? 'hsa-…' : ''}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        <FieldProblems field="apiKey" trouble={check.trouble} />
        {preset === 'holysheep' ? (
          <p className="onboarding-get-key">
            {t('getKey')}{' '}
            <a
              href={HOLYSHEEP.keyUrl}
              onClick={(e) => {
                e.preventDefault();
                void client.call('app.openExternal', {
                  url: presetInfo.keyUrl ?? HOLYSHEEP.keyUrl,
                });
              }}
            >
              {t('getKeyLink')}
            </a>
          </p>
        ) : null}
        <label>
          {t('model')}
          <Input
            value={model}
            placeholder={presetInfo.defaultModel ?? ''}
            spellCheck={false}
            onChange={(e) => setModel(e.target.value)}
          />
        </label>
        <FieldProblems field="defaultModel" trouble={check.trouble} />
        {check.checking ? (
          <p className="muted" role="status">
            {t('checking')}
          </p>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('save')}
          </Button>
          {check.canSaveAnyway ? (
            <Button disabled={busy} onClick={() => void finish(true)}>
              {ts('check.saveAnyway')}
            </Button>
          ) : null}
        </div>
        <p className="onboarding-keychain" data-session={keysInSession}>
          {keysInSession ? (
            <LockKeyholeOpen size={14} aria-hidden="true" />
          ) : (
            <LockKeyhole size={14} aria-hidden="true" />
          )}
          {t(keysInSession ? 'keychainSession' : 'keychain')}
        </p>
      </form>
      {messages.map((m, i) => (
        <p key={i} className={m.kind} role="alert">
          {m.text}
        </p>
      ))}
    </section>
  );
}
