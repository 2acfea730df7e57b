/**
 * The fake relay on a thread of its own, for bench:stall: a real relay is another machine, so
 * its work (turning megabytes of script into bytes) must not count as a stall of the process
 * measured. The script is built here from a description, never copied across.
 */
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { completionChunk, startFakeRelay, tokensScript } from '../test/fixtures/fake-relay';

/** An answer of `pieces` pieces of `pieceChars` characters of `unit`, one every `delayMs`. */
export interface AnswerScript {
  unit: string;
  pieces: number;
  pieceChars: number;
  delayMs: number;
  /** 'done': `[DONE]` without usage; 'hang': the stream stays open until the client stops. */
  ending: 'done' | 'hang';
}

type Request = { type: 'enqueue'; script: AnswerScript } | { type: 'close' };

export interface RelayThread {
  baseUrl: string;
  enqueue(script: AnswerScript): Promise<void>;
  close(): Promise<void>;
}

export async function startRelayThread(): Promise<RelayThread> {
  // The bench runs under tsx (`node --import tsx`): the worker inherits it.
  const worker = new Worker(
    typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url),
  );
  const replies: ((value: unknown) => void)[] = [];
  worker.on('message', (m: unknown) => replies.shift()?.(m));
  const next = <T>(): Promise<T> => new Promise((resolve) => replies.push(resolve as never));
  const baseUrl = await next<string>();
  const ask = async (request: Request): Promise<void> => {
    const reply = next<void>();
    worker.postMessage(request);
    await reply;
  };
  return {
    baseUrl,
    enqueue: (script) => ask({ type: 'enqueue', script }),
    close: async () => {
      await ask({ type: 'close' });
      await worker.terminate();
    },
  };
}

function text(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

async function serve(port: NonNullable<typeof parentPort>): Promise<void> {
  const relay = await startFakeRelay();
  port.on('message', (request: Request) => {
    if (request.type === 'close') {
      void relay.close().then(() => port.postMessage(null));
      return;
    }
    const { unit, pieces, pieceChars, delayMs, ending } = request.script;
    const answer = Array.from({ length: pieces }, () => text(unit, pieceChars));
    relay.enqueue(
      ending === 'done'
        ? tokensScript(answer, { delayMs, usage: null })
        : {
            type: 'stream',
            steps: [
              ...answer.flatMap((p) => [{ delayMs }, { data: completionChunk({ content: p }) }]),
              'hang',
            ],
          },
    );
    port.postMessage(null);
  });
  port.postMessage(relay.baseUrl);
}

if (parentPort) void serve(parentPort);
