import { normaliseBaseUrl } from './base-url';
import { fetchModels } from './models';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { scrubError } from './secret-scrub';
import { streamChat } from './stream-chat';
import type { ProbeFinding, ProbeOptions, ProbeRequest, ProbeResult } from './types';

/**
 * A short answer, not a single token: one token cannot show whether the stream is buffered.
 * 16 tokens of counting cost next to nothing and arrive as many separate events on a healthy relay.
 */
const PROBE_PROMPT = 'Count from 1 to 20, separated by spaces. Reply with the numbers only.';
const PROBE_MAX_TOKENS = 16;
/** First text to end of stream faster than this: it all came out of one network read. */
const BURST_SPREAD_MS = 5;
const MIN_TOKENS_FOR_BURST = 3;

/** "Test connection": reachability, key, models, latency, time to first token, buffering. */
export async function probe(
  request: ProbeRequest,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const findings: ProbeFinding[] = [];
  let baseUrl: string;
  try {
    baseUrl = normaliseBaseUrl(request.baseUrl);
  } catch (error) {
    const failure = toRelayError(error, request.apiKey);
    findings.push({ check: 'reachable', status: 'fail', ...fromError(failure) });
    return empty(request.baseUrl, findings, failure);
  }
  const result = empty(baseUrl, findings);
  const key = request.apiKey?.trim() ?? '';

  try {
    const models = await fetchModels({ baseUrl, ...(key === '' ? {} : { apiKey: key }) }, options);
    Object.assign(result, {
      reachable: true,
      keyAccepted: true,
      modelCount: models.ids.length,
      modelsRttMs: Math.round(models.rttMs),
    });
    findings.push({
      check: 'reachable',
      status: 'ok',
      text: coded('probe_answered_in', { ms: Math.round(models.rttMs) }),
    });
    findings.push({
      check: 'key',
      status: 'ok',
      text: coded(key === '' ? 'probe_no_key_needed' : 'probe_key_accepted'),
    });
    findings.push(
      models.ids.length > 0
        ? {
            check: 'models',
            status: 'ok',
            text: coded('probe_model_count', { count: models.ids.length }),
          }
        : { check: 'models', status: 'warn', text: coded('probe_no_models') },
    );
  } catch (error) {
    const failure = toRelayError(error, key);
    if (failure.code === 'aborted') throw failure;
    result.failure = failure.toFailure();
    recordModelsFailure(result, failure);
  }

  if (result.keyAccepted === false || !result.reachable) {
    findings.push({
      check: 'first_token',
      status: 'skipped',
      text: coded('probe_skipped_unusable'),
    });
    findings.push({
      check: 'burst',
      status: 'skipped',
      text: coded('probe_skipped_unusable'),
    });
    return result;
  }
  if (request.model === undefined || request.model === '') {
    findings.push({
      check: 'first_token',
      status: 'skipped',
      text: coded('probe_pick_model_ttft'),
    });
    findings.push({
      check: 'burst',
      status: 'skipped',
      text: coded('probe_pick_model_burst'),
    });
    return result;
  }
  await measureStream(result, baseUrl, key, request.model, options);
  return result;
}

async function measureStream(
  result: ProbeResult,
  baseUrl: string,
  key: string,
  model: string,
  options: ProbeOptions,
): Promise<void> {
  const findings = result.findings;
  const started = performance.now();
  let firstAt: number | undefined;
  let endAt = started;
  let pieces = 0;
  let length = 0;
  let tokens: number | undefined;
  try {
    const request = {
      baseUrl,
      model,
      messages: [{ role: 'user', content: PROBE_PROMPT }],
      params: { max_tokens: PROBE_MAX_TOKENS, temperature: 0 },
      ...(key === '' ? {} : { apiKey: key }),
    };
    for await (const event of streamChat(request, { ...options, maxRetries: 0 })) {
      if (event.type === 'delta') {
        firstAt ??= performance.now();
        pieces++;
        length += (event.content?.length ?? 0) + (event.reasoning?.length ?? 0);
      } else if (event.type === 'usage') tokens = event.completionTokens;
      else endAt = performance.now();
    }
  } catch (error) {
    const failure = toRelayError(error, key);
    if (failure.code === 'aborted') throw failure;
    result.failure ??= failure.toFailure();
    if (failure.code === 'auth') result.keyAccepted = false;
    findings.push({ check: 'first_token', status: 'fail', ...fromError(failure) });
    findings.push({ check: 'burst', status: 'skipped', text: coded('probe_skipped_no_answer') });
    return;
  }
  if (firstAt === undefined) {
    const text = coded('probe_model_wrote_nothing', { model });
    findings.push({ check: 'first_token', status: 'warn', text });
    findings.push({ check: 'burst', status: 'skipped', text: coded('probe_skipped_no_answer') });
    return;
  }
  const ttft = Math.round(firstAt - started);
  result.ttftMs = ttft;
  findings.push({
    check: 'first_token',
    status: 'ok',
    text: coded('probe_first_token', { model, ms: ttft }),
  });
  // Deltas of one network read are merged, so count tokens (or characters) to know the answer
  // was long enough that a healthy relay would have spread it over several reads.
  if ((tokens ?? Math.floor(length / 3)) < MIN_TOKENS_FOR_BURST) {
    findings.push({ check: 'burst', status: 'skipped', text: coded('probe_too_short') });
    return;
  }
  const spread = endAt - firstAt;
  result.burst = spread < BURST_SPREAD_MS;
  findings.push(
    result.burst
      ? {
          check: 'burst',
          status: 'warn',
          text: coded('probe_buffered', { ms: ttft }),
        }
      : {
          check: 'burst',
          status: 'ok',
          text: coded('probe_streams', { count: pieces, ms: Math.round(spread) }),
        },
  );
}

function recordModelsFailure(result: ProbeResult, failure: FleeceError): void {
  const unreachable =
    failure.code === 'network' ||
    failure.code === 'timeout_connect' ||
    failure.code === 'timeout_idle';
  result.reachable = !unreachable;
  const findings = result.findings;
  if (unreachable) {
    findings.push({ check: 'reachable', status: 'fail', ...fromError(failure) });
    findings.push({
      check: 'key',
      status: 'skipped',
      text: coded('probe_skipped_unreachable'),
    });
    findings.push({
      check: 'models',
      status: 'skipped',
      text: coded('probe_skipped_unreachable'),
    });
    return;
  }
  findings.push({ check: 'reachable', status: 'ok', text: coded('probe_reachable') });
  if (failure.code === 'auth') {
    result.keyAccepted = false;
    findings.push({ check: 'key', status: 'fail', ...fromError(failure) });
    findings.push({ check: 'models', status: 'skipped', text: coded('probe_skipped_key_refused') });
    return;
  }
  findings.push({
    check: 'key',
    status: 'skipped',
    text: coded('probe_key_unconfirmed'),
  });
  findings.push({ check: 'models', status: 'fail', ...fromError(failure) });
}

function empty(baseUrl: string, findings: ProbeFinding[], failure?: FleeceError): ProbeResult {
  return {
    baseUrl,
    reachable: false,
    keyAccepted: null,
    modelCount: null,
    modelsRttMs: null,
    ttftMs: null,
    burst: null,
    findings,
    ...(failure === undefined ? {} : { failure: failure.toFailure() }),
  };
}

/** A failed check says what the error says. */
function fromError(error: FleeceError): Pick<ProbeFinding, 'text' | 'hint' | 'detail'> {
  return {
    text: error.text,
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(error.detail === undefined ? {} : { detail: error.detail }),
  };
}

/** Findings and `failure` are shown as they are: the key must not be in them. */
function toRelayError(error: unknown, apiKey: string | undefined): FleeceError {
  const relayError =
    error instanceof FleeceError
      ? error
      : new FleeceError('protocol', { text: 'relay_read_failure', cause: error });
  return scrubError(relayError, apiKey);
}
