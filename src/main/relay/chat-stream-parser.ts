import {
  createParser,
  type EventSourceMessage,
  type EventSourceParser,
  type ParseError,
} from 'eventsource-parser';
import { ChunkTemplate, type ChunkReading } from './chunk-template';
import { isRecord } from './error-body';
import { errorFromPayload, type ErrorContext } from './http-errors';
import { FleeceError } from '../errors/FleeceError';
import { coded, type Code } from '../../shared/codes';
import type { RelayEvent } from './types';

const STREAM = { stream: true };

interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/**
 * Bytes of an OpenAI-compatible chat stream in, RelayEvents out. Stateful UTF-8 decoding feeds
 * eventsource-parser (which buffers partial lines as fragments, so a huge event arriving in tiny
 * chunks stays linear). `events` fills during `feed`; the caller drains it.
 */
export class ChatStreamParser {
  readonly events: RelayEvent[] = [];
  content = '';
  reasoning = '';
  sawDone = false;
  finishReason: string | null = null;
  sawFinish = false;
  failure: FleeceError | undefined;
  private usage: Usage | undefined;
  /** Text of the current network read: one merged delta per read keeps per-token costs down. */
  private pendingContent = '';
  private pendingReasoning = '';
  private atEof = false;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly template = new ChunkTemplate();
  private readonly parser: EventSourceParser;

  constructor(private readonly ctx: ErrorContext) {
    this.parser = createParser({
      onEvent: (message) => this.onMessage(message),
      // Keep-alive comments only matter as bytes for the idle timer, which the reader handles.
      onComment: () => undefined,
      onError: (error) => this.onParseError(error),
    });
  }

  get settled(): boolean {
    return this.sawDone || this.failure !== undefined;
  }

  feed(bytes: Uint8Array): void {
    const text = this.decoder.decode(bytes, STREAM);
    if (text !== '') this.parser.feed(text);
    this.flushDelta();
  }

  /**
   * End of body. A last event missing its blank line is still dispatched (a lenient relay must not
   * lose its final token); a last event cut mid-JSON is a truncation, not a protocol error.
   */
  end(): void {
    this.atEof = true;
    const rest = this.decoder.decode();
    this.parser.feed(`${rest}\n\n`);
    this.flushDelta();
  }

  /** Appends the closing `usage` (if the relay sent one) and `done` events. */
  finish(): void {
    this.flushDelta();
    if (this.usage !== undefined) this.events.push({ type: 'usage', ...this.usage });
    this.events.push({ type: 'done', finishReason: this.finishReason });
  }

  /** A complete answer delivered as one JSON body (a relay that ignored `stream: true`). */
  acceptCompletion(payload: unknown): void {
    this.handleChunk(payload, 'message');
    this.flushDelta();
    if (!this.settled) this.sawDone = true;
  }

  private onMessage(message: EventSourceMessage): void {
    if (this.sawDone || this.failure !== undefined) return;
    const data = message.data;
    if (message.event === 'error') {
      this.failure = errorFromPayload(parseLoose(data), this.ctx);
      return;
    }
    if (data.charCodeAt(0) === 91 /* [ */ && data.trim() === '[DONE]') {
      this.sawDone = true;
      return;
    }
    const template = this.template;
    if (template.match(data)) {
      if (template.field === 'content') this.pendingContent += template.value;
      else this.pendingReasoning += template.value;
      return;
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      const named = message.event !== undefined && message.event !== 'message';
      // Named side-channel events (`event: ping`) may carry anything; a truncated tail is an interruption.
      if (named || this.atEof) return;
      this.failure = protocolError('relay_bad_json_line', excerpt(data));
      return;
    }
    const reading = this.handleChunk(chunk, message.event);
    if (reading !== undefined) template.learn(data, reading, readText);
  }

  private handleChunk(chunk: unknown, event: string | undefined): ChunkReading | undefined {
    const reading = readChunk(chunk);
    if (reading === undefined) {
      if (event === undefined || event === 'message') {
        const text = excerpt(JSON.stringify(chunk) ?? '');
        this.failure = protocolError('relay_bad_value', text);
      }
      return undefined;
    }
    if (reading.hasError) {
      this.failure = errorFromPayload(chunk, this.ctx);
      return undefined;
    }
    if (reading.content !== undefined) this.pendingContent += reading.content;
    if (reading.reasoning !== undefined) this.pendingReasoning += reading.reasoning;
    if (reading.finishReason !== undefined) {
      this.finishReason = reading.finishReason;
      this.sawFinish = true;
    }
    if (reading.usage !== undefined) this.usage = reading.usage;
    return reading;
  }

  private flushDelta(): void {
    const content = this.pendingContent;
    const reasoning = this.pendingReasoning;
    if (content === '' && reasoning === '') return;
    this.pendingContent = '';
    this.pendingReasoning = '';
    if (reasoning === '') {
      this.content += content;
      this.events.push({ type: 'delta', content });
    } else if (content === '') {
      this.reasoning += reasoning;
      this.events.push({ type: 'delta', reasoning });
    } else {
      this.content += content;
      this.reasoning += reasoning;
      this.events.push({ type: 'delta', content, reasoning });
    }
  }

  private onParseError(error: ParseError): void {
    if (this.failure !== undefined || this.sawDone) return;
    // Lines that are not SSE at all (NDJSON, a bare JSON body) would otherwise vanish silently.
    if (error.type === 'unknown-field' && /^\s*[{[]/.test(error.line ?? '')) {
      this.failure = protocolError('relay_bad_sse_line', excerpt(error.line ?? ''));
    }
  }
}

/** What we use of one parsed chunk; undefined when it is not an object. */
function readChunk(chunk: unknown): ChunkReading | undefined {
  if (!isRecord(chunk)) return undefined;
  const error = chunk['error'];
  const usage = chunk['usage'];
  const reading: ChunkReading = {
    content: undefined,
    reasoning: undefined,
    finishReason: undefined,
    usage: isRecord(usage) ? readUsage(usage) : undefined,
    hasError: error !== undefined && error !== null && error !== false,
  };
  const choices = chunk['choices'];
  // With `n > 1` each chunk carries one choice: the answer is choice 0 (or the one without index).
  const choice: unknown = Array.isArray(choices) ? choices.find(isFirstChoice) : undefined;
  if (!isRecord(choice)) return reading;
  const delta = choice['delta'] ?? choice['message'];
  if (isRecord(delta)) {
    let content = delta['content'];
    const refusal = delta['refusal'];
    if (typeof refusal === 'string' && refusal !== '') {
      content = typeof content === 'string' ? content + refusal : refusal;
    }
    let reasoning = delta['reasoning_content'];
    if (typeof reasoning !== 'string' || reasoning === '') reasoning = delta['reasoning'];
    if (typeof content === 'string' && content !== '') reading.content = content;
    if (typeof reasoning === 'string' && reasoning !== '') reading.reasoning = reasoning;
  }
  const finish = choice['finish_reason'];
  if (typeof finish === 'string' && finish !== '') reading.finishReason = finish;
  return reading;
}

function isFirstChoice(choice: unknown): boolean {
  return isRecord(choice) && (choice['index'] === undefined || choice['index'] === 0);
}

function readText(text: string): ChunkReading | undefined {
  try {
    return readChunk(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

function readUsage(usage: Record<string, unknown>): Usage {
  const prompt = numberOr(usage['prompt_tokens'], 0);
  const completion = numberOr(usage['completion_tokens'], 0);
  return {
    promptTokens: prompt,
    completionTokens: completion,
    totalTokens: numberOr(usage['total_tokens'], prompt + completion),
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function parseLoose(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

export function excerpt(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

/** `excerpt` is what the relay sent, quoted as its own words. */
function protocolError(text: Code, excerpt: string): FleeceError {
  return new FleeceError('protocol', { text, detail: excerpt, hint: coded('hint_stream_format') });
}
