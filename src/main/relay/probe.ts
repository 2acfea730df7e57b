import { normaliseBaseUrl } from './base-url';
import {
  judgeBuffering,
  MIN_BYTES,
  MIN_PIECES,
  timingReads,
  type Buffering,
  type Read,
} from './buffering';
import { fetchModels } from './models';
import { nodeFetch } from './node-fetch';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { scrubError } from './secret-scrub';
import { streamChat } from './stream-chat';
import { PROBE_MAX_TOKENS, PROBE_PROMPT } from './probe-prompt';
import type { ProbeFinding, ProbeOptions, ProbeRequest, ProbeResult } from './types';

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

/** How one short streamed answer (the probe prompt) came: its first token, pieces and reads. */
export type ProbeStream =
  | { outcome: 'failed'; failure: FleeceError }
  | { outcome: 'silent' }
  | {
      outcome: 'answered';
      ttftMs: number;
      pieces: number;
      bytes: number;
      reads: number;
      buffering: Buffering | null;
    };

/**
 * Streams the probe answer and judges how it travelled. Shared by "Test connection" and check on
 * save (which bounds it with `maxDurationMs` so saving never waits long).
 */
export async function streamProbe(
  endpoint: { baseUrl: string; apiKey?: string; model: string },
  options: ProbeOptions & { maxDurationMs?: number } = {},
): Promise<ProbeStream> {
  const key = endpoint.apiKey?.trim() ?? '';
  const started = performance.now();
  const reads: Read[] = [];
  let firstAt: number | undefined;
  let length = 0;
  let tokens: number | undefined;
  try {
    const request = {
      baseUrl: endpoint.baseUrl,
      model: endpoint.model,
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
    if (failure.code === 'aborted') throw failure;
    return { outcome: 'failed', failure };
  }
  if (firstAt === undefined) return { outcome: 'silent' };
  // The parser merges the deltas of one read, so count tokens (relays send about one per event);
  // without usage, about three characters make a token in a list of numbers.
  const pieces = tokens ?? Math.floor(length / 3);
  return {
    outcome: 'answered',
    ttftMs: Math.round(firstAt - started),
    pieces,
    bytes: reads.reduce((sum, r) => sum + r.bytes, 0),
    reads: reads.length,
    buffering: judgeBuffering({ pieces, reads, startedAt: started, firstTextAt: firstAt }),
  };
}

async function measureStream(
  result: ProbeResult,
  baseUrl: string,
  key: string,
  model: string,
  options: ProbeOptions,
): Promise<void> {
  const findings = result.findings;
  const run = await streamProbe(
    { baseUrl, model, ...(key === '' ? {} : { apiKey: key }) },
    options,
  );
  if (run.outcome === 'failed') {
    const failure = run.failure;
    result.failure ??= failure.toFailure();
    if (failure.code === 'auth') result.keyAccepted = false;
    findings.push({ check: 'first_token', status: 'fail', ...fromError(failure) });
    findings.push({ check: 'burst', status: 'skipped', text: coded('probe_skipped_no_answer') });
    return;
  }
  if (run.outcome === 'silent') {
    const text = coded('probe_model_wrote_nothing', { model });
    findings.push({ check: 'first_token', status: 'warn', text });
    findings.push({ check: 'burst', status: 'skipped', text: coded('probe_skipped_no_answer') });
    return;
  }
  const { ttftMs: ttft, pieces, buffering } = run;
  result.ttftMs = ttft;
  findings.push({
    check: 'first_token',
    status: 'ok',
    text: coded('probe_first_token', { model, ms: ttft }),
  });
  result.buffering = buffering;
  if (buffering === null) {
    findings.push({
      check: 'burst',
      status: 'skipped',
      text:
        pieces < MIN_PIECES || run.bytes >= MIN_BYTES
          ? coded('probe_stream_too_short', { pieces, needed: MIN_PIECES })
          : coded('probe_stream_too_small', { kb: Math.round((run.bytes / 1024) * 10) / 10 }),
    });
    return;
  }
  result.burst = buffering !== 'streams';
  findings.push(bufferingFinding(buffering, { ttft, pieces, reads: run.reads }));
}

export function bufferingFinding(
  buffering: Buffering,
  params: { ttft: number; pieces: number; reads: number },
): ProbeFinding {
  switch (buffering) {
    case 'buffered':
      return {
        check: 'burst',
        status: 'warn',
        text: coded('probe_stream_buffered', params),
      };
    case 'partly':
      return {
        check: 'burst',
        status: 'warn',
        text: coded('probe_stream_partly_buffered', params),
      };
    default:
      return {
        check: 'burst',
        status: 'ok',
        text: coded('probe_stream_ok', params),
      };
  }
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
    buffering: null,
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
