import type { FleeceBridge, RouteInput, RouteName, RouteOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/**
 * The reads every start begins with (see bootstrap in App.tsx), sent the moment the app's script
 * starts running instead of after React's first render: main answers them while the rest of the
 * script evaluates. Imported first by main.tsx, and kept free of runtime imports for that reason.
 */
const STARTUP_READS = [
  ['app.info', {}],
  ['preferences.get', {}],
  ['profiles.list', {}],
  ['conversations.list', { limit: 100 }],
  ['onboarding.detect', {}],
] as const satisfies readonly { [K in RouteName]: readonly [K, RouteInput<K>] }[RouteName][];

export const startupKey = (route: string, input: unknown): string =>
  `${route} ${JSON.stringify(input)}`;

/** Answers already asked for, each handed out once to the first identical call. */
export interface EarlyAnswers {
  take<K extends RouteName>(route: K, input: RouteInput<K>): Promise<Result<RouteOutput<K>>> | null;
  /** Forgets what was not taken: later calls must read fresh state. */
  clear(): void;
}

export function sendStartupReads(bridge: FleeceBridge): EarlyAnswers {
  const answers = new Map<string, Promise<unknown>>();
  for (const [route, input] of STARTUP_READS) {
    let answer: Promise<unknown>;
    try {
      answer = bridge.invoke(route, input as RouteInput<typeof route>);
    } catch {
      continue; // the call is made again, the ordinary way, when the store asks for it
    }
    // Not taken and failed: no unhandled rejection (the store's own call reports the error).
    answer.catch(() => undefined);
    answers.set(startupKey(route, input), answer);
  }
  return {
    take(route, input) {
      const key = startupKey(route, input);
      const answer = answers.get(key);
      if (!answer) return null;
      answers.delete(key);
      return answer as Promise<Result<RouteOutput<typeof route>>>;
    },
    clear: () => answers.clear(),
  };
}

/** Sent as this module is evaluated, when main.tsx starts loading (only in the app's window). */
const bridge = (globalThis as { fleece?: FleeceBridge }).fleece;
export const earlyAnswers: EarlyAnswers | null = bridge ? sendStartupReads(bridge) : null;
