import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { completionChunk, startFakeRelay, type FakeRelay } from '../../fixtures/fake-relay';
import { run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

const role = { data: completionChunk({ role: 'assistant', content: '' }) };
const text = { data: completionChunk({ content: 'Xin chào' }) };

describe('a failure before any text says so, and never "the text so far is kept"', () => {
  it('a connection cut before any text is a network failure, not "cut off"', async () => {
    relay.enqueue({ type: 'stream', steps: [role, 'cut'] });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.kind).toBe('network');
    expect(`${outcome.error?.message} ${outcome.error?.hint}`).not.toMatch(/cut off|kept/);
  });

  it('a stream that ends before any text is no_answer, not "cut off"', async () => {
    relay.enqueue({ type: 'stream', steps: [role] });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.kind).toBe('no_answer');
    expect(outcome.error?.message).toBe('The relay closed the stream before sending any text.');
    expect(`${outcome.error?.message} ${outcome.error?.hint}`).not.toMatch(/cut off|kept/);
  });

  it('a stall before any text is "slow to start answering", with nothing kept', async () => {
    relay.enqueue({ type: 'stream', steps: [role, 'hang'] });
    const outcome = await run(relay.baseUrl, {}, { idleTimeoutMs: 100 });
    expect(outcome.error?.kind).toBe('timeout_first_byte');
    expect(outcome.error?.hint).not.toMatch(/kept/);
  });

  it('once text arrived, a cut is "cut off" and a stall keeps the text', async () => {
    relay.enqueue({ type: 'stream', steps: [role, text, 'cut'] });
    const cut = await run(relay.baseUrl);
    expect(cut.error?.kind).toBe('interrupted');
    expect(cut.error?.partial?.content).toBe('Xin chào');

    relay.enqueue({ type: 'stream', steps: [role, text, 'hang'] });
    const stalled = await run(relay.baseUrl, {}, { idleTimeoutMs: 100 });
    expect(stalled.error?.kind).toBe('timeout_idle');
    expect(stalled.error?.hint).toMatch(/kept/);
  });
});
