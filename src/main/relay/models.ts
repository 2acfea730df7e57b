import { DEFAULT_CONNECT_TIMEOUT_MS } from '../../shared/rules/limits';
import { AttemptControl } from './attempt-control';
import { endpointUrl, normaliseBaseUrl } from './base-url';
import { DEFAULT_MAX_BODY_BYTES, readWhole } from './answer-limits';
import { BodyReader, readText } from './body-reader';
import { isRecord } from './error-body';
import { baseUrlHint, errorFromHttp } from './http-errors';
import { FleeceError } from '../errors/FleeceError';
import { scrubError } from './secret-scrub';
import { nodeFetch } from './node-fetch';
import { send } from './transport';
import type { EndpointRequest, RequestOptions } from './types';

/** The most model ids kept: real relays list hundreds; a list of 300,000 is not for a person. */
export const MAX_MODEL_IDS = 10_000;
/** An error page needs a sentence, not the whole page. */
const ERROR_BODY_LIMIT = 64 * 1024;

/** One `GET /models` answer: the ids and how long the round trip took. */
export interface ModelFetch extends ListedModels {
  /** Request sent to body fully read. */
  rttMs: number;
}

/** Model ids as kept, and how many the relay listed (more than kept when the list was cut). */
export interface ListedModels {
  ids: string[];
  listed: number;
}

/** The relay's model ids (`GET /models`), sorted and de-duplicated. */
export async function listModels(
  endpoint: EndpointRequest,
  options: RequestOptions = {},
): Promise<string[]> {
  return (await fetchModels(endpoint, options)).ids;
}

/** The relay's model ids with how many it listed (see `MAX_MODEL_IDS`). */
export async function listModelsCounted(
  endpoint: EndpointRequest,
  options: RequestOptions = {},
): Promise<ListedModels> {
  const { ids, listed } = await fetchModels(endpoint, options);
  return { ids, listed };
}

export async function fetchModels(
  endpoint: EndpointRequest,
  options: RequestOptions = {},
): Promise<ModelFetch> {
  const baseUrl = normaliseBaseUrl(endpoint.baseUrl);
  const connectMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
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
      options.fetch ?? nodeFetch,
      control,
      { connectMs },
    );
    const { response } = answer;
    const reader = new BodyReader(response.body, control, connectMs, answer.url);
    const text = response.ok
      ? await readWhole(reader, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, answer.url)
      : await readText(reader, ERROR_BODY_LIMIT);
    const rttMs = performance.now() - started;
    if (!response.ok) {
      const ctx = {
        baseUrl,
        url: answer.url,
        ...(endpoint.apiKey === undefined ? {} : { apiKey: endpoint.apiKey }),
      };
      throw errorFromHttp(response.status, response.statusText, response.headers, text, ctx);
    }
    const parsed = parseModelIds(text);
    if (parsed === undefined) {
      throw new FleeceError('bad_request', {
        text: 'relay_no_model_list',
        params: { url },
        status: response.status,
        hint: baseUrlHint(baseUrl),
      });
    }
    return { ...parsed, rttMs };
  } catch (error) {
    // The relay's error body may quote the key back.
    throw error instanceof FleeceError ? scrubError(error, endpoint.apiKey) : error;
  } finally {
    control.dispose();
  }
}

const MAX_MODEL_ID_LENGTH = 200;
// One collator for the whole sort: `localeCompare` builds one per comparison.
const COLLATOR = new Intl.Collator('en');

/** `{data:[{id}]}` (OpenAI), a bare array, or `{models:[{name}]}` (Ollama's native list). */
function parseModelIds(text: string): ListedModels | undefined {
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
  let dropped = 0;
  for (const item of list) {
    const id =
      typeof item === 'string' ? item : isRecord(item) ? (item['id'] ?? item['name']) : undefined;
    // A model id is a short name; a megabyte "id" would only burden every list that shows it.
    if (typeof id !== 'string' || id === '' || id.length > MAX_MODEL_ID_LENGTH) continue;
    // Past the cap the rest is only counted, so the notice can say how much was left out.
    if (ids.size < MAX_MODEL_IDS) ids.add(id);
    else if (!ids.has(id)) dropped += 1;
  }
  return { ids: [...ids].sort(COLLATOR.compare), listed: ids.size + dropped };
}
