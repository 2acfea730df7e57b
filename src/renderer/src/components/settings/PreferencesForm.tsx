import {
  ATTACHMENT_MAX_COUNT,
  ATTACHMENT_MAX_FILE_BYTES,
  ATTACHMENT_MAX_MESSAGE_BYTES,
  IMAGE_MAX_SIDE_DEFAULT,
  IMAGE_MAX_SIDE_MAX,
  IMAGE_MAX_SIDE_MIN,
  limitMb,
} from '../../../../shared/rules/attachmentLimits';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../../../shared/types/profiles';
import { THEMES } from '../../../../shared/types/choices';
import {
  ANSWER_LIMIT_MB_MAX,
  ANSWER_LIMIT_MINUTES_MAX,
  DEFAULT_ANSWER_LIMIT_MB,
  DEFAULT_ANSWER_LIMIT_MINUTES,
} from '../../../../shared/rules/limits';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../../shared/rules/languages';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { Input, NativeSelect } from '../../ui/Input';
import { Switch } from '../../ui/Switch';

export function PreferencesForm() {
  const { t } = useTranslation('settings');
  const store = useStoreApi();
  const prefs = useAppStore((s) => s.preferences);
  if (!prefs) return null;
  return (
    <section aria-labelledby="prefs-title" className="settings-section">
      <h2 id="prefs-title">{t('prefs.title')}</h2>
      <div className="settings-card">
        <label>
          {t('prefs.language')}
          <NativeSelect
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
          </NativeSelect>
        </label>
        <label>
          {t('prefs.theme')}
          <NativeSelect
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
          </NativeSelect>
        </label>
        <label>
          {t('prefs.answerLimitMb')}
          <Input
            type="number"
            min={1}
            max={ANSWER_LIMIT_MB_MAX}
            step={1}
            defaultValue={prefs.answerLimitMb ?? DEFAULT_ANSWER_LIMIT_MB}
            onChange={(e) => {
              const value = wholeNumberIn(e.target.value, ANSWER_LIMIT_MB_MAX);
              if (value !== null)
                void store.getState().settingsActions.updatePreferences({ answerLimitMb: value });
            }}
          />
        </label>
        <label>
          {t('prefs.answerLimitMinutes')}
          <Input
            type="number"
            min={1}
            max={ANSWER_LIMIT_MINUTES_MAX}
            step={1}
            defaultValue={prefs.answerLimitMinutes ?? DEFAULT_ANSWER_LIMIT_MINUTES}
            onChange={(e) => {
              const value = wholeNumberIn(e.target.value, ANSWER_LIMIT_MINUTES_MAX);
              if (value !== null)
                void store
                  .getState()
                  .settingsActions.updatePreferences({ answerLimitMinutes: value });
            }}
          />
        </label>
        <p className="muted">{t('prefs.answerLimitsNote')}</p>
        <label>
          {t('prefs.imageMaxSide')}
          <Input
            type="number"
            min={IMAGE_MAX_SIDE_MIN}
            max={IMAGE_MAX_SIDE_MAX}
            step={1}
            defaultValue={prefs.imageMaxSide ?? IMAGE_MAX_SIDE_DEFAULT}
            onChange={(e) => {
              const value = wholeNumberIn(e.target.value, IMAGE_MAX_SIDE_MAX);
              if (value !== null && value >= IMAGE_MAX_SIDE_MIN)
                void store.getState().settingsActions.updatePreferences({ imageMaxSide: value });
            }}
          />
        </label>
        <p className="muted">
          {t('prefs.attachmentLimitsNote', {
            file: limitMb(ATTACHMENT_MAX_FILE_BYTES),
            message: limitMb(ATTACHMENT_MAX_MESSAGE_BYTES),
            count: ATTACHMENT_MAX_COUNT,
          })}
        </p>
      </div>
      <div className="settings-card">
        <Switch
          id="prefs-auto-titles"
          label={t('prefs.autoTitles')}
          checked={prefs.autoTitles !== false}
          onChange={(on) =>
            void store.getState().settingsActions.updatePreferences({ autoTitles: on })
          }
        />
        <label>
          {t('prefs.titleModel')}
          <Input
            defaultValue={prefs.titleModel ?? ''}
            placeholder={t('prefs.titleModelPlaceholder')}
            maxLength={200}
            disabled={prefs.autoTitles === false}
            onBlur={(e) =>
              void store
                .getState()
                .settingsActions.updatePreferences({ titleModel: e.target.value.trim() })
            }
          />
        </label>
        <p className="muted">{t('prefs.titlesNote')}</p>
      </div>
    </section>
  );
}

/** A value the field may hold (1…max, whole); anything else waits until the user finishes typing. */
function wholeNumberIn(raw: string, max: number): number | null {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : null;
}
