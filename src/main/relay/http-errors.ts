import { isHolySheep, missingVersionHint } from './base-url';
import { describeErrorBody, describeErrorPayload, type ErrorBodyInfo } from './error-body';
import { RelayError } from './relay-error';
import type { RelayErrorKind } from '../../shared/relay';

/** What the error mapping needs to phrase a useful hint. Never logged: holds the key. */
export interface ErrorContext {
  baseUrl: string;
  apiKey?: string;
  model?: string;
  /** Full URL requested, for "nothing at …" messages. */
  url: string;
}

const MODEL_HINT = "Pick one of the relay's models — Test connection lists them.";

/** A non-2xx HTTP answer, turned into the matching kind with the relay's own words. */
export function errorFromHttp(
  status: number,
  statusText: string,
  headers: Headers,
  bodyText: string,
  ctx: ErrorContext,
  now: number = Date.now(),
): RelayError {
  const info = describeErrorBody(bodyText, headers.get('content-type'));
  const said =
    info.message === undefined ? '' : info.html ? ` (${info.message})` : `: ${info.message}`;
  const label = `${status}${statusText ? ` ${statusText}` : ''}`;

  if (status === 401 || status === 403) {
    return new RelayError('auth', `The relay refused the API key${said}`, {
      status,
      hint: authHint(ctx),
    });
  }
  if ((status === 400 || status === 404) && mentionsUnknownModel(info, ctx.model)) {
    return new RelayError('model_not_found', modelMessage(ctx.model, info), {
      status,
      hint: MODEL_HINT,
    });
  }
  if (status === 404) {
    return new RelayError('bad_request', `The relay has no API at ${ctx.url} (404)${said}`, {
      status,
      hint: missingVersionHint(ctx.baseUrl) ?? 'Check the base URL in the profile.',
    });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers, now);
    const quota = /quota|balance|credit/i.test(`${info.code ?? ''} ${info.message ?? ''}`);
    return new RelayError('rate_limited', `The relay is limiting requests${said}`, {
      status,
      hint: quota
        ? 'Your quota or balance looks used up; top it up on the relay.'
        : 'Wait a moment and try again.',
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) {
    const message = info.html
      ? `The relay (or a proxy in front of it) failed with ${label}${info.message && !info.message.startsWith(String(status)) ? ` — ${info.message}` : ''}.`
      : `The relay failed with ${label}${said}`;
    return new RelayError('server', message, {
      status,
      hint: 'This is usually temporary; try again shortly.',
    });
  }
  if (status === 402) {
    return new RelayError('bad_request', `The relay asks for payment${said}`, {
      status,
      hint: 'Top up your balance on the relay.',
    });
  }
  if (status >= 300 && status < 400) {
    return new RelayError('protocol', `The relay redirected without a usable address (${label}).`, {
      status,
    });
  }
  if (info.html) {
    return new RelayError('bad_request', `The relay answered ${label} with a web page${said}.`, {
      status,
      hint: missingVersionHint(ctx.baseUrl) ?? 'Check the base URL in the profile.',
    });
  }
  return new RelayError('bad_request', `The relay rejected the request (${label})${said}`, {
    status,
  });
}

/** An `{"error": …}` chunk or `event: error` frame inside a 200 stream. */
export function errorFromPayload(payload: unknown, ctx: ErrorContext): RelayError {
  const info = describeErrorPayload(payload);
  const kind = kindOfInBand(info, ctx.model);
  const said = info.message ?? 'no details given';
  const hint =
    kind === 'auth' ? authHint(ctx) : kind === 'model_not_found' ? MODEL_HINT : undefined;
  const message =
    kind === 'model_not_found'
      ? modelMessage(ctx.model, info)
      : `The relay reported an error: ${said}`;
  return new RelayError(kind, message, {
    ...(info.status === undefined ? {} : { status: info.status }),
    ...(hint === undefined ? {} : { hint }),
  });
}

/** `retry-after-ms` (OpenAI), else `Retry-After` in seconds or as an HTTP date. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.round(Number(ms));
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function authHint(ctx: ErrorContext): string {
  const key = ctx.apiKey?.trim() ?? '';
  if (key === '') return 'This relay needs an API key: add it to the profile.';
  if (isHolySheep(ctx.baseUrl) && key.startsWith('sk-')) {
    return 'This looks like an OpenAI key (sk-…). HolySheep needs its own hsa- key from your HolySheep dashboard.';
  }
  return "Check the key in the profile: copy it again from the relay's dashboard.";
}

function modelMessage(model: string | undefined, info: ErrorBodyInfo): string {
  const name = model === undefined ? 'this model' : `model "${model}"`;
  return `The relay does not offer ${name}${info.message === undefined ? '.' : `: ${info.message}`}`;
}

const MODEL_REFUSAL =
  /(not[ _]found|not exist|does ?n[o']t exist|unknown|not supported|unsupported|invalid|no such|not available|unavailable|不存在|不支持|无效|无可用)/i;

function mentionsUnknownModel(info: ErrorBodyInfo, model: string | undefined): boolean {
  if (
    info.code !== undefined &&
    /model_not_found|model_not_supported|invalid_model/i.test(info.code)
  )
    return true;
  const text = info.message ?? '';
  if (/model|模型/i.test(text) && MODEL_REFUSAL.test(text)) return true;
  return model !== undefined && namesWord(text, model) && MODEL_REFUSAL.test(text);
}

/** `word` appears on its own (a model id like "o1" must not match inside "not found: o1-mini"). */
function namesWord(text: string, word: string): boolean {
  if (word === '') return false;
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.-])${escaped}($|[^\\w-])`).test(text);
}

function kindOfInBand(info: ErrorBodyInfo, model: string | undefined): RelayErrorKind {
  const status = info.status;
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status !== undefined && status >= 500) return 'server';
  if (mentionsUnknownModel(info, model)) return 'model_not_found';
  const tag = `${info.code ?? ''} ${info.type ?? ''}`.toLowerCase();
  if (/auth|api_?key|unauthori[sz]ed|permission/.test(tag)) return 'auth';
  if (/rate_?limit|too_many|quota/.test(tag)) return 'rate_limited';
  if (/invalid_request|bad_request|context_length|content_filter|invalid/.test(tag))
    return 'bad_request';
  if (status !== undefined && status >= 400) return 'bad_request';
  return 'server';
}
