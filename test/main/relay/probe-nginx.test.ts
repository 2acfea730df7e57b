import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe, streamChat } from '../../../src/main/relay/index';
import { collect } from './helpers';
import {
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { startNginx, type NginxProxy } from '../../fixtures/nginx';

const RUNS = 10;
/** What a model answers to the probe's "count from 1 to 60", at a brisk 100 tokens/s. */
const NUMBERS = textToTokens(Array.from({ length: 60 }, (_, i) => String(i + 1)).join(' '));

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());

/** Probes through `proxy` RUNS times; returns each run's verdict. */
async function probeRuns(proxy: NginxProxy, headers: Record<string, string> = {}) {
  const verdicts: (string | null)[] = [];
  for (let i = 0; i < RUNS; i++) {
    relay.reset();
    relay.enqueue(tokensScript(NUMBERS, { delayMs: 10, headers }));
    const result = await probe({ baseUrl: `${proxy.origin}/v1`, model: 'deepseek-chat' });
    expect(result.ttftMs).not.toBeNull();
    verdicts.push(result.buffering);
  }
  return verdicts;
}

function count(verdicts: (string | null)[], pick: (v: string | null) => boolean): number {
  return verdicts.filter(pick).length;
}

describe('Test connection through a real nginx', () => {
  it('default nginx (proxy_buffering on): buffering found in every run', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: true });
    try {
      const verdicts = await probeRuns(proxy);
      const found = count(verdicts, (v) => v === 'buffered' || v === 'partly');
      console.log(
        `nginx proxy_buffering on: buffering detected ${found}/${RUNS} (${verdicts.join(', ')})`,
      );
      expect(found).toBe(RUNS);
    } finally {
      await proxy.close();
    }
  });

  it('proxy_buffering off: no false warning', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: false });
    try {
      const verdicts = await probeRuns(proxy);
      const warned = count(verdicts, (v) => v !== 'streams');
      console.log(`nginx proxy_buffering off: false warnings ${warned}/${RUNS}`);
      expect(warned).toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('X-Accel-Buffering: no from the relay: no false warning', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: true });
    try {
      const verdicts = await probeRuns(proxy, { 'X-Accel-Buffering': 'no' });
      const warned = count(verdicts, (v) => v !== 'streams');
      console.log(`nginx with X-Accel-Buffering: no: false warnings ${warned}/${RUNS}`);
      expect(warned).toBe(0);
    } finally {
      await proxy.close();
    }
  });
});

describe('a chat through a buffering nginx', () => {
  it('still completes with every token, in order, and a finish', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: true });
    try {
      relay.reset();
      relay.enqueue(tokensScript(NUMBERS, { delayMs: 5 }));
      const outcome = await collect(
        streamChat(
          {
            baseUrl: `${proxy.origin}/v1`,
            model: 'deepseek-chat',
            messages: [{ role: 'user', content: 'count' }],
          },
          { maxRetries: 0 },
        ),
      );
      console.log(`nginx proxy_buffering on: chat ended with ${outcome.events.length} events`);
      expect(outcome.error).toBeUndefined();
      expect(outcome.content).toBe(NUMBERS.join(''));
      expect(outcome.events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
    } finally {
      await proxy.close();
    }
  });
});
