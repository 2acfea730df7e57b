import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PRESET, HOLYSHEEP, PRESETS } from '../../../shared/rules/presets';
import type { KeyWarning, PresetId } from '../../../shared/types/profiles';
import { useAppStore, useClient, useStoreApi } from '../store/StoreContext';
import { PresetSelect } from './settings/PresetSelect';
import { useCodedText } from '../i18n/codedText';

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
  const presetInfo = PRESETS[preset];

  const finish = async (): Promise<void> => {
    const actions = store.getState().settingsActions;
    const created = await actions.createProfile({
      preset,
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      ...(model.trim() ? { defaultModel: model.trim() } : {}),
    });
    if (!created.ok) {
      setMessages([{ kind: 'error', text: report(created.error) }]);
      return;
    }
    let warning: KeyWarning | undefined;
    if (key.trim()) {
      const k = await actions.setKey(created.data.id, key);
      if (!k.ok) {
        // Do not leave a half-made profile behind: the user fixes the key and saves again.
        await actions.deleteProfile(created.data.id);
        setMessages([{ kind: 'error', text: report(k.error) }]);
        return;
      }
      warning = k.data.warning;
    }
    await actions.setActiveProfile(created.data.id);
    await actions.detectFirstRun();
    // Shown after onboarding closes too, and only now: a later successful save clears the toast.
    if (warning)
      store.getState().ui.showToast({ code: warning.code, text: { code: warning.code } });
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
  };

  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h1 id="onboarding-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {firstRun?.envImport ? (
        <div className="offer" role="region" aria-label={t('env.title')}>
          <p>
            {t('env.found', {
              masked: firstRun.envImport.keyMasked,
              url: firstRun.envImport.baseUrl ?? 'https://api.openai.com/v1',
            })}
          </p>
          <button
            type="button"
            onClick={() =>
              void store
                .getState()
                .settingsActions.importFromEnv()
                .then(async (r) => {
                  if (!r.ok) return setMessages([{ kind: 'error', text: report(r.error) }]);
                  await store.getState().settingsActions.setActiveProfile(r.data.id);
                  await store.getState().settingsActions.detectFirstRun();
                })
            }
          >
            {t('env.import')}
          </button>
        </div>
      ) : null}
      {firstRun?.local.map((l) => (
        <div key={l.baseUrl} className="offer" role="region" aria-label={t('local.title')}>
          <p>
            {t('local.found', {
              name: l.preset === 'ollama' ? 'Ollama' : 'LM Studio',
              url: l.baseUrl,
              count: l.models.length,
            })}
          </p>
          <button
            type="button"
            onClick={() => void adoptLocalServer(l.preset, l.baseUrl, l.models[0])}
          >
            {t('local.use')}
          </button>
        </div>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void finish();
        }}
      >
        <PresetSelect label={t('provider')} value={preset} onChange={setPreset} />
        <label>
          {t('baseUrl')}
          <input
            value={baseUrl}
            placeholder={presetInfo.baseUrl ?? ''}
            spellCheck={false}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </label>
        <label>
          {t('apiKey')}
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder={preset === 'holysheep' ? 'hsa-…' : ''}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        {preset === 'holysheep' ? (
          <p>
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
          <input
            value={model}
            placeholder={presetInfo.defaultModel ?? ''}
            spellCheck={false}
            onChange={(e) => setModel(e.target.value)}
          />
        </label>
        <button type="submit">{t('save')}</button>
      </form>
      {messages.map((m, i) => (
        <p key={i} className={m.kind} role="alert">
          {m.text}
        </p>
      ))}
    </section>
  );
}
