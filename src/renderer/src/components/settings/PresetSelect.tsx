import { useTranslation } from 'react-i18next';
import { listPresets, PRESETS } from '../../../../shared/rules/presets';
import type { PresetId } from '../../../../shared/types/profiles';
import { NativeSelect } from '../../ui/Input';

const PRESET_LIST = listPresets();

/**
 * A preset's name in the UI language ("Custom" is translated; brand names are not): also the
 * name a new profile gets when none is typed, so it reads in the language it was made in.
 */
export function usePresetName(): (id: PresetId) => string {
  const { t } = useTranslation('settings');
  return (id) => {
    const preset = PRESETS[id];
    return preset.labelKey === undefined ? preset.label : t(preset.labelKey);
  };
}

/** A labelled choice among the provider presets (HolySheep first). */
export function PresetSelect(props: {
  label: string;
  value: PresetId;
  onChange: (id: PresetId) => void;
}) {
  const presetName = usePresetName();
  return (
    <label>
      {props.label}
      <NativeSelect
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as PresetId)}
      >
        {PRESET_LIST.map((p) => (
          <option key={p.id} value={p.id}>
            {presetName(p.id)}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
