import type { FleeceClient } from '../../src/renderer/src/api/client';
import type {
  EventName,
  EventPayload,
  RouteInput,
  RouteName,
  RouteOutput,
} from '../../src/shared/contract';
import type { Result } from '../../src/shared/result';

type Handler<K extends RouteName> = (
  input: RouteInput<K>,
) => RouteOutput<K> | Promise<RouteOutput<K>>;

/** A client whose routes are plain functions, recording every call; events can be pushed. */
export function createFakeClient(routes: { [K in RouteName]?: Handler<K> }) {
  const calls: { route: RouteName; input: unknown }[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const client: FleeceClient = {
    async call<K extends RouteName>(
      route: K,
      input: RouteInput<K>,
    ): Promise<Result<RouteOutput<K>>> {
      calls.push({ route, input });
      const handler = routes[route] as Handler<K> | undefined;
      if (!handler)
        return {
          ok: false,
          error: { code: 'unknown_route', text: { code: 'unknown_route' }, detail: route },
        };
      return { ok: true, data: await handler(input) };
    },
    on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    for (const l of listeners.get(name) ?? []) l(payload);
  };
  return { client, calls, emit };
}
