import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, Plus, Trash2 } from 'lucide-react';
import { DEFAULT_PRESET } from '../../../../shared/rules/presets';
import type { PresetId } from '../../../../shared/types/profiles';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { ProfileForm } from './ProfileForm';
import { useCodedText } from '../../i18n/codedText';
import { PresetSelect } from './PresetSelect';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';

/** Pick a profile to edit, make it the one in use, delete it, or add one from a preset. */
export function ProfilesSection() {
  const { t } = useTranslation('settings');
  const { report } = useCodedText();
  const store = useStoreApi();
  const profiles = useAppStore((s) => s.profiles);
  const activeId = useAppStore((s) => s.activeProfileId);
  const [selectedId, setSelectedId] = useState<string | null>(activeId);
  const [newPreset, setNewPreset] = useState<PresetId>(DEFAULT_PRESET);
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
    <section aria-labelledby="profiles-title" className="settings-section">
      <h2 id="profiles-title">{t('profiles.title')}</h2>
      {profiles.length === 0 ? (
        <p className="muted">{t('profiles.none')}</p>
      ) : (
        <div className="settings-card">
          <div className="field-row">
            <div className="field">
              <span className="field-label" id="profile-pick-label">
                {t('profiles.edit')}
              </span>
              <Select
                labelledBy="profile-pick-label"
                value={selected?.id ?? ''}
                onChange={setSelectedId}
                options={profiles.map((p) => ({
                  value: p.id,
                  label: p.name,
                  note: p.id === activeId ? t('profiles.activeMark') : undefined,
                }))}
              />
            </div>
            {selected && selected.id !== activeId ? (
              <Button
                icon={<Check size={16} aria-hidden="true" />}
                onClick={() => void store.getState().settingsActions.setActiveProfile(selected.id)}
              >
                {t('profiles.useThis')}
              </Button>
            ) : null}
            {selected && profiles.length > 1 ? (
              <Button
                variant="ghost"
                className="btn-danger-text"
                icon={<Trash2 size={16} aria-hidden="true" />}
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
              </Button>
            ) : null}
          </div>
          {selected ? <ProfileForm key={selected.id} profile={selected} /> : null}
        </div>
      )}
      <h3>{t('profiles.addTitle')}</h3>
      <div className="settings-card">
        <div className="field-row">
          <PresetSelect label={t('profiles.newFrom')} value={newPreset} onChange={setNewPreset} />
          <Button icon={<Plus size={16} aria-hidden="true" />} onClick={() => void add()}>
            {t('profiles.add')}
          </Button>
        </div>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : null}
      </div>
    </section>
  );
}
