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
    expect(outcome.error?.code).toBe('network');
    expect(outcome.error?.text.code).not.toBe('relay_cut_off');
    expect(outcome.error?.hint?.code).not.toBe('hint_continue');
  });

  it('a stream that ends before any text is no_answer, not "cut off"', async () => {
    relay.enqueue({ type: 'stream', steps: [role] });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe('no_answer');
    expect(outcome.error?.text).toEqual({ code: 'relay_closed_before_text' });
    expect(outcome.error?.hint).toEqual({ code: 'hint_nothing_arrived' });
  });

  it('a stall before any text is "slow to start answering", with nothing kept', async () => {
    relay.enqueue({ type: 'stream', steps: [role, 'hang'] });
    const outcome = await run(relay.baseUrl, {}, { idleTimeoutMs: 100 });
    expect(outcome.error?.code).toBe('timeout_first_byte');
    expect(outcome.error?.hint?.code).not.toBe('hint_continue');
  });

  it('once text arrived, a cut is "cut off" and a stall keeps the text', async () => {
    relay.enqueue({ type: 'stream', steps: [role, text, 'cut'] });
    const cut = await run(relay.baseUrl);
    expect(cut.error?.code).toBe('interrupted');
    expect(cut.error?.partial?.content).toBe('Xin chào');

    relay.enqueue({ type: 'stream', steps: [role, text, 'hang'] });
    const stalled = await run(relay.baseUrl, {}, { idleTimeoutMs: 100 });
    expect(stalled.error?.code).toBe('timeout_idle');
    expect(stalled.error?.hint).toEqual({ code: 'hint_continue' });
  });
});
