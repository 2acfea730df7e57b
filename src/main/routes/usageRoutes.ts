import type { Handlers } from '../../shared/contract';
import type { UsageService } from '../usage/UsageService';

type UsageHandlers = Pick<
  Handlers,
  | 'usage.summary'
  | 'usage.exportCsv'
  | 'usage.settings.get'
  | 'usage.settings.update'
  | 'prices.list'
  | 'prices.update'
  | 'prices.reset'
>;

export function usageHandlers(usage: UsageService): UsageHandlers {
  return {
    'usage.summary': (range) => usage.summary(range),
    'usage.exportCsv': (range) => usage.exportCsv(range),
    'usage.settings.get': () => usage.settings(),
    'usage.settings.update': (patch) => usage.updateSettings(patch),
    'prices.list': () => usage.prices(),
    'prices.update': ({ prices }) => usage.updatePrices(prices),
    'prices.reset': () => usage.resetPrices(),
  };
}
