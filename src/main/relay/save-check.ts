import { hasVersionSegment, normaliseBaseUrl } from './base-url';
import { fetchModels } from './models';
import { bufferingFinding, streamProbe } from './probe';
import { FleeceError } from '../errors/FleeceError';
import { scrubError } from './secret-scrub';
import type { ProbeOptions } from './types';
import type { SaveCheckProblem, SaveCheckResult } from '../../shared/relay';
import { coded } from '../../shared/codes';

export interface SaveCheckRequest {
  baseUrl: string;
  apiKey?: string;
  /** With a model, a short streamed answer also shows whether a proxy buffers the stream. */
  model?: string;
}

/**
 * Saving never waits long for the streamed check: past this, how the stream travels is left to
 * "Test connection". The probe answer (80 tokens) takes about a second on a healthy relay.
 */
export const SAVE_STREAM_LIMIT_MS = 8000;
/**
 * Saving is held up only on strong evidence: the probe's sixty numbers come as 60+ tokens from a
 * real model. A short answer (a local echo, a model that ignored the prompt) read late on a busy
 * machine can pack into a few blocks and pass for a proxy; "Test connection" still judges it.
 */
export const SAVE_MIN_PIECES = 40;

const UNREACHABLE = new Set(['network', 'timeout_connect', 'timeout_idle', 'timeout_first_byte']);

/**
 * Check on save: one `GET /models` (no chat request, so nothing is spent) tells a wrong key, an
 * unreachable host, or a page that is not the API. When that page sits at a URL without a
 * version segment, the same server is asked again with `/v1`: if the API answers there (even
 * with 401), the fix is offered as that URL. When the list came and a model is known, the
 * probe's short streamed answer tells a proxy that buffers the stream (only that: a failed or
 * slow answer is left to "Test connection").
 */
export async function checkForSave(
  request: SaveCheckRequest,
  options: ProbeOptions = {},
): Promise<SaveCheckResult> {
  const baseUrl = normaliseBaseUrl(request.baseUrl);
  const key = request.apiKey?.trim() ?? '';
  const endpoint = (url: string) => ({ baseUrl: url, ...(key === '' ? {} : { apiKey: key }) });
  try {
    const models = await fetchModels(endpoint(baseUrl), options);
    const model = request.model?.trim() ?? '';
    const problems =
      model === '' ? [] : await bufferingProblems({ ...endpoint(baseUrl), model }, options);
    return { baseUrl, modelCount: models.ids.length, problems };
  } catch (error) {
    const failure = asRelayError(error, key);
    if (failure.code === 'aborted') throw failure;
    if (UNREACHABLE.has(failure.code))
      return { baseUrl, modelCount: null, problems: [problem('baseUrl', 'unreachable', failure)] };
    if (failure.code === 'auth')
      return { baseUrl, modelCount: null, problems: [problem('apiKey', 'auth', failure)] };
    const fixed = hasVersionSegment(baseUrl) ? null : await tryWithV1(baseUrl, key, options);
    if (fixed === null)
      return { baseUrl, modelCount: null, problems: [problem('baseUrl', 'not_api', failure)] };
    const problems: SaveCheckProblem[] = [
      {
        field: 'baseUrl',
        kind: 'missing_v1',
        text: coded('check_missing_v1', { url: fixed.url }),
        fixBaseUrl: fixed.url,
      },
    ];
    if (fixed.keyRefused) problems.push(problem('apiKey', 'auth', fixed.keyRefused));
    return { baseUrl, modelCount: null, problems };
  }
}

/** A proxy that holds the stream back, on the base URL field, as "Test connection" words it. */
async function bufferingProblems(
  endpoint: { baseUrl: string; apiKey?: string; model: string },
  options: ProbeOptions,
): Promise<SaveCheckProblem[]> {
  const run = await streamProbe(endpoint, {
    ...options,
    maxDurationMs: SAVE_STREAM_LIMIT_MS,
    idleTimeoutMs: Math.min(options.idleTimeoutMs ?? SAVE_STREAM_LIMIT_MS, SAVE_STREAM_LIMIT_MS),
  });
  if (run.outcome !== 'answered' || run.pieces < SAVE_MIN_PIECES) return [];
  if (run.buffering === null || run.buffering === 'streams') return [];
  const finding = bufferingFinding(run.buffering, {
    ttft: run.ttftMs,
    pieces: run.pieces,
    reads: run.reads,
  });
  return [
    { field: 'baseUrl', kind: 'buffering', text: finding.text, hint: coded('hint_buffering') },
  ];
}

/** The API one `/v1` further down, if it is there: answering, or refusing the key. */
async function tryWithV1(
  baseUrl: string,
  key: string,
  options: ProbeOptions,
): Promise<{ url: string; keyRefused?: FleeceError } | null> {
  const url = `${baseUrl}/v1`;
  try {
    await fetchModels({ baseUrl: url, ...(key === '' ? {} : { apiKey: key }) }, options);
    return { url };
  } catch (error) {
    const failure = asRelayError(error, key);
    if (failure.code === 'aborted') throw failure;
    return failure.code === 'auth' ? { url, keyRefused: failure } : null;
  }
}

function problem(
  field: SaveCheckProblem['field'],
  kind: SaveCheckProblem['kind'],
  error: FleeceError,
): SaveCheckProblem {
  return {
    field,
    kind,
    text: error.text,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.detail === undefined ? {} : { detail: error.detail }),
  };
}

/** What is shown must not carry the key. */
function asRelayError(error: unknown, apiKey: string): FleeceError {
  const relayError =
    error instanceof FleeceError
      ? error
      : new FleeceError('protocol', { text: 'relay_read_failure', cause: error });
  return scrubError(relayError, apiKey);
}
