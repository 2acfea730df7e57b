import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../../../shared/types/profiles';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { ProfileForm } from './ProfileForm';
import { useCodedText } from '../../i18n/codedText';
import { PreferencesForm } from './PreferencesForm';
import { DataSection } from './DataSection';
import { PresetSelect } from './PresetSelect';
import { PriceTableEditor } from '../usage/PriceTableEditor';

export function SettingsView() {
  const { t } = useTranslation('settings');
  const { report } = useCodedText();
  const store = useStoreApi();
  const profiles = useAppStore((s) => s.profiles);
  const activeId = useAppStore((s) => s.activeProfileId);
  const [selectedId, setSelectedId] = useState<string | null>(activeId);
  const [newPreset, setNewPreset] = useState<PresetId>('holysheep');
  const [error, setError] = useState<string | null>(null);
  const selected = profiles.find((p) => p.id === (selectedId ?? activeId)) ?? profiles[0];

  const add = async (): Promise<void> => {
    const res = await store.getState().settingsActions.createProfile({ preset: newPreset });
    if (res.ok) {
      setSelectedId(res.data.id);
      setError(null);
    } else setError(report(res.error));
  };

  return (
    <section className="settings-view" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('title')}</h1>
      <section aria-labelledby="profiles-title">
        <h2 id="profiles-title">{t('profiles.title')}</h2>
        <div className="row">
          <label>
            {t('profiles.edit')}
            <select value={selected?.id ?? ''} onChange={(e) => setSelectedId(e.target.value)}>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.id === activeId ? ` (${t('profiles.activeMark')})` : ''}
                </option>
              ))}
            </select>
          </label>
          {selected && selected.id !== activeId ? (
            <button
              type="button"
              onClick={() => void store.getState().settingsActions.setActiveProfile(selected.id)}
            >
              {t('profiles.useThis')}
            </button>
          ) : null}
          {selected && profiles.length > 1 ? (
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t('profiles.confirmDelete', { name: selected.name }))) {
                  void store
                    .getState()
                    .settingsActions.deleteProfile(selected.id)
                    .then(() => setSelectedId(null));
                }
              }}
            >
              {t('profiles.delete')}
            </button>
          ) : null}
        </div>
        <div className="row">
          <PresetSelect label={t('profiles.newFrom')} value={newPreset} onChange={setNewPreset} />
          <button type="button" onClick={() => void add()}>
            {t('profiles.add')}
          </button>
        </div>
        {error ? <p role="alert">{error}</p> : null}
        {selected ? <ProfileForm key={selected.id} profile={selected} /> : null}
      </section>
      <PreferencesForm />
      <section aria-labelledby="prices-title">
        <h2 id="prices-title">{t('prices.title')}</h2>
        <PriceTableEditor />
      </section>
      <DataSection />
    </section>
  );
}
