import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTemperature } from '../../../../shared/rules/limits';
import type { Conversation } from '../../../../shared/types/history';
import { useStoreApi } from '../../store/StoreContext';

/** System prompt and temperature of one conversation (empty = the profile's defaults). */
export function ConversationSettings({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const [systemPrompt, setSystemPrompt] = useState(conversation.systemPrompt ?? '');
  const [temperature, setTemperature] = useState(
    conversation.temperature === null ? '' : String(conversation.temperature),
  );
  const { valid: tempValid, value: temp } = parseTemperature(temperature);
  return (
    <form
      className="conversation-settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (!tempValid) return;
        void store.getState().conversationActions.update(conversation.id, {
          systemPrompt: systemPrompt.trim() === '' ? null : systemPrompt,
          temperature: temp,
        });
      }}
    >
      <label>
        {t('settings.systemPrompt')}
        <textarea value={systemPrompt} rows={3} onChange={(e) => setSystemPrompt(e.target.value)} />
      </label>
      <label>
        {t('settings.temperature')}
        <input
          inputMode="decimal"
          value={temperature}
          placeholder={t('settings.temperatureDefault')}
          aria-invalid={!tempValid}
          onChange={(e) => setTemperature(e.target.value)}
        />
      </label>
      {!tempValid ? <p role="alert">{t('settings.temperatureInvalid')}</p> : null}
      <button type="submit" disabled={!tempValid}>
        {t('settings.apply')}
      </button>
    </form>
  );
}
