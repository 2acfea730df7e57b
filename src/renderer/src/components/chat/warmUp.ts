import { formatCompact, formatInteger, formatMoney, formatMs } from '../../format';
import { formatMessageTime } from './messageTime';

/**
 * Builds the number and date formatters a conversation shows (message times, the footer's
 * figures, the context meter) for `locale`: the first one costs tens of milliseconds, which
 * the first conversation opened would otherwise wait for. Runs while the app is idle.
 */
export function warmUpChatFormats(locale: string): void {
  const now = Date.now();
  formatMessageTime(now, locale, now);
  formatMessageTime(0, locale, now);
  formatCompact(12_345, locale);
  formatInteger(1, locale);
  formatMs(1_500, locale);
  formatMoney(0.001, 'USD', locale);
  formatMoney(1.5, 'USD', locale);
}
