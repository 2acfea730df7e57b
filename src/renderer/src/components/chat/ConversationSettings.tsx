import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { parseTemperature } from '../../../../shared/rules/limits';
import { parseContextTurns } from '../../../../shared/rules/contextTrim';
import type { Conversation } from '../../../../shared/types/history';
import { useStoreApi } from '../../store/StoreContext';
import { Button } from '../../ui/Button';
import { IconButton } from '../../ui/IconButton';
import { Input } from '../../ui/Input';

/**
 * System prompt, temperature and the past turns sent of one conversation (empty = the profile's
 * defaults; for turns, as many as the model's window holds).
 */
export function ConversationSettings({
  conversation,
  onClose,
}: {
  conversation: Conversation;
  onClose?: () => void;
}) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const [systemPrompt, setSystemPrompt] = useState(conversation.systemPrompt ?? '');
  const [temperature, setTemperature] = useState(
    conversation.temperature === null ? '' : String(conversation.temperature),
  );
  const [turns, setTurns] = useState(
    conversation.contextTurns === null ? '' : String(conversation.contextTurns),
  );
  const [saved, setSaved] = useState(false);
  const { valid: tempValid, value: temp } = parseTemperature(temperature);
  const { valid: turnsValid, value: turnLimit } = parseContextTurns(turns);
  const valid = tempValid && turnsValid;
  return (
    <form
      className="conversation-settings"
      aria-label={t('settings.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onClose) {
          e.preventDefault();
          onClose();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        void store
          .getState()
          .conversationActions.update(conversation.id, {
            systemPrompt: systemPrompt.trim() === '' ? null : systemPrompt,
            temperature: temp,
            contextTurns: turnLimit,
          })
          .then(() => {
            // The action reports its own failure; "Saved" only for what main now holds.
            const now = store.getState().conversations.find((c) => c.id === conversation.id);
            setSaved(
              now?.temperature === temp &&
                now.contextTurns === turnLimit &&
                now.systemPrompt === (systemPrompt.trim() === '' ? null : systemPrompt),
            );
          });
      }}
    >
      <div className="conversation-settings-head">
        <h2 className="conversation-settings-title">{t('settings.title')}</h2>
        {onClose ? (
          <IconButton
            size="sm"
            label={t('settings.close')}
            shortcut="Esc"
            icon={<X size={16} aria-hidden="true" />}
            onClick={onClose}
          />
        ) : null}
      </div>
      <div className="conversation-settings-fields">
        <label className="field conversation-settings-prompt">
          <span className="field-label">{t('settings.systemPrompt')}</span>
          <textarea
            className="input"
            value={systemPrompt}
            rows={3}
            onChange={(e) => {
              setSaved(false);
              setSystemPrompt(e.target.value);
            }}
          />
        </label>
        <label className="field conversation-settings-temp">
          <span className="field-label">{t('settings.temperature')}</span>
          <Input
            inputMode="decimal"
            value={temperature}
            placeholder={t('settings.temperatureDefault')}
            aria-invalid={!tempValid}
            onChange={(e) => {
              setSaved(false);
              setTemperature(e.target.value);
            }}
          />
        </label>
        <label className="field conversation-settings-turns">
          <span className="field-label">{t('settings.contextTurns')}</span>
          <Input
            inputMode="numeric"
            value={turns}
            placeholder={t('settings.contextTurnsAll')}
            aria-invalid={!turnsValid}
            onChange={(e) => {
              setSaved(false);
              setTurns(e.target.value);
            }}
          />
        </label>
      </div>
      {!tempValid ? (
        <p role="alert" className="field-error">
          {t('settings.temperatureInvalid')}
        </p>
      ) : null}
      {!turnsValid ? (
        <p role="alert" className="field-error">
          {t('settings.contextTurnsInvalid')}
        </p>
      ) : null}
      <div className="conversation-settings-actions">
        {saved ? (
          <span role="status" className="conversation-settings-saved">
            {t('settings.saved')}
          </span>
        ) : null}
        <Button type="submit" variant="primary" size="sm" disabled={!valid}>
          {t('settings.apply')}
        </Button>
      </div>
    </form>
  );
}
