import type { HandlersFor } from '../../shared/contract';
import type { updateRoutes } from '../../shared/contract/updates';
import type { UpdateService } from '../updates/UpdateService';

export function updateHandlers(updates: UpdateService): HandlersFor<typeof updateRoutes> {
  return {
    'updates.get': () => updates.state(),
    'updates.set': (patch) =>
      updates.setSettings({
        ...(patch.feedUrl !== undefined ? { feedUrl: patch.feedUrl } : {}),
        ...(patch.checkOnStart !== undefined ? { checkOnStart: patch.checkOnStart } : {}),
      }),
    'updates.check': () => updates.check(),
    'updates.restart': () => {
      updates.restart();
      return { restarting: true as const };
    },
  };
}
