import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, Plus, Trash2 } from 'lucide-react';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { ProfileForm } from './ProfileForm';
import { AddProfileDialog } from './AddProfileDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { Button } from '../../ui/Button';
import { Select } from '../../ui/Select';

/** Pick a profile to edit, make it the one in use, delete it, or add one (in a dialog). */
export function ProfilesSection() {
  const { t } = useTranslation('settings');
  const store = useStoreApi();
  const profiles = useAppStore((s) => s.profiles);
  const activeId = useAppStore((s) => s.activeProfileId);
  const [selectedId, setSelectedId] = useState<string | null>(activeId);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const selected = profiles.find((p) => p.id === (selectedId ?? activeId)) ?? profiles[0];

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
                onClick={() => setDeleting({ id: selected.id, name: selected.name })}
              >
                {t('profiles.delete')}
              </Button>
            ) : null}
          </div>
          {selected ? <ProfileForm key={selected.id} profile={selected} /> : null}
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('profiles.confirmDeleteTitle')}
        body={t('profiles.confirmDelete', { name: deleting?.name ?? '' })}
        confirmLabel={t('profiles.delete')}
        cancelLabel={t('addDialog.cancel')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const id = deleting?.id;
          setDeleting(null);
          if (id === undefined) return;
          void store
            .getState()
            .settingsActions.deleteProfile(id)
            .then(() => setSelectedId(null));
        }}
      />
      <div className="settings-actions">
        <Button icon={<Plus size={16} aria-hidden="true" />} onClick={() => setAdding(true)}>
          {t('profiles.add')}
        </Button>
        {created ? (
          <p className="ok" role="status">
            {t('addDialog.created', { name: created })}
          </p>
        ) : null}
      </div>
      <AddProfileDialog
        open={adding}
        onOpenChange={setAdding}
        onCreated={(id) => {
          setAdding(false);
          setSelectedId(id);
          setCreated(store.getState().profiles.find((p) => p.id === id)?.name ?? null);
        }}
      />
    </section>
  );
}
