import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/rules/languages';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import type { SavedPrompt } from '../../../../shared/types/prompts';

/** The prompt library in the UI language, loaded on first use and again when it changes. */
export function usePromptList(): SavedPrompt[] {
  const { i18n } = useTranslation();
  const store = useStoreApi();
  const loadedIn = useAppStore((s) => s.prompts.language);
  const list = useAppStore((s) => s.prompts.list);
  const language = i18n.language as UiLanguage;
  useEffect(() => {
    if (loadedIn !== language) void store.getState().promptActions.load(language);
  }, [store, loadedIn, language]);
  return list;
}
