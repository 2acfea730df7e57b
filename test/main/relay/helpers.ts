import { createServer } from 'node:net';
import {
  FleeceError,
  streamChat,
  type FetchLike,
  type RelayEvent,
  type RelayRequest,
  type StreamOptions,
} from '../../../src/main/relay/index';

export interface Outcome {
  events: RelayEvent[];
  content: string;
  reasoning: string;
  error: FleeceError | undefined;
}

/** Runs a stream to its end and keeps everything it produced, including a thrown FleeceError. */
export async function collect(iterable: AsyncIterable<RelayEvent>): Promise<Outcome> {
  const outcome: Outcome = { events: [], content: '', reasoning: '', error: undefined };
  try {
    for await (const event of iterable) {
      outcome.events.push(event);
      if (event.type === 'delta') {
        outcome.content += event.content ?? '';
        outcome.reasoning += event.reasoning ?? '';
      }
    }
  } catch (error) {
    if (!(error instanceof FleeceError)) throw error;
    outcome.error = error;
  }
  return outcome;
}

export function chatRequest(baseUrl: string, extra: Partial<RelayRequest> = {}): RelayRequest {
  return {
    baseUrl,
    model: 'deepseek-chat',
    messages: [{ role: 'user', content: 'Xin chào' }],
    ...extra,
  };
}

export function run(
  baseUrl: string,
  extra: Partial<RelayRequest> = {},
  options: StreamOptions = {},
): Promise<Outcome> {
  return collect(streamChat(chatRequest(baseUrl, extra), { maxRetries: 0, ...options }));
}

/** A fetch answering with these body chunks from memory (exact chunk boundaries, no network). */
export function memoryFetch(
  chunks: Uint8Array[],
  headers: Record<string, string> = { 'content-type': 'text/event-stream' },
): FetchLike {
  return () => {
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    });
    return Promise.resolve(new Response(body, { status: 200, headers }));
  };
}

/**
 * Node's fetch, with requests for `host` sent to a loopback origin instead (like a hosts-file
 * entry): lets a test use the real HolySheep base URL against the fake relay.
 */
export function routedFetch(host: string, origin: string): FetchLike {
  return (url, init) => {
    const target = new URL(url);
    const rewritten = target.host === host ? `${origin}${target.pathname}${target.search}` : url;
    return fetch(rewritten, init);
  };
}

export function text(event: RelayEvent | undefined): string | undefined {
  return event?.type === 'delta' ? event.content : undefined;
}

/** A loopback port nothing listens on (connections are refused). */
export function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
