import { normaliseBaseUrl } from './base-url';
import { fetchModels } from './models';
import { RelayError } from './relay-error';
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
    findings.push({ check: 'reachable', status: 'fail', message: withHint(failure) });
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
      message: `The relay answered in ${Math.round(models.rttMs)} ms.`,
    });
    findings.push({
      check: 'key',
      status: 'ok',
      message: key === '' ? 'The relay works without an API key.' : 'The API key was accepted.',
    });
    findings.push(
      models.ids.length > 0
        ? {
            check: 'models',
            status: 'ok',
            message: `The relay offers ${models.ids.length} model${models.ids.length === 1 ? '' : 's'}.`,
          }
        : { check: 'models', status: 'warn', message: 'The relay lists no models.' },
    );
  } catch (error) {
    const failure = toRelayError(error, key);
    if (failure.kind === 'aborted') throw failure;
    result.failure = failure.toFailure();
    recordModelsFailure(result, failure);
  }

  if (result.keyAccepted === false || !result.reachable) {
    findings.push({
      check: 'first_token',
      status: 'skipped',
      message: 'Skipped: the relay cannot be used yet.',
    });
    findings.push({
      check: 'burst',
      status: 'skipped',
      message: 'Skipped: the relay cannot be used yet.',
    });
    return result;
  }
  if (request.model === undefined || request.model === '') {
    findings.push({
      check: 'first_token',
      status: 'skipped',
      message: 'Pick a model to measure the time to first token.',
    });
    findings.push({
      check: 'burst',
      status: 'skipped',
      message: 'Pick a model to check that answers stream word by word.',
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
    if (failure.kind === 'aborted') throw failure;
    result.failure ??= failure.toFailure();
    if (failure.kind === 'auth') result.keyAccepted = false;
    findings.push({ check: 'first_token', status: 'fail', message: withHint(failure) });
    findings.push({ check: 'burst', status: 'skipped', message: 'Skipped: no answer to look at.' });
    return;
  }
  if (firstAt === undefined) {
    const message = `The model "${model}" finished without writing anything.`;
    findings.push({ check: 'first_token', status: 'warn', message });
    findings.push({ check: 'burst', status: 'skipped', message: 'Skipped: no answer to look at.' });
    return;
  }
  const ttft = Math.round(firstAt - started);
  result.ttftMs = ttft;
  findings.push({
    check: 'first_token',
    status: 'ok',
    message: `First token from "${model}" after ${ttft} ms.`,
  });
  // Deltas of one network read are merged, so count tokens (or characters) to know the answer
  // was long enough that a healthy relay would have spread it over several reads.
  if ((tokens ?? Math.floor(length / 3)) < MIN_TOKENS_FOR_BURST) {
    const message = 'The answer was too short to tell whether it streams.';
    findings.push({ check: 'burst', status: 'skipped', message });
    return;
  }
  const spread = endAt - firstAt;
  result.burst = spread < BURST_SPREAD_MS;
  findings.push(
    result.burst
      ? {
          check: 'burst',
          status: 'warn',
          message: `The whole answer arrived at once after ${ttft} ms: something between you and the relay (a proxy, VPN or antivirus) buffers the stream, so text will not appear word by word.`,
        }
      : {
          check: 'burst',
          status: 'ok',
          message: `Answers stream as they are written (${pieces} pieces over ${Math.round(spread)} ms).`,
        },
  );
}

function recordModelsFailure(result: ProbeResult, failure: RelayError): void {
  const unreachable =
    failure.kind === 'network' ||
    failure.kind === 'timeout_connect' ||
    failure.kind === 'timeout_idle';
  result.reachable = !unreachable;
  const findings = result.findings;
  if (unreachable) {
    findings.push({ check: 'reachable', status: 'fail', message: withHint(failure) });
    findings.push({
      check: 'key',
      status: 'skipped',
      message: 'Skipped: the relay could not be reached.',
    });
    findings.push({
      check: 'models',
      status: 'skipped',
      message: 'Skipped: the relay could not be reached.',
    });
    return;
  }
  findings.push({ check: 'reachable', status: 'ok', message: 'The relay answered.' });
  if (failure.kind === 'auth') {
    result.keyAccepted = false;
    findings.push({ check: 'key', status: 'fail', message: withHint(failure) });
    findings.push({ check: 'models', status: 'skipped', message: 'Skipped: the key was refused.' });
    return;
  }
  findings.push({
    check: 'key',
    status: 'skipped',
    message: 'Not confirmed: the model list could not be read.',
  });
  findings.push({ check: 'models', status: 'fail', message: withHint(failure) });
}

function empty(baseUrl: string, findings: ProbeFinding[], failure?: RelayError): ProbeResult {
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

function withHint(error: RelayError): string {
  return error.hint === undefined ? error.message : `${error.message} ${error.hint}`;
}

/** Findings and `failure` are shown as they are: the key must not be in them. */
function toRelayError(error: unknown, apiKey: string | undefined): RelayError {
  const relayError =
    error instanceof RelayError
      ? error
      : new RelayError('protocol', error instanceof Error ? error.message : String(error));
  return scrubError(relayError, apiKey);
}
