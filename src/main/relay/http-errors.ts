import { isHolySheep, missingVersionHint } from './base-url';
import { describeErrorBody, describeErrorPayload, type ErrorBodyInfo } from './error-body';
import { FleeceError } from '../errors/FleeceError';
import { coded, type Code, type CodedText, type TextParams } from '../../shared/codes';
import type { RelayErrorKind } from '../../shared/relay';

/** What the error mapping needs to phrase a useful hint. Never logged: holds the key. */
export interface ErrorContext {
  baseUrl: string;
  apiKey?: string;
  model?: string;
  /** Full URL requested, for "nothing at …" messages. */
  url: string;
}

const MODEL_HINT = coded('hint_pick_model');

/** A non-2xx HTTP answer, turned into the matching kind; the relay's own words go in `detail`. */
export function errorFromHttp(
  status: number,
  statusText: string,
  headers: Headers,
  bodyText: string,
  ctx: ErrorContext,
  now: number = Date.now(),
): FleeceError {
  const info = describeErrorBody(bodyText, headers.get('content-type'));
  const said = info.message === undefined ? {} : { detail: info.message };
  const label = `${status}${statusText ? ` ${statusText}` : ''}`;
  const urlHint = baseUrlHint(ctx.baseUrl);

  if (status === 407) {
    // Only a proxy answers 407 (Proxy Authentication Required); the relay was never asked.
    return proxyAuthFailed(ctx.url);
  }
  if (status === 401 || status === 403) {
    return new FleeceError('auth', {
      text: 'relay_key_refused',
      ...said,
      status,
      hint: authHint(ctx),
    });
  }
  if ((status === 400 || status === 404) && mentionsUnknownModel(info, ctx.model)) {
    return new FleeceError('model_not_found', {
      ...modelText(ctx.model),
      ...said,
      status,
      hint: MODEL_HINT,
    });
  }
  if (status === 404) {
    return new FleeceError('bad_request', {
      text: 'relay_no_api',
      params: { url: ctx.url, status },
      ...said,
      status,
      hint: urlHint,
    });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers, now);
    const quota = /quota|balance|credit/i.test(`${info.code ?? ''} ${info.message ?? ''}`);
    return new FleeceError('rate_limited', {
      text: 'relay_limiting',
      ...said,
      status,
      hint: coded(quota ? 'hint_top_up_quota' : 'hint_wait_retry'),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) {
    const pageSays =
      info.html && info.message !== undefined && !info.message.startsWith(String(status));
    return new FleeceError('server', {
      text: info.html ? 'relay_proxy_failed' : 'relay_failed',
      params: { status: label },
      ...(info.html && !pageSays ? {} : said),
      status,
      hint: coded('hint_temporary'),
    });
  }
  if (status === 402) {
    return new FleeceError('bad_request', {
      text: 'relay_payment',
      ...said,
      status,
      hint: coded('hint_top_up'),
    });
  }
  if (status >= 300 && status < 400) {
    return new FleeceError('protocol', {
      text: 'relay_redirect_unusable',
      params: { status: label },
      status,
    });
  }
  if (info.html) {
    return new FleeceError('bad_request', {
      text: 'relay_web_page',
      params: { status: label },
      ...said,
      status,
      hint: urlHint,
    });
  }
  return new FleeceError('bad_request', {
    text: 'relay_rejected',
    params: { status: label },
    ...said,
    status,
  });
}

/** An `{"error": …}` chunk or `event: error` frame inside a 200 stream. */
export function errorFromPayload(payload: unknown, ctx: ErrorContext): FleeceError {
  const info = describeErrorPayload(payload);
  const kind = kindOfInBand(info, ctx.model);
  const hint =
    kind === 'auth' ? authHint(ctx) : kind === 'model_not_found' ? MODEL_HINT : undefined;
  const text =
    kind === 'model_not_found' ? modelText(ctx.model) : { text: 'relay_in_band_error' as const };
  return new FleeceError(kind, {
    ...text,
    ...(info.message === undefined ? {} : { detail: info.message }),
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

function authHint(ctx: ErrorContext): CodedText {
  const key = ctx.apiKey?.trim() ?? '';
  if (key === '') return coded('hint_key_needed');
  if (isHolySheep(ctx.baseUrl) && key.startsWith('sk-'))
    return coded('hint_key_openai_on_holysheep');
  return coded('hint_key_check');
}

/** Hint for a 404 or a web page where the API was expected. */
export function baseUrlHint(baseUrl: string): CodedText {
  return missingVersionHint(baseUrl) ?? coded('hint_check_base_url');
}

function modelText(model: string | undefined): { text: Code; params?: TextParams } {
  return model === undefined
    ? { text: 'relay_model_unknown' }
    : { text: 'relay_model_unknown_named', params: { model } };
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

/** The proxy refused its credentials (an HTTP 407, or a tunnel that answered 407). */
export function proxyAuthFailed(url: string): FleeceError {
  return new FleeceError('proxy', {
    text: 'proxy_auth_failed',
    params: { host: new URL(url).host },
    status: 407,
    hint: coded('hint_proxy_credentials'),
  });
}
