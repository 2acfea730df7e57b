import { describe, expect, it } from 'vitest';
import type { FleeceBridge } from '../../../src/shared/contract';
import { createClient } from '../../../src/renderer/src/api/client';
import { sendStartupReads } from '../../../src/renderer/src/api/startupRequests';

/** A bridge that records each invoke and answers with a counter, so answers can be told apart. */
function countingBridge() {
  const calls: { route: string; input: unknown }[] = [];
  const bridge = {
    invoke: (route: string, input: unknown) => {
      calls.push({ route, input });
      return Promise.resolve({ ok: true, data: { route, n: calls.length } });
    },
    on: () => () => undefined,
  } as unknown as FleeceBridge;
  return { bridge, calls };
}

describe('start-up reads', () => {
  it('are sent at once, before anything asks for them', () => {
    const { bridge, calls } = countingBridge();
    sendStartupReads(bridge);
    expect(calls.map((c) => c.route)).toEqual([
      'app.info',
      'preferences.get',
      'profiles.list',
      'conversations.list',
      'onboarding.detect',
    ]);
    expect(calls.find((c) => c.route === 'conversations.list')?.input).toEqual({ limit: 100 });
  });

  it('answer the first identical call only; later calls go to main again', async () => {
    const { bridge, calls } = countingBridge();
    const client = createClient(bridge, sendStartupReads(bridge));
    const first = await client.call('conversations.list', { limit: 100 });
    expect(calls).toHaveLength(5);
    expect(first).toEqual({ ok: true, data: { route: 'conversations.list', n: 4 } });
    const second = await client.call('conversations.list', { limit: 100 });
    expect(calls).toHaveLength(6);
    expect(second).toEqual({ ok: true, data: { route: 'conversations.list', n: 6 } });
  });

  it('do not answer a call with other input', async () => {
    const { bridge, calls } = countingBridge();
    const client = createClient(bridge, sendStartupReads(bridge));
    await client.call('conversations.list', { limit: 20 });
    expect(calls).toHaveLength(6);
    expect(calls[5]).toEqual({ route: 'conversations.list', input: { limit: 20 } });
  });

  it('are forgotten once cleared, so nothing stale is handed out later', async () => {
    const { bridge, calls } = countingBridge();
    const early = sendStartupReads(bridge);
    const client = createClient(bridge, early);
    early.clear();
    const info = await client.call('app.info', {});
    expect(calls).toHaveLength(6);
    expect(info).toEqual({ ok: true, data: { route: 'app.info', n: 6 } });
  });

  it('a read that failed reaches its caller as the usual internal error', async () => {
    const bridge = {
      invoke: () => Promise.reject(new Error('gone')),
      on: () => () => undefined,
    } as unknown as FleeceBridge;
    const client = createClient(bridge, sendStartupReads(bridge));
    const res = await client.call('preferences.get', {});
    expect(res).toEqual({ ok: false, error: { code: 'internal', text: { code: 'internal' } } });
  });
});
