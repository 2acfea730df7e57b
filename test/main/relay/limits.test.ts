import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FleeceError, listModels } from '../../../src/main/relay/index';
import {
  answerLimitOptions,
  DEFAULT_MAX_ANSWER_CHARS,
} from '../../../src/main/relay/answer-limits';
import { preferencesPatchSchema } from '../../../src/shared/types/profiles';
import { MAX_MODEL_IDS } from '../../../src/main/relay/models';
import { completionChunk, startFakeRelay, type FakeRelay } from '../../fixtures/fake-relay';
import { run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

const TOKEN = 'Tiết kiệm 中转站 '.repeat(64);

describe('an endless stream', () => {
  it('is cut at the default answer size, keeping at most that much text', async () => {
    relay.enqueue({ type: 'endless', steps: [{ data: completionChunk({ content: TOKEN }) }] });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe('too_large');
    const kept = outcome.error?.partial?.content ?? '';
    expect(kept.length).toBeLessThanOrEqual(DEFAULT_MAX_ANSWER_CHARS);
    expect(kept.length).toBeGreaterThan(DEFAULT_MAX_ANSWER_CHARS - 64 * 1024);
    // What was kept is exactly what was delivered, no more.
    expect(kept === outcome.content).toBe(true);
    await relay.waitForNoConnections(5_000);
  });

  it('counts reasoning with the content against a configured limit', async () => {
    relay.enqueue({
      type: 'endless',
      steps: [
        { data: completionChunk({ reasoning: 'hmm ' }) },
        { data: completionChunk({ content: 'a' }) },
      ],
    });
    const outcome = await run(relay.baseUrl, {}, { maxAnswerChars: 100_000 });
    expect(outcome.error?.code).toBe('too_large');
    const partial = outcome.error?.partial ?? { content: '', reasoning: '' };
    expect(partial.content.length + partial.reasoning.length).toBeLessThanOrEqual(100_000);
    expect(partial.reasoning.length).toBeGreaterThan(0);
  });

  it('a line that never ends is refused instead of buffered', async () => {
    relay.enqueue({
      type: 'endless',
      steps: [{ raw: 'data: {"choices":[{"delta":{"content":"' }, { raw: 'x'.repeat(4096) }],
    });
    const outcome = await run(relay.baseUrl, {}, { maxAnswerChars: 100_000 });
    expect(outcome.error?.code).toBe('too_large');
    expect(outcome.content).toBe('');
    await relay.waitForNoConnections(5_000);
  });

  it('keep-alives forever end at the duration limit, with the text so far', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [{ data: completionChunk({ content: 'Hello' }) }, 'hang'],
    });
    const outcome = await run(relay.baseUrl, {}, { maxDurationMs: 200 });
    expect(outcome.error?.code).toBe('too_long');
    expect(outcome.error?.partial?.content).toBe('Hello');
    await relay.waitForNoConnections(5_000);
  });

  it('a stop by the user stays a stop, not a time limit', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [{ data: completionChunk({ content: 'Hi' }) }, 'hang'],
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const outcome = await run(
      relay.baseUrl,
      {},
      { signal: controller.signal, maxDurationMs: 60_000 },
    );
    expect(outcome.error?.code).toBe('aborted');
  });
});

describe('model lists', () => {
  it(`a 300,000-name list keeps the first ${MAX_MODEL_IDS} names, sorted`, async () => {
    const names = Array.from(
      { length: 300_000 },
      (_, i) => `model-${String(299_999 - i).padStart(6, '0')}`,
    );
    relay.enqueueModels({
      type: 'response',
      status: 200,
      body: { data: names.map((id) => ({ id })) },
    });
    const ids = await listModels({ baseUrl: relay.baseUrl });
    expect(ids).toHaveLength(MAX_MODEL_IDS);
    expect(ids[0]).toBe(`model-${String(300_000 - MAX_MODEL_IDS).padStart(6, '0')}`);
    expect(ids.at(-1)).toBe('model-299999');
  });

  it('a body over the size limit is too_large, not a truncated list', async () => {
    relay.enqueueModels({ type: 'endless', steps: [{ raw: '{"id":"m"},' }] });
    const error = await listModels({ baseUrl: relay.baseUrl }, { maxBodyBytes: 1024 * 1024 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FleeceError);
    expect((error as FleeceError).code).toBe('too_large');
    await relay.waitForNoConnections(5_000);
  });
});

describe('limits from Settings', () => {
  it('default to a few MB and half an hour, and follow what the user set', () => {
    expect(answerLimitOptions({})).toEqual({
      maxAnswerChars: DEFAULT_MAX_ANSWER_CHARS,
      maxDurationMs: 30 * 60_000,
    });
    expect(answerLimitOptions({ answerLimitMb: 1, answerLimitMinutes: 2 })).toEqual({
      maxAnswerChars: 1024 * 1024,
      maxDurationMs: 120_000,
    });
  });

  it('refuses values outside the allowed range at the boundary', () => {
    expect(preferencesPatchSchema.safeParse({ answerLimitMb: 0 }).success).toBe(false);
    expect(preferencesPatchSchema.safeParse({ answerLimitMb: 1e9 }).success).toBe(false);
    expect(preferencesPatchSchema.safeParse({ answerLimitMinutes: 1.5 }).success).toBe(false);
    expect(preferencesPatchSchema.safeParse({ answerLimitMinutes: 10 }).success).toBe(true);
  });
});
