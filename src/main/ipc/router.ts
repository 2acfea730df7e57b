import { routes, isRouteName, type Handlers } from '../../shared/contract';
import type { AppError, Result } from '../../shared/result';
import { toAppError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';

/** Who sent a call, as the transport saw it (Electron frame or harness WebSocket). */
export interface Sender {
  /** Origin of the document that made the call, e.g. `file://` or `http://127.0.0.1:5173`. */
  origin: string;
  /** Full URL of the calling document. */
  url: string;
  /** False for iframes and other sub-frames. */
  isMainFrame: boolean;
  /** Identifies the window (Electron webContents id) or connection that sent it. */
  windowId: number | string;
}

export type SenderPolicy = (sender: Sender) => boolean;

export interface RouterLog {
  error(message: string, err: unknown): void;
}

export interface Router {
  dispatch(sender: Sender, route: unknown, input: unknown): Promise<Result<unknown>>;
}

function refuse(error: AppError): Result<never> {
  return { ok: false, error };
}

/**
 * The one gate every call passes: sender first, then the route name, then the input schema.
 * Handlers never throw across the boundary; an unexpected exception becomes `internal`.
 */
export function createRouter(handlers: Handlers, isTrusted: SenderPolicy, log: RouterLog): Router {
  return {
    async dispatch(sender, route, input) {
      if (!isTrusted(sender)) {
        return refuse({ code: 'forbidden_sender', text: coded('forbidden_sender') });
      }
      if (!isRouteName(route)) {
        return refuse({ code: 'unknown_route', text: coded('unknown_route') });
      }
      const parsed = routes[route].input.safeParse(input ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? issue.path.join('.') : '';
        // The schema's words are technical, not ours: shown as the detail.
        return refuse({
          code: 'invalid_input',
          text: coded('invalid_input', { where }),
          ...(issue ? { detail: issue.message } : {}),
        });
      }
      try {
        const handler = handlers[route] as (i: unknown) => unknown;
        const data = await handler(parsed.data);
        return { ok: true, data };
      } catch (err) {
        const appError: AppError = toAppError(err);
        if (appError.code === 'internal') log.error(`route ${route} failed`, err);
        return { ok: false, error: appError };
      }
    },
  };
}

/** Trusts only the top-level frame of known windows whose document is ours. */
export function createSenderPolicy(opts: {
  isOurWindow: (windowId: number | string) => boolean;
  isOurDocument: (url: string, origin: string) => boolean;
}): SenderPolicy {
  return (sender) =>
    sender.isMainFrame &&
    opts.isOurWindow(sender.windowId) &&
    opts.isOurDocument(sender.url, sender.origin);
}
