import { answerTooLarge, maxIdleBytes, readWhole } from './answer-limits';
import { AttemptControl } from './attempt-control';
import { endpointUrl } from './base-url';
import { BodyReader, readText } from './body-reader';
import { ChatStreamParser } from './chat-stream-parser';
import { describeErrorBody } from './error-body';
import { baseUrlHint, errorFromHttp, type ErrorContext } from './http-errors';
import { FleeceError, type PartialText } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { send } from './transport';
import type { FetchLike, RelayEvent, RelayRequest } from './types';

const ERROR_BODY_LIMIT = 64 * 1024;

export interface AttemptSettings {
  fetch: FetchLike;
  signal: AbortSignal | undefined;
  connectTimeoutMs: number;
  firstByteTimeoutMs: number;
  idleTimeoutMs: number;
  maxAnswerChars: number;
}

/**
 * One POST /chat/completions against one base URL. The caller drives it: `take()` for events
 * ready now, else `accept(await read())`. Split this way so a chunk costs one promise, not three.
 */
export class ChatAttempt {
  private readonly control: AttemptControl;
  private readonly ctx: ErrorContext;
  private readonly parser: ChatStreamParser;
  private reader: BodyReader | undefined;
  private ended = false;
  private eof = false;
  /** A body read whole in `open` (not streamed), parsed by the first `take`. */
  private wholeBody: (() => void) | undefined;
  /** True once the response was a 200 stream: from here on, failures carry the partial text. */
  bodyStarted = false;
  /** Bytes read since the answer's text last grew (see `maxIdleBytes`). */
  private bytesWithoutText = 0;

  constructor(
    private readonly request: RelayRequest,
    private readonly baseUrl: string,
    private readonly settings: AttemptSettings,
  ) {
    this.control = new AttemptControl(settings.signal, {
      connectMs: settings.connectTimeoutMs,
      idleMs: settings.idleTimeoutMs,
      firstByteMs: settings.firstByteTimeoutMs,
    });
    const url = endpointUrl(baseUrl, 'chat/completions');
    this.ctx = { baseUrl, url, model: request.model, ...keyOf(request) };
    this.parser = new ChatStreamParser(this.ctx);
  }

  get partial(): PartialText {
    return { content: this.parser.content, reasoning: this.parser.reasoning };
  }

  async open(): Promise<void> {
    const { fetch, connectTimeoutMs, firstByteTimeoutMs, idleTimeoutMs } = this.settings;
    const body = JSON.stringify({
      ...this.request.params,
      model: this.request.model,
      messages: this.request.messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const { response, url } = await send(
      {
        url: this.ctx.url,
        method: 'POST',
        accept: 'text/event-stream',
        body,
        ...keyOf(this.request),
      },
      fetch,
      this.control,
      { connectMs: connectTimeoutMs, firstByteMs: firstByteTimeoutMs },
    );
    const reader = new BodyReader(response.body, this.control, idleTimeoutMs, url);
    if (!response.ok) {
      const text = await readText(reader, ERROR_BODY_LIMIT);
      throw errorFromHttp(response.status, response.statusText, response.headers, text, {
        ...this.ctx,
        url,
      });
    }
    const type = response.headers.get('content-type') ?? '';
    if (/json/i.test(type)) return this.acceptJsonBody(reader, type);
    if (/html/i.test(type)) {
      const page = describeErrorBody(await readText(reader, ERROR_BODY_LIMIT), type);
      throw new FleeceError('protocol', {
        text: 'relay_web_page_not_stream',
        ...(page.message === undefined ? {} : { detail: page.message }),
        status: response.status,
        hint: baseUrlHint(this.baseUrl),
      });
    }
    this.reader = reader;
    this.bodyStarted = true;
  }

  /**
   * Events available without reading: `null` when a read is needed, `undefined` once finished.
   * Throws the stream's failure (after the events that preceded it were taken).
   */
  take(): RelayEvent[] | null | undefined {
    const parser = this.parser;
    parser.events.length = 0;
    if (this.ended) return undefined;
    if (this.control.reason !== undefined) throw this.control.error();
    const wholeBody = this.wholeBody;
    if (wholeBody !== undefined) {
      this.wholeBody = undefined;
      this.eof = true;
      wholeBody();
      this.checkWholeSize();
      return parser.events.length > 0 && !parser.sawDone ? parser.events : this.end();
    }
    if (parser.failure !== undefined) throw parser.failure;
    if (this.eof || this.reader === undefined || !this.reader.active) return this.end();
    return null;
  }

  /** Reads the next chunk; pass the outcome to `accept` (or a rejection to `readFailure`). */
  read(): ReturnType<BodyReader['readRaw']> {
    return (this.reader as BodyReader).readRaw();
  }

  readFailure(error: unknown): FleeceError {
    return (this.reader as BodyReader).failure(error);
  }

  /** Parses a chunk. Returns the events it completed (possibly none). */
  accept(result: Awaited<ReturnType<BodyReader['readRaw']>>): RelayEvent[] {
    const reader = this.reader as BodyReader;
    const parser = this.parser;
    const chunk = reader.settle(result);
    if (chunk === undefined) {
      parser.end();
      this.eof = true;
      // Deltas dispatched by the flush go out before the verdict (done or interrupted).
      return parser.events.length > 0 && !parser.sawDone ? parser.events : this.end();
    }
    const contentBefore = parser.content.length;
    const reasoningBefore = parser.reasoning.length;
    parser.feed(chunk);
    this.checkSize(chunk.byteLength, contentBefore, reasoningBefore);
    if (parser.sawDone) {
      // `[DONE]` ends the answer even if the relay keeps the connection open.
      reader.cancel();
      return this.end();
    }
    return parser.events;
  }

  /** Release the connection; safe to call more than once. */
  dispose(): void {
    this.reader?.cancel();
    this.control.dispose();
  }

  /**
   * Stops an answer that passed the size limit. The text keeps what was delivered before this
   * chunk, so what is stored never exceeds the limit and stays a prefix of what was shown.
   */
  private checkSize(bytes: number, contentBefore: number, reasoningBefore: number): void {
    const parser = this.parser;
    const limit = this.settings.maxAnswerChars;
    const grew =
      parser.content.length !== contentBefore || parser.reasoning.length !== reasoningBefore;
    this.bytesWithoutText = grew ? 0 : this.bytesWithoutText + bytes;
    const tooMuchText = parser.content.length + parser.reasoning.length > limit;
    if (!tooMuchText && this.bytesWithoutText <= maxIdleBytes(limit)) return;
    parser.content = parser.content.slice(0, contentBefore);
    parser.reasoning = parser.reasoning.slice(0, reasoningBefore);
    parser.events.length = 0;
    this.reader?.cancel();
    throw answerTooLarge(limit);
  }

  private checkWholeSize(): void {
    const parser = this.parser;
    const limit = this.settings.maxAnswerChars;
    if (parser.content.length + parser.reasoning.length <= limit) return;
    parser.reasoning = parser.reasoning.slice(0, limit);
    parser.content = parser.content.slice(0, limit - parser.reasoning.length);
    parser.events.length = 0;
    throw answerTooLarge(limit);
  }

  private end(): RelayEvent[] {
    const parser = this.parser;
    if (parser.failure !== undefined) throw parser.failure;
    if (!parser.sawDone && !parser.sawFinish) {
      throw new FleeceError('interrupted', { text: 'relay_cut_off', hint: coded('hint_continue') });
    }
    this.ended = true;
    parser.finish();
    return parser.events;
  }

  /**
   * A JSON answer: the whole completion from a relay that ignored `stream: true`, or an event
   * stream mislabelled as JSON (read whole then, but not a token lost).
   */
  private async acceptJsonBody(reader: BodyReader, type: string): Promise<void> {
    // A whole answer is JSON-escaped text: allow for the escaping, then the size check applies.
    const limit = maxIdleBytes(this.settings.maxAnswerChars);
    const text = await readWhole(reader, limit, this.ctx.url);
    const parser = this.parser;
    if (/^\s*(data|event|id|retry)?:/.test(text)) {
      this.bodyStarted = true;
      this.wholeBody = () => {
        parser.feed(new TextEncoder().encode(text));
        parser.end();
      };
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(text) as unknown;
    } catch {
      const info = describeErrorBody(text, type);
      throw new FleeceError('protocol', {
        text: 'relay_not_stream',
        ...(info.message === undefined ? {} : { detail: info.message }),
      });
    }
    this.bodyStarted = true;
    this.wholeBody = () => parser.acceptCompletion(payload);
  }
}

function keyOf(request: { apiKey?: string }): { apiKey?: string } {
  return request.apiKey === undefined ? {} : { apiKey: request.apiKey };
}
