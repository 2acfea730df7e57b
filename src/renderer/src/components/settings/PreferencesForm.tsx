import { useTranslation } from 'react-i18next';
import { LANGUAGES, THEMES } from '../../../../shared/types/choices';
import type { Language, Theme } from '../../../../shared/types/profiles';
import { useAppStore, useStoreApi } from '../../store/StoreContext';

const LANGUAGE_NAMES: Record<Exclude<Language, 'system'>, string> = {
  en: 'English',
  vi: 'Tiếng Việt',
  'zh-CN': '简体中文',
};

export function PreferencesForm() {
  const { t } = useTranslation('settings');
  const store = useStoreApi();
  const prefs = useAppStore((s) => s.preferences);
  if (!prefs) return null;
  return (
    <section aria-labelledby="prefs-title">
      <h2 id="prefs-title">{t('prefs.title')}</h2>
      <label>
        {t('prefs.language')}
        <select
          value={prefs.language}
          onChange={(e) =>
            void store
              .getState()
              .settingsActions.updatePreferences({ language: e.target.value as Language })
          }
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {l === 'system' ? t('prefs.systemLanguage') : LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('prefs.theme')}
        <select
          value={prefs.theme}
          onChange={(e) =>
            void store
              .getState()
              .settingsActions.updatePreferences({ theme: e.target.value as Theme })
          }
        >
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {t(`prefs.themes.${th}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
