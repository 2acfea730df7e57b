import type { z } from 'zod';
import type { Result } from '../result';
import type { EventDef, RouteDef } from './define';
import { appEvents, appRoutes } from './app';
import { attachmentRoutes } from './attachments';
import { chatEvents, chatRoutes } from './chat';
import { compareRoutes } from './compare';
import { historyEvents, historyRoutes } from './history';
import { modelRoutes, relayRoutes } from './models';
import { networkRoutes } from './network';
import { profileEvents, profileRoutes } from './profiles';
import { promptRoutes } from './prompts';
import { updateEvents, updateRoutes } from './updates';
import { usageEvents, usageRoutes } from './usage';

/** Every route, renderer → main. Declared once, per domain, merged here. */
export const routes = {
  ...appRoutes,
  ...profileRoutes,
  ...modelRoutes,
  ...relayRoutes,
  ...historyRoutes,
  ...chatRoutes,
  ...compareRoutes,
  ...usageRoutes,
  ...networkRoutes,
  ...updateRoutes,
  ...attachmentRoutes,
  ...promptRoutes,
} as const;

/** Every event, main → renderer. */
export const events = {
  ...appEvents,
  ...profileEvents,
  ...historyEvents,
  ...chatEvents,
  ...usageEvents,
  ...updateEvents,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type Events = typeof events;
export type EventName = keyof Events;

/** What the renderer passes (before defaults/coercion are applied by the schema). */
export type RouteInput<K extends RouteName> = z.input<Routes[K]['input']>;
/** What the handler receives (after validation). */
export type RouteParsedInput<K extends RouteName> = z.output<Routes[K]['input']>;
export type RouteOutput<K extends RouteName> =
  Routes[K] extends RouteDef<z.ZodType, infer O> ? O : never;
export type EventPayload<E extends EventName> = Events[E] extends EventDef<infer P> ? P : never;

type RouteTable = Record<string, RouteDef<z.ZodType, unknown>>;
type OutputOf<R> = R extends RouteDef<z.ZodType, infer O> ? O : never;

/** The handlers of one domain's routes, typed from their declarations. */
export type HandlersFor<R extends RouteTable> = {
  [K in keyof R]: (input: z.output<R[K]['input']>) => Promise<OutputOf<R[K]>> | OutputOf<R[K]>;
};

/** The table main must implement: a route without a handler is a compile error. */
export type Handlers = HandlersFor<Routes>;

/** Emits an event to the renderer(s); services receive this through their constructors. */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** The facade exposed as `window.fleece` by the preload (Electron) or the bridge (harness). */
export interface FleeceBridge {
  invoke<K extends RouteName>(route: K, input: RouteInput<K>): Promise<Result<RouteOutput<K>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const ROUTE_NAMES = Object.keys(routes) as RouteName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isRouteName(name: unknown): name is RouteName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(routes, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
