import { useTranslation } from 'react-i18next';
import { Plus, X } from 'lucide-react';
import { useAppStore, useStoreApi } from '../../../store/StoreContext';
import { sameRef } from '../../../store/modelChoice';
import { COMPARE_MAX_TARGETS } from '../../../../../shared/types/compare';
import type { ModelRef } from '../../../../../shared/types/profiles';
import { Tooltip } from '../../../ui/Tooltip';
import { openModelPicker } from '../ModelPicker';
import './compare.css';

/**
 * The models the next question goes to while the composer compares: one removable chip each,
 * "Add model" (up to four) and a way back to one model.
 */
export function CompareChips(props: { draftKey: string; targets: ModelRef[] }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const { draftKey, targets } = props;
  // A profile's name only when there are several (as in the model picker).
  const profiles = useAppStore((s) => s.profiles);
  const many = profiles.length > 1;
  const full = targets.length >= COMPARE_MAX_TARGETS;
  const set = (list: ModelRef[] | null): void =>
    store.getState().ui.setCompareTargets(draftKey, list);
  return (
    <div className="compare-chips" role="group" aria-label={t('compare.chipsLabel')}>
      {targets.map((r) => {
        const profile = many ? profiles.find((p) => p.id === r.profileId)?.name : undefined;
        return (
          <span
            key={`${r.profileId}|${r.model}`}
            className="compare-chip"
            data-testid="compare-chip"
            data-model={r.model}
          >
            <span className="compare-chip-name" title={r.model}>
              {r.model}
            </span>
            {profile ? <span className="compare-chip-profile">{profile}</span> : null}
            <button
              type="button"
              className="compare-chip-remove"
              aria-label={t('compare.remove', { model: r.model })}
              onClick={() => set(targets.filter((x) => !sameRef(x, r)))}
            >
              <X size={12} aria-hidden="true" />
            </button>
          </span>
        );
      })}
      <Tooltip
        label={full ? t('compare.limit', { max: COMPARE_MAX_TARGETS }) : t('compare.add')}
        side="top"
      >
        <button
          type="button"
          className="compare-chip-add"
          aria-disabled={full || undefined}
          disabled={full}
          onClick={openModelPicker}
        >
          <Plus size={12} aria-hidden="true" />
          {t('compare.add')}
        </button>
      </Tooltip>
      <Tooltip label={t('compare.exit')} side="top">
        <button
          type="button"
          className="compare-chip-exit"
          aria-label={t('compare.exit')}
          onClick={() => set(null)}
        >
          <X size={14} aria-hidden="true" />
        </button>
      </Tooltip>
    </div>
  );
}
