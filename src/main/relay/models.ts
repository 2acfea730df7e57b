import { AttemptControl } from './attempt-control';
import { endpointUrl, normaliseBaseUrl } from './base-url';
import { BodyReader, readText } from './body-reader';
import { isRecord } from './error-body';
import { baseUrlHint, errorFromHttp } from './http-errors';
import { FleeceError } from '../errors/FleeceError';
import { scrubError } from './secret-scrub';
import { send } from './transport';
import type { EndpointRequest, RequestOptions } from './types';

const DEFAULT_CONNECT_MS = 10_000;
/** OpenRouter's list is over a megabyte; anything much larger is not a model list. */
const MODELS_BODY_LIMIT = 16 * 1024 * 1024;

export interface ModelList {
  ids: string[];
  /** Request sent to body fully read. */
  rttMs: number;
}

/** The relay's model ids (`GET /models`), sorted and de-duplicated. */
export async function listModels(
  endpoint: EndpointRequest,
  options: RequestOptions = {},
): Promise<string[]> {
  return (await fetchModels(endpoint, options)).ids;
}

export async function fetchModels(
  endpoint: EndpointRequest,
  options: RequestOptions = {},
): Promise<ModelList> {
  const baseUrl = normaliseBaseUrl(endpoint.baseUrl);
  const connectMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_MS;
  const control = new AttemptControl(options.signal, { connectMs, idleMs: connectMs });
  const url = endpointUrl(baseUrl, 'models');
  const started = performance.now();
  try {
    const answer = await send(
      {
        url,
        method: 'GET',
        accept: 'application/json',
        ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
      },
      options.fetch ?? globalThis.fetch,
      control,
      connectMs,
    );
    const { response } = answer;
    const text = await readText(
      new BodyReader(response.body, control, connectMs, answer.url),
      MODELS_BODY_LIMIT,
    );
    const rttMs = performance.now() - started;
    if (!response.ok) {
      const ctx = {
        baseUrl,
        url: answer.url,
        ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
      };
      throw errorFromHttp(response.status, response.statusText, response.headers, text, ctx);
    }
    const ids = parseModelIds(text);
    if (ids === undefined) {
      throw new FleeceError('bad_request', {
        text: 'relay_no_model_list',
        params: { url },
        status: response.status,
        hint: baseUrlHint(baseUrl),
      });
    }
    return { ids, rttMs };
  } catch (error) {
    // The relay's error body may quote the key back.
    throw error instanceof FleeceError ? scrubError(error, endpoint.apiKey) : error;
  } finally {
    control.dispose();
  }
}

/** `{data:[{id}]}` (OpenAI), a bare array, or `{models:[{name}]}` (Ollama's native list). */
function parseModelIds(text: string): string[] | undefined {
  let payload: unknown;
  try {
    payload = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  const list = Array.isArray(payload)
    ? payload
    : isRecord(payload)
      ? (payload['data'] ?? payload['models'])
      : undefined;
  if (!Array.isArray(list)) return undefined;
  const ids = new Set<string>();
  for (const item of list) {
    const id =
      typeof item === 'string' ? item : isRecord(item) ? (item['id'] ?? item['name']) : undefined;
    if (typeof id === 'string' && id !== '') ids.add(id);
  }
  return [...ids].sort((a, b) => a.localeCompare(b, 'en'));
}
