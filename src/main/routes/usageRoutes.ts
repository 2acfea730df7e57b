import type { HandlersFor } from '../../shared/contract';
import type { usageRoutes } from '../../shared/contract/usage';
import type { UsageService } from '../usage/UsageService';

export function usageHandlers(usage: UsageService): HandlersFor<typeof usageRoutes> {
  return {
    'usage.summary': (range) => usage.summary(range),
    'usage.exportCsv': (range) => usage.exportCsv(range),
    'usage.settings.get': () => usage.settings(),
    'usage.settings.update': (patch) => usage.updateSettings(patch),
    'prices.update': ({ prices }) => usage.updatePrices(prices),
    'prices.reset': () => usage.resetPrices(),
  };
}
