import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTemperature, PROMPT_NAME_MAX } from '../../../../shared/rules/limits';
import type { PromptFields } from '../../../../shared/types/prompts';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Input } from '../../ui/Input';
import { Select } from '../../ui/Select';

const ANY_PROFILE = '';
/** Suggestions offered under the model field at most (a relay may list thousands). */
const MODEL_SUGGESTIONS_MAX = 300;

/** Creates or edits a saved prompt: name, system prompt, model, temperature, first message. */
export function PromptDialog(props: {
  open: boolean;
  title: string;
  initial: PromptFields;
  onCancel: () => void;
  /** Resolves true once saved (the dialog closes), false when refused (it stays open). */
  onSave: (fields: PromptFields) => Promise<boolean>;
}) {
  const { open, title, onCancel } = props;
  const { t } = useTranslation('chat');
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : onCancel())}
      title={title}
      closeLabel={t('settings.close')}
      wide
    >
      {open ? <PromptForm {...props} /> : null}
    </Dialog>
  );
}

function PromptForm(props: {
  initial: PromptFields;
  onCancel: () => void;
  onSave: (fields: PromptFields) => Promise<boolean>;
}) {
  const { t } = useTranslation('chat');
  const profiles = useAppStore((s) => s.profiles);
  const ids = useId();
  const [name, setName] = useState(props.initial.name);
  const [systemPrompt, setSystemPrompt] = useState(props.initial.systemPrompt);
  const [model, setModel] = useState(props.initial.model?.model ?? '');
  const [profileId, setProfileId] = useState(props.initial.model?.profileId ?? ANY_PROFILE);
  const [temperature, setTemperature] = useState(
    props.initial.temperature === null ? '' : String(props.initial.temperature),
  );
  const [firstMessage, setFirstMessage] = useState(props.initial.firstMessage);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const temp = parseTemperature(temperature);
  const nameMissing = name.trim() === '';
  const profileOptions = [
    { value: ANY_PROFILE, label: t('prompts.anyProfile') },
    ...profiles.map((p) => ({ value: p.id, label: p.name })),
  ];
  const suggestions = useModelSuggestions(profileId === ANY_PROFILE ? null : profileId);

  return (
    <form
      className="prompt-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (nameMissing || !temp.valid || saving) return;
        setSaving(true);
        const trimmedModel = model.trim();
        void props
          .onSave({
            name: name.trim(),
            systemPrompt,
            model:
              trimmedModel === ''
                ? null
                : { model: trimmedModel, profileId: profileId === ANY_PROFILE ? null : profileId },
            temperature: temp.value,
            firstMessage,
          })
          .finally(() => setSaving(false));
      }}
    >
      <label className="field">
        <span className="field-label">{t('prompts.fieldName')}</span>
        <Input
          value={name}
          maxLength={PROMPT_NAME_MAX}
          aria-invalid={tried && nameMissing}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
      </label>
      {tried && nameMissing ? (
        <p role="alert" className="field-error">
          {t('prompts.nameMissing')}
        </p>
      ) : null}
      <label className="field">
        <span className="field-label">{t('prompts.fieldSystemPrompt')}</span>
        <textarea
          className="input"
          rows={6}
          value={systemPrompt}
          onChange={(e) => setSystemPrompt(e.target.value)}
        />
      </label>
      <div className="prompt-form-row">
        <label className="field">
          <span className="field-label">{t('prompts.fieldModel')}</span>
          <Input
            value={model}
            placeholder={t('prompts.fieldModelPlaceholder')}
            list={`${ids}-models`}
            autoComplete="off"
            onChange={(e) => setModel(e.target.value)}
          />
          <datalist id={`${ids}-models`}>
            {suggestions.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </label>
        <div className="field">
          <span className="field-label" id={`${ids}-profile`}>
            {t('prompts.fieldProfile')}
          </span>
          <Select
            value={profileId}
            options={profileOptions}
            onChange={setProfileId}
            labelledBy={`${ids}-profile`}
          />
        </div>
        <label className="field">
          <span className="field-label">{t('prompts.fieldTemperature')}</span>
          <Input
            inputMode="decimal"
            value={temperature}
            placeholder={t('settings.temperatureDefault')}
            aria-invalid={!temp.valid}
            onChange={(e) => setTemperature(e.target.value)}
          />
        </label>
      </div>
      {!temp.valid ? (
        <p role="alert" className="field-error">
          {t('settings.temperatureInvalid')}
        </p>
      ) : null}
      <label className="field">
        <span className="field-label">{t('prompts.fieldFirstMessage')}</span>
        <textarea
          className="input"
          rows={3}
          value={firstMessage}
          onChange={(e) => setFirstMessage(e.target.value)}
        />
      </label>
      <div className="dialog-actions">
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('prompts.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={saving}>
          {t('prompts.save')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The models the field suggests while typing: the chosen profile's list, or every profile's
 * when the prompt is for any profile (lists not fetched yet are asked for). Any other name can
 * still be typed: a relay may serve models it does not list.
 */
function useModelSuggestions(profileId: string | null): string[] {
  const store = useStoreApi();
  const profiles = useAppStore((s) => s.profiles);
  const lists = useAppStore((s) => s.models);
  const wanted = useMemo(
    () => (profileId === null ? profiles.map((p) => p.id) : [profileId]),
    [profileId, profiles],
  );
  useEffect(() => {
    for (const id of wanted)
      if (!store.getState().models[id]) void store.getState().settingsActions.loadModels(id);
  }, [wanted, store]);
  return useMemo(() => {
    const names = new Set<string>();
    for (const id of wanted) for (const m of lists[id]?.models ?? []) names.add(m);
    return [...names].slice(0, MODEL_SUGGESTIONS_MAX);
  }, [wanted, lists]);
}
