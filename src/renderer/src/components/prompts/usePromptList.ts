import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/rules/languages';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import type { SavedPrompt } from '../../../../shared/types/prompts';
import { afterNextPaint } from '../../afterFirstPaint';

/**
 * The prompt library in the UI language, loaded when first `wanted` and again when the language
 * changes (built-ins are written in each).
 */
export function usePromptList(wanted = true): SavedPrompt[] {
  const { i18n } = useTranslation();
  const store = useStoreApi();
  const loadedIn = useAppStore((s) => s.prompts.language);
  const list = useAppStore((s) => s.prompts.list);
  const language = i18n.language as UiLanguage;
  // After the frame that shows the screen asking: the list is not in that frame anyway.
  useEffect(() => {
    if (!wanted || loadedIn === language) return;
    return afterNextPaint(() => void store.getState().promptActions.load(language));
  }, [store, wanted, loadedIn, language]);
  return list;
}
