import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamChat } from '../../../src/main/relay/index';
import { chatRequest, collect } from './helpers';

// A relay on its own thread, so it keeps sending while this thread is blocked: 30 tokens, one
// every 40 ms, never a pause near the idle timeout.
const RELAY_SOURCE = `
const { parentPort } = require('node:worker_threads');
const http = require('node:http');
const chunk = (delta, finish) => 'data: ' + JSON.stringify({
  id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm',
  choices: [{ index: 0, delta, finish_reason: finish || null }],
}) + '\\n\\n';
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chunk({ role: 'assistant', content: '' }));
    let n = 0;
    const timer = setInterval(() => {
      if (n < 30) { res.write(chunk({ content: 't' + n + ' ' })); n++; return; }
      clearInterval(timer);
      res.write(chunk({}, 'stop'));
      res.end('data: [DONE]\\n\\n');
    }, 40);
    res.on('close', () => clearInterval(timer));
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

let worker: Worker;
let baseUrl: string;
beforeAll(async () => {
  worker = new Worker(RELAY_SOURCE, { eval: true });
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  baseUrl = `http://127.0.0.1:${port}/v1`;
});
afterAll(() => worker.terminate());

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // A long task in this process (a big synchronous job): nothing else runs meanwhile.
  }
}

describe('the idle timer and a busy process', () => {
  it('a stream is not timed out for time this process spent blocked', async () => {
    let blocked = false;
    const watched = (async function* () {
      for await (const event of streamChat(chatRequest(baseUrl), {
        idleTimeoutMs: 250,
        maxRetries: 0,
      })) {
        if (!blocked && event.type === 'delta' && event.content) {
          blocked = true;
          // Block well past the idle timeout while the next read is pending; the relay keeps
          // sending. (After I/O, as when another stream's work blocks: timers run next, then I/O.)
          setImmediate(() => blockFor(900));
        }
        yield event;
      }
    })();
    const outcome = await collect(watched);
    expect(blocked).toBe(true);
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe(Array.from({ length: 30 }, (_, i) => `t${i} `).join(''));
    expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });
});
