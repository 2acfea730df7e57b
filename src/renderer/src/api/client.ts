import type {
  EventName,
  EventPayload,
  FleeceBridge,
  RouteInput,
  RouteName,
  RouteOutput,
} from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { EarlyAnswers } from './startupRequests';

/** The renderer's typed client over `window.fleece`; the only way the UI reaches main. */
export interface FleeceClient {
  call<K extends RouteName>(route: K, input: RouteInput<K>): Promise<Result<RouteOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** `early`: start-up reads already sent (startupRequests.ts); an identical first call takes its answer. */
export function createClient(bridge: FleeceBridge, early?: EarlyAnswers | null): FleeceClient {
  return {
    async call(route, input) {
      try {
        return await (early?.take(route, input) ?? bridge.invoke(route, input));
      } catch {
        return {
          ok: false,
          error: { code: 'internal', text: { code: 'internal' } },
        };
      }
    },
    on: (name, listener) => bridge.on(name, listener),
  };
}
