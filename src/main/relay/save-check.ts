import { hasVersionSegment, normaliseBaseUrl } from './base-url';
import { fetchModels } from './models';
import { FleeceError } from '../errors/FleeceError';
import { scrubError } from './secret-scrub';
import type { ProbeOptions } from './types';
import type { SaveCheckProblem, SaveCheckResult } from '../../shared/relay';
import { coded } from '../../shared/codes';

export interface SaveCheckRequest {
  baseUrl: string;
  apiKey?: string;
}

const UNREACHABLE = new Set(['network', 'timeout_connect', 'timeout_idle', 'timeout_first_byte']);

/**
 * Check on save: one `GET /models` (no chat request, so nothing is spent) tells a wrong key, an
 * unreachable host, or a page that is not the API. When that page sits at a URL without a
 * version segment, the same server is asked again with `/v1`: if the API answers there (even
 * with 401), the fix is offered as that URL.
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
    return { baseUrl, modelCount: models.ids.length, problems: [] };
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
