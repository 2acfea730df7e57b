import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { modelOptions } from './modelOptions';

/**
 * The relay's model list (cached in main so it works offline), refreshable. Typing a name the
 * list does not have is allowed: some relays hide models from `/models`.
 */
export function ModelPicker(props: { value: string; onChange: (model: string) => void }) {
  const { t, i18n } = useTranslation('chat');
  const store = useStoreApi();
  const profileId = useAppStore((s) => s.activeProfileId);
  const list = useAppStore((s) => (profileId ? s.models[profileId] : undefined));
  useEffect(() => {
    if (profileId && !store.getState().models[profileId]) {
      void store.getState().settingsActions.loadModels(profileId);
    }
  }, [profileId, store]);
  const models = list?.models;
  const options = useMemo(() => modelOptions(models ?? [], props.value), [models, props.value]);
  return (
    <div className="model-picker">
      <input
        id="model-picker"
        aria-label={t('model.label')}
        list="model-options"
        value={props.value}
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <datalist id="model-options">
        {options.shown.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      {options.hidden > 0 ? (
        <span className="model-note" role="status" data-testid="model-options-hidden">
          {t('model.moreHidden', { number: options.hidden.toLocaleString(i18n.language) })}
        </span>
      ) : null}
      <button
        type="button"
        disabled={!profileId}
        onClick={() =>
          profileId && void store.getState().settingsActions.loadModels(profileId, true)
        }
      >
        {t('model.refresh')}
      </button>
      {list?.fromCache && list.error ? (
        <span className="model-note" role="status">
          {t('model.cached')}
        </span>
      ) : null}
    </div>
  );
}
