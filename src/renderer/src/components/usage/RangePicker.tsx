import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { RANGE_PRESETS, formatDay, lastDay, type RangePreset } from './usageRange';

/** Presets (default: this month) or a custom pair of days, both included. */
export function RangePicker() {
  const { t, i18n } = useTranslation('usage');
  const store = useStoreApi();
  const range = useAppStore((s) => s.usage.range);
  const [first, setFirst] = useState(range.from);
  const [last, setLast] = useState(lastDay(range));
  const [custom, setCustom] = useState(range.preset === 'custom');
  const [invalid, setInvalid] = useState(false);
  const actions = store.getState().usageActions;

  const choose = (preset: RangePreset): void => {
    setInvalid(false);
    if (preset === 'custom') {
      setCustom(true);
      setFirst(range.from);
      setLast(lastDay(range));
      return;
    }
    setCustom(false);
    void actions.setPreset(preset);
  };
  const apply = async (): Promise<void> => setInvalid(!(await actions.setCustomRange(first, last)));
  const long = { year: 'numeric', month: 'long', day: 'numeric' } as const;

  return (
    <div className="usage-range row">
      <label>
        {t('range.label')}
        <select
          value={custom ? 'custom' : range.preset}
          onChange={(e) => choose(e.target.value as RangePreset)}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`range.presets.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {custom ? (
        <>
          <label>
            {t('range.from')}
            <input type="date" value={first} onChange={(e) => setFirst(e.target.value)} />
          </label>
          <label>
            {t('range.to')}
            <input type="date" value={last} onChange={(e) => setLast(e.target.value)} />
          </label>
          <button type="button" onClick={() => void apply()}>
            {t('range.apply')}
          </button>
        </>
      ) : null}
      <span className="muted usage-range-shown" data-testid="usage-range">
        {t('range.shown', {
          from: formatDay(range.from, i18n.language, long),
          to: formatDay(lastDay(range), i18n.language, long),
        })}
      </span>
      {invalid ? (
        <p role="alert" className="error">
          {t('range.invalid')}
        </p>
      ) : null}
    </div>
  );
}
