import type { PresetId } from '../../../../shared/types/profiles';
import { useAppStore } from '../../store/StoreContext';
import { NativeSelect } from '../../ui/Input';

/** A labelled choice among the provider presets main offers (HolySheep first). */
export function PresetSelect(props: {
  label: string;
  value: PresetId;
  onChange: (id: PresetId) => void;
}) {
  const presets = useAppStore((s) => s.presets);
  return (
    <label>
      {props.label}
      <NativeSelect
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as PresetId)}
      >
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
