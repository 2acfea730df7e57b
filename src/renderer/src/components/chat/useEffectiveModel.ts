import { useShallow } from 'zustand/react/shallow';
import { selectModelChoice, type ModelChoice } from '../../store/modelChoice';
import { useAppStore } from '../../store/StoreContext';

/**
 * Which profile and model the next message goes to (see `selectModelChoice`), re-rendering only
 * when it changes. The composer uses `missing` to refuse a send with no model.
 */
export function useEffectiveModel(): ModelChoice {
  return useAppStore(useShallow(selectModelChoice));
}
