import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/types/history';
import { formatInteger, formatMs, tokensPerSecond } from '../../format';
import { useAppStore } from '../../store/StoreContext';
import { showMoney } from '../usage/money';

/** Model, tokens, cost, time to first token and speed of one answer. */
export function MessageFooter({ message }: { message: Message }) {
  const { t, i18n } = useTranslation('chat');
  const locale = i18n.language;
  // Costs are stored in USD; shown in the currency chosen on the Usage page.
  const money = useAppStore((s) => s.usage.settings);
  const parts: string[] = [];
  if (message.model) parts.push(message.model);
  const tokens = (message.promptTokens ?? 0) + (message.completionTokens ?? 0);
  if (message.completionTokens !== null) {
    const text = t('footer.tokens', {
      prompt: formatInteger(message.promptTokens ?? 0, locale),
      completion: formatInteger(message.completionTokens, locale),
    });
    parts.push(message.tokensEstimated ? `${text} (${t('footer.estimated')})` : text);
  }
  if (message.completionTokens !== null || tokens > 0) {
    parts.push(
      message.cost === null
        ? t('footer.costUnknown')
        : t('footer.cost', { cost: showMoney(message.cost, money, locale) }),
    );
  }
  if (message.ttftMs !== null)
    parts.push(t('footer.ttft', { ms: formatMs(message.ttftMs, locale) }));
  const tps = tokensPerSecond(message.completionTokens, message.durationMs, message.ttftMs);
  if (tps !== null) parts.push(t('footer.speed', { tps: formatInteger(tps, locale) }));
  if (parts.length === 0) return null;
  return (
    <div className="message-footer" data-testid="message-footer">
      {parts.map((p, i) => (
        <span key={i}>{p}</span>
      ))}
    </div>
  );
}
