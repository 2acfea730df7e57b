import { normaliseBaseUrl } from './base-url';
import { judgeBuffering, MIN_PIECES, timingReads, type Buffering, type Read } from './buffering';
import { fetchModels } from './models';
import { nodeFetch } from './node-fetch';
import { RelayError } from './relay-error';
import { scrubError } from './secret-scrub';
import { streamChat } from './stream-chat';
import type { ProbeFinding, ProbeOptions, ProbeRequest, ProbeResult } from './types';

/**
 * An answer long enough to show how it travels: a buffering proxy forwards blocks of 4–8 KB, so a
 * few hundred bytes fit in one block whatever it does. Sixty numbers cost next to nothing and
 * arrive as dozens of separate reads on a healthy relay.
 */
const PROBE_PROMPT = 'Count from 1 to 60, separated by spaces. Reply with the numbers only.';
const PROBE_MAX_TOKENS = 80;

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
  const reads: Read[] = [];
  let firstAt: number | undefined;
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
    const fetch = timingReads(options.fetch ?? nodeFetch, reads);
    for await (const event of streamChat(request, { ...options, fetch, maxRetries: 0 })) {
      if (event.type === 'usage') tokens = event.completionTokens;
      if (event.type !== 'delta' || (!event.content && !event.reasoning)) continue;
      firstAt ??= performance.now();
      length += (event.content?.length ?? 0) + (event.reasoning?.length ?? 0);
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
  // The parser merges the deltas of one read, so count tokens (relays send about one per event);
  // without usage, about three characters make a token in a list of numbers.
  const pieces = tokens ?? Math.floor(length / 3);
  const buffering = judgeBuffering({ pieces, reads, startedAt: started, firstTextAt: firstAt });
  result.buffering = buffering;
  if (buffering === null) {
    findings.push({
      check: 'burst',
      status: 'skipped',
      code: 'stream_too_short',
      params: { pieces, needed: MIN_PIECES },
      message: 'The answer was too short to tell whether it streams.',
    });
    return;
  }
  result.burst = buffering !== 'streams';
  findings.push(bufferingFinding(buffering, { ttft, pieces, reads: reads.length }));
}

function bufferingFinding(
  buffering: Buffering,
  params: { ttft: number; pieces: number; reads: number },
): ProbeFinding {
  switch (buffering) {
    case 'buffered':
      return {
        check: 'burst',
        status: 'warn',
        code: 'stream_buffered',
        params,
        message: `The whole answer arrived at once after ${params.ttft} ms: something between you and the relay (a proxy, VPN or antivirus) buffers the stream, so text will not appear word by word.`,
      };
    case 'partly':
      return {
        check: 'burst',
        status: 'warn',
        code: 'stream_partly_buffered',
        params,
        message: `The answer arrived in ${params.reads} blocks for ${params.pieces} pieces: something between you and the relay (a proxy, VPN or antivirus) holds the stream back, so text will appear in jumps.`,
      };
    default:
      return {
        check: 'burst',
        status: 'ok',
        code: 'stream_ok',
        params,
        message: `Answers stream as they are written (${params.pieces} pieces in ${params.reads} network reads).`,
      };
  }
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
    buffering: null,
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
