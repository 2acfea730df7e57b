import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleeceError, listModels, listModelsCounted } from '../../../src/main/relay/index';
import { ModelCatalog } from '../../../src/main/models/ModelCatalog';
import {
  answerLimitOptions,
  DEFAULT_MAX_ANSWER_CHARS,
} from '../../../src/main/relay/answer-limits';
import {
  ANSWER_LIMIT_MB_MAX,
  preferencesPatchSchema,
  preferencesSchema,
} from '../../../src/shared/types/profiles';
import { MESSAGE_TEXT_MAX } from '../../../src/shared/rules/limits';
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

  it('a 300,000-name list through the model catalog keeps 10,000 names with a notice, also from the cache', async () => {
    const names = Array.from({ length: 300_000 }, (_, i) => `m-${i}`);
    relay.enqueueModels({
      type: 'response',
      status: 200,
      body: { data: [...names, 'm-1', 'm-2'].map((id) => ({ id })) },
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'fleece-models-cap-'));
    try {
      const catalog = new ModelCatalog({
        dataDir,
        fetchModels: () => listModelsCounted({ baseUrl: relay.baseUrl }),
      });
      const fresh = await catalog.list('p1', true);
      expect(fresh.models).toHaveLength(MAX_MODEL_IDS);
      // Duplicates of kept names are not counted as left out.
      expect(fresh.notice).toEqual({
        code: 'models_capped',
        params: { kept: MAX_MODEL_IDS, listed: 300_000 },
      });
      const again = await new ModelCatalog({
        dataDir,
        fetchModels: () => Promise.reject(new Error('not asked')),
      }).list('p1', false);
      expect(again.notice).toEqual(fresh.notice);
      expect(again.models).toEqual(fresh.models);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a list within the cap carries no notice', async () => {
    relay.enqueueModels({
      type: 'response',
      status: 200,
      body: { data: [{ id: 'gpt-4o' }, { id: 'gpt-4o' }, { id: 'deepseek-chat' }] },
    });
    expect(await listModelsCounted({ baseUrl: relay.baseUrl })).toEqual({
      ids: ['deepseek-chat', 'gpt-4o'],
      listed: 2,
    });
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
  it('never let an answer outgrow what a message may hold', () => {
    expect(ANSWER_LIMIT_MB_MAX * 1024 * 1024).toBeLessThanOrEqual(MESSAGE_TEXT_MAX);
    expect(preferencesPatchSchema.safeParse({ answerLimitMb: ANSWER_LIMIT_MB_MAX }).success).toBe(
      true,
    );
    expect(
      preferencesPatchSchema.safeParse({ answerLimitMb: ANSWER_LIMIT_MB_MAX + 1 }).success,
    ).toBe(false);
    // A value saved when the maximum was higher is lowered, and the other preferences stay.
    const stored = preferencesSchema.parse({ language: 'vi', theme: 'dark', answerLimitMb: 64 });
    expect(stored).toMatchObject({ language: 'vi', answerLimitMb: ANSWER_LIMIT_MB_MAX });
    expect(answerLimitOptions({ answerLimitMb: 64 }).maxAnswerChars).toBeLessThanOrEqual(
      MESSAGE_TEXT_MAX,
    );
  });

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
