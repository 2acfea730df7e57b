import { useTranslation } from 'react-i18next';
import type { i18n as I18n, TFunction } from 'i18next';
import type { Message } from '../../../../shared/types/history';
import { formatInteger, formatMs, tokensPerSecond } from '../../format';
import { useAppStore } from '../../store/StoreContext';
import { showMoney } from '../usage/money';

// The figures as text, per message object (messages are replaced, never changed in place), for
// the language and money settings they were made with: a conversation opened again, or an answer
// scrolled back into view, does not format them again.
const made = new WeakMap<
  Message,
  { i18n: I18n; locale: string; money: unknown; parts: string[] }
>();

/** Model, tokens, cost, time to first token and speed of one answer. */
export function MessageFooter({ message }: { message: Message }) {
  const { t, i18n } = useTranslation('chat');
  const locale = i18n.language;
  // Costs are stored in USD; shown in the currency chosen on the Usage page.
  const money = useAppStore((s) => s.usage.settings);
  const known = made.get(message);
  const parts =
    known && known.i18n === i18n && known.locale === locale && known.money === money
      ? known.parts
      : footerParts(message, t, locale, money);
  if (known?.parts !== parts) made.set(message, { i18n, locale, money, parts });
  if (parts.length === 0) return null;
  return (
    <div className="message-footer" data-testid="message-footer">
      {parts.map((p, i) => (
        <span key={i}>{p}</span>
      ))}
    </div>
  );
}

function footerParts(
  message: Message,
  t: TFunction<'chat'>,
  locale: string,
  money: Parameters<typeof showMoney>[1],
): string[] {
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
  return parts;
}
