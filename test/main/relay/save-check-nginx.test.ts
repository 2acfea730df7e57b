import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkForSave } from '../../../src/main/relay/save-check';
import {
  startFakeRelay,
  textToTokens,
  tokensScript,
  type FakeRelay,
} from '../../fixtures/fake-relay';
import { startNginx } from '../../fixtures/nginx';

/** What a model answers to the probe's "count from 1 to 60". */
const NUMBERS = textToTokens(Array.from({ length: 60 }, (_, i) => String(i + 1)).join(' '));

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay({ apiKey: 'hsa-good' });
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

const chatRequests = () => relay.requests.filter((r) => r.path.endsWith('/chat/completions'));

describe('check on save through a real nginx', () => {
  it('flags a buffering proxy on the base URL field, with the fix as a hint', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: true });
    try {
      relay.enqueue(tokensScript(NUMBERS, { delayMs: 10 }));
      const result = await checkForSave({
        baseUrl: `${proxy.origin}/v1`,
        apiKey: 'hsa-good',
        model: 'deepseek-chat',
      });
      expect(result.modelCount).toBeGreaterThan(0);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({
        field: 'baseUrl',
        kind: 'buffering',
        hint: { code: 'hint_buffering' },
      });
      expect(['probe_stream_buffered', 'probe_stream_partly_buffered']).toContain(
        result.problems[0]?.text.code,
      );
      // One short answer, capped like the probe's.
      expect(chatRequests()).toHaveLength(1);
      expect(chatRequests()[0]?.body).toMatchObject({ model: 'deepseek-chat', max_tokens: 80 });
    } finally {
      await proxy.close();
    }
  });

  it('finds nothing when nginx passes the stream through (proxy_buffering off)', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: false });
    try {
      relay.enqueue(tokensScript(NUMBERS, { delayMs: 10 }));
      const result = await checkForSave({
        baseUrl: `${proxy.origin}/v1`,
        apiKey: 'hsa-good',
        model: 'deepseek-chat',
      });
      expect(result.problems).toEqual([]);
      expect(chatRequests()).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('does not hold saving up over a short answer, even one that came in blocks', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: true });
    try {
      // Twenty long pieces: some 8 KB that nginx hands over in blocks, but too few to be sure.
      const pieces = Array.from({ length: 20 }, (_, i) => `${i} ${'word '.repeat(60)}`);
      relay.enqueue(tokensScript(pieces, { delayMs: 10 }));
      const result = await checkForSave({
        baseUrl: `${proxy.origin}/v1`,
        apiKey: 'hsa-good',
        model: 'deepseek-chat',
      });
      expect(result.problems).toEqual([]);
      expect(chatRequests()).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('asks for no answer without a model, and never fails saving over a failed answer', async () => {
    const proxy = await startNginx({ upstream: relay.origin, buffering: true });
    try {
      const without = await checkForSave({ baseUrl: `${proxy.origin}/v1`, apiKey: 'hsa-good' });
      expect(without.problems).toEqual([]);
      expect(chatRequests()).toHaveLength(0);
      // A model the relay does not offer: the answer fails, which is not what saving checks.
      const unknown = await checkForSave({
        baseUrl: `${proxy.origin}/v1`,
        apiKey: 'hsa-good',
        model: 'no-such-model',
      });
      expect(unknown.problems).toEqual([]);
      expect(chatRequests()).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});
