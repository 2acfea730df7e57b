import { useTranslation } from 'react-i18next';
import { listPresets } from '../../../../shared/rules/presets';
import type { PresetId } from '../../../../shared/types/profiles';
import { NativeSelect } from '../../ui/Input';

const PRESET_LIST = listPresets();

/** A labelled choice among the provider presets (HolySheep first). */
export function PresetSelect(props: {
  label: string;
  value: PresetId;
  onChange: (id: PresetId) => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <label>
      {props.label}
      <NativeSelect
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as PresetId)}
      >
        {PRESET_LIST.map((p) => (
          <option key={p.id} value={p.id}>
            {p.labelKey === undefined ? p.label : t(p.labelKey)}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
