import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PRESET, PRESETS } from '../../../../shared/rules/presets';
import type { PresetId } from '../../../../shared/types/profiles';
import { useStoreApi } from '../../store/StoreContext';
import { Dialog } from '../../ui/Dialog';
import { Button } from '../../ui/Button';
import { Input } from '../../ui/Input';
import { PresetSelect, usePresetName } from './PresetSelect';
import { FieldProblems, fieldOf, useSaveCheck } from './saveCheck';

/**
 * "Add profile": a dialog that only ever creates a new profile. Nothing in it can reach the
 * profiles that exist; a refused create says why at the field, and the form keeps what was typed.
 */
export function AddProfileDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation('settings');
  const presetName = usePresetName();
  const store = useStoreApi();
  const [preset, setPreset] = useState<PresetId>(DEFAULT_PRESET);
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [key, setKey] = useState('');
  const [model, setModel] = useState('');
  const [busy, setBusy] = useState(false);
  const check = useSaveCheck();
  const info = PRESETS[preset];

  const reset = (): void => {
    setPreset(DEFAULT_PRESET);
    setName('');
    setBaseUrl('');
    setKey('');
    setModel('');
    check.clear();
  };

  const close = (): void => {
    reset();
    props.onOpenChange(false);
  };

  const create = async (force: boolean): Promise<void> => {
    setBusy(true);
    try {
      const url = baseUrl.trim() || info?.baseUrl || '';
      const checkInput = {
        baseUrl: url,
        apiKey: key,
        model: model.trim() || info?.defaultModel || '',
      };
      if (!force && !(await check.run(checkInput)).passed) return;
      const actions = store.getState().settingsActions;
      const created = await actions.createProfile({
        preset,
        name: name.trim() || presetName(preset),
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        ...(model.trim() ? { defaultModel: model.trim() } : {}),
      });
      if (!created.ok) return check.refuse(fieldOf(created.error, 'baseUrl'), created.error);
      if (key.trim()) {
        const k = await actions.setKey(created.data.id, key);
        if (!k.ok) {
          // No half-made profile: the user fixes the key and creates again.
          await actions.deleteProfile(created.data.id);
          return check.refuse('apiKey', k.error);
        }
      }
      reset();
      props.onCreated(created.data.id);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void create(false);
  };

  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => (open ? props.onOpenChange(true) : close())}
      title={t('addDialog.title')}
      description={t('addDialog.intro')}
      closeLabel={t('addDialog.close')}
    >
      <form className="dialog-form" onSubmit={submit}>
        <PresetSelect
          label={t('addDialog.preset')}
          value={preset}
          onChange={(p) => {
            setPreset(p);
            check.clear();
          }}
        />
        <label>
          {t('profile.name')}
          <Input
            value={name}
            maxLength={80}
            placeholder={info?.label ?? ''}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <FieldProblems field="name" trouble={check.trouble} />
        <label>
          {t('profile.baseUrl')}
          <Input
            value={baseUrl}
            spellCheck={false}
            inputMode="url"
            placeholder={info?.baseUrl || 'https://…/v1'}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </label>
        <FieldProblems field="baseUrl" trouble={check.trouble} onUseUrl={setBaseUrl} />
        <label>
          {t('profile.apiKey')}
          <Input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            placeholder={info?.requiresKey ? t('profile.keyPlaceholder') : t('profile.keyOptional')}
            onChange={(e) => setKey(e.target.value)}
          />
        </label>
        <FieldProblems field="apiKey" trouble={check.trouble} />
        <label>
          {t('profile.model')}
          <Input
            value={model}
            spellCheck={false}
            placeholder={info?.defaultModel ?? ''}
            onChange={(e) => setModel(e.target.value)}
          />
        </label>
        <FieldProblems field="defaultModel" trouble={check.trouble} />
        {check.checking ? (
          <p className="muted" role="status">
            {t('check.checking')}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button variant="ghost" onClick={close}>
            {t('addDialog.cancel')}
          </Button>
          {check.canSaveAnyway ? (
            <Button disabled={busy} onClick={() => void create(true)}>
              {t('check.saveAnyway')}
            </Button>
          ) : null}
          <Button type="submit" variant="primary" disabled={busy}>
            {t('addDialog.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
