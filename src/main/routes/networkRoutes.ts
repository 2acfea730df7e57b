import type { HandlersFor } from '../../shared/contract';
import type { networkRoutes } from '../../shared/contract/network';
import type { NetworkService } from '../net/NetworkService';

export function networkHandlers(network: NetworkService): HandlersFor<typeof networkRoutes> {
  return {
    'network.get': () => network.state(),
    'network.update': (patch) => network.update(patch),
    'network.test': () => network.test(),
  };
}
