import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDown, Columns3 } from 'lucide-react';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { useEffectiveModel } from './useEffectiveModel';
import { afterNextPaint } from '../../afterFirstPaint';
import { lazyModule, useLazyModule } from '../../lazyModule';
import { Popover } from '../../ui/Popover';
import { radix } from '../../ui/radix';
import type { ModelRef } from '../../../../shared/types/profiles';
import { NEW_CHAT_DRAFT } from '../../store/slices/uiSlice';
import './modelPicker.css';
import './compare/compare.css';

/** The open picker's list (and cmdk): asked for when the picker first opens. */
const modelMenu = lazyModule(() => import('./ModelMenu'));

/** The models the composer compares (compare mode), for the open conversation or new chat. */
export function useCompareTargets(): { key: string; targets: ModelRef[] | null } {
  const key = useAppStore((s) => s.activeConversationId ?? NEW_CHAT_DRAFT);
  const targets = useAppStore((s) => s.compareTargets[key] ?? null);
  return { key, targets };
}

/** Opens the model picker (in the chat header) from elsewhere, e.g. the composer. */
export function openModelPicker(): void {
  const trigger = document.getElementById('model-picker');
  trigger?.focus();
  trigger?.click();
}

/**
 * The chat's model and profile: a button that opens a searchable list of every profile's models
 * (cached in main so it works offline). Typing a name no list has is allowed: some relays hide
 * models from `/models`.
 */
export function ModelPicker() {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const choice = useEffectiveModel();
  const profileName = useAppStore((s) =>
    s.profiles.length > 1 ? s.profiles.find((p) => p.id === choice.profileId)?.name : undefined,
  );
  const list = useAppStore((s) => (choice.profileId ? s.models[choice.profileId] : undefined));
  const [open, setOpen] = useState(false);
  const compare = useCompareTargets();
  // Opened, it shows once its list's code and the popover's are in (at once after the first time).
  const menu = useLazyModule(modelMenu, open);
  useLazyModule(radix, open);

  // The chat's own profile lists at once (it doubles as the relay's reachability check) — once the
  // frame that shows the picker is painted; the others when the picker opens.
  useEffect(() => {
    const profileId = choice.profileId;
    if (!profileId || list) return;
    return afterNextPaint(() => void store.getState().settingsActions.loadModels(profileId));
  }, [choice.profileId, list, store]);

  return (
    <div className="model-picker">
      <Popover
        open={open && menu !== undefined}
        onOpenChange={setOpen}
        label={t('model.label')}
        className="model-popover"
        align="end"
        trigger={
          <button
            id="model-picker"
            type="button"
            role="combobox"
            aria-label={t('model.label')}
            aria-expanded={open}
            className="model-trigger"
            data-missing={choice.missing || undefined}
          >
            {compare.targets ? (
              <Columns3 size={14} aria-hidden="true" className="model-trigger-compare" />
            ) : null}
            <span className="model-trigger-name" data-testid="model-trigger-model">
              {compare.targets
                ? t('compare.triggerCount', { count: compare.targets.length })
                : choice.model || t('model.choose')}
            </span>
            {profileName && !compare.targets ? (
              <span className="model-trigger-profile" data-testid="model-trigger-profile">
                {profileName}
              </span>
            ) : null}
            <ChevronDown size={14} aria-hidden="true" />
          </button>
        }
      >
        {open && menu ? <menu.ModelMenu choice={choice} onPicked={() => setOpen(false)} /> : null}
      </Popover>
      {list?.fromCache && list.error ? (
        <span className="model-note" role="status">
          {t('model.cached')}
        </span>
      ) : null}
    </div>
  );
}
