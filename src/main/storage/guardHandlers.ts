import type { Handlers } from '../../shared/contract';
import type { StorageGuard } from './StorageGuard';

/** Routes that write to the history: their success shows the disk accepts writes again. */
const WRITING_ROUTES = new Set<keyof Handlers>([
  'conversations.rename',
  'conversations.pin',
  'conversations.delete',
  'conversations.restore',
  'conversations.purge',
  'conversations.emptyTrash',
  'conversations.update',
  'messages.delete',
  'messages.restore',
  'messages.edit',
  'messages.choose',
  'history.importJson',
  'chat.send',
  'chat.compare',
  'chat.keep',
  'chat.continue',
  'chat.regenerate',
  'chat.summarise',
  'chat.editAndResend',
]);

/**
 * Every route goes through the guard: held writes are retried first, a write the disk refuses
 * reaches the window as a coded storage error (and turns the app-wide notice on).
 */
export function guardHandlers(handlers: Handlers, guard: StorageGuard): Handlers {
  const wrapped: Record<string, (input: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [
    keyof Handlers,
    (input: never) => unknown,
  ][]) {
    const writes = WRITING_ROUTES.has(name);
    wrapped[name] = async (input: never) => {
      if (guard.unsavedCount > 0) guard.retry();
      return writes ? guard.runAsync(() => handler(input)) : handler(input);
    };
  }
  return wrapped as unknown as Handlers;
}
