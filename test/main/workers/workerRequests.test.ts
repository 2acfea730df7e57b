import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerRequests } from '../../../src/main/workers/workerRequests';

// Replies to { id, n } with n * 2, the later request first; exits on n < 0, fails on n = 0.
const SOURCE = `
const { parentPort } = require('node:worker_threads');
const held = [];
parentPort.on('message', ({ id, n }) => {
  if (n < 0) process.exit(3);
  if (n === 0) return parentPort.postMessage({ id, error: 'zero' });
  held.push({ id, n });
  if (held.length === 2) for (const r of held.splice(0).reverse()) parentPort.postMessage({ id: r.id, value: r.n * 2 });
});
`;

let open: WorkerRequests<number> | null = null;
afterEach(async () => {
  await open?.close(new Error('test over'));
  open = null;
});

function doubler(): { requests: WorkerRequests<number>; spawned: () => number } {
  let spawned = 0;
  const requests = new WorkerRequests<number>({
    name: 'doubler',
    spawn: () => {
      spawned += 1;
      return new Worker(SOURCE, { eval: true });
    },
    read: (message) => {
      const reply = message as { id: number; value?: number; error?: string };
      return reply.value === undefined
        ? { id: reply.id, ok: false, error: new Error(reply.error) }
        : { id: reply.id, ok: true, value: reply.value };
    },
  });
  open = requests;
  return { requests, spawned: () => spawned };
}

const ask = (requests: WorkerRequests<number>, n: number) =>
  requests.request((id) => ({ message: { id, n } }));

describe('WorkerRequests', () => {
  it('matches replies to their requests by id, in whatever order they come', async () => {
    const { requests, spawned } = doubler();
    await expect(Promise.all([ask(requests, 5), ask(requests, 7)])).resolves.toEqual([10, 14]);
    expect(spawned()).toBe(1);
  });

  it('rejects a request the worker reports as failed, and keeps the worker', async () => {
    const { requests, spawned } = doubler();
    await expect(ask(requests, 0)).rejects.toThrow('zero');
    await expect(Promise.all([ask(requests, 1), ask(requests, 2)])).resolves.toEqual([2, 4]);
    expect(spawned()).toBe(1);
  });

  it('fails every pending request when the worker dies, and starts a new one after', async () => {
    const { requests, spawned } = doubler();
    const waiting = expect(ask(requests, 4)).rejects.toThrow('doubler exited with code 3');
    await expect(ask(requests, -1)).rejects.toThrow('doubler exited with code 3');
    await waiting;
    await expect(Promise.all([ask(requests, 3), ask(requests, 6)])).resolves.toEqual([6, 12]);
    expect(spawned()).toBe(2);
  });

  it('fails pending requests with the reason given when closed', async () => {
    const { requests } = doubler();
    const waiting = expect(ask(requests, 9)).rejects.toThrow('closing now');
    await requests.close(new Error('closing now'));
    await waiting;
  });
});
