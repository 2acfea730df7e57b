import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  completionChunk,
  startFakeRelay,
  tokensScript,
  usageChunk,
  type FakeRelay,
  type Step,
} from '../../fixtures/fake-relay';
import { run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());
beforeEach(() => relay.reset());

const TOKENS = ['Tiết', ' kiệm', ' chi', ' phí', ' với', ' 中转站', ' 👨‍👩‍👧', ' 🎉'];
const TEXT = TOKENS.join('');

describe('stream parsing', () => {
  it('yields deltas, then usage, then done — done last', async () => {
    relay.enqueue(
      tokensScript(TOKENS, { delayMs: 2, usage: { prompt_tokens: 9, completion_tokens: 8 } }),
    );
    const outcome = await run(relay.baseUrl);
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe(TEXT);
    expect(outcome.events.slice(-2)).toEqual([
      { type: 'usage', promptTokens: 9, completionTokens: 8, totalTokens: 17 },
      { type: 'done', finishReason: 'stop' },
    ]);
    expect(outcome.events.slice(0, -2).every((e) => e.type === 'delta')).toBe(true);
  });

  it('reads reasoning_content (DeepSeek) and reasoning (OpenRouter) apart from content', async () => {
    relay.enqueue(tokensScript(['Answer'], { reasoning: ['Let me ', 'think.'] }));
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: { choices: [{ index: 0, delta: { reasoning: 'Hmm.' }, finish_reason: null }] } },
        { data: completionChunk({ content: 'Ok', finishReason: 'stop' }) },
        'done',
      ],
    });
    const first = await run(relay.baseUrl);
    expect([first.reasoning, first.content]).toEqual(['Let me think.', 'Answer']);
    const second = await run(relay.baseUrl);
    expect([second.reasoning, second.content]).toEqual(['Hmm.', 'Ok']);
  });

  it.each(['lf', 'crlf', 'cr'] as const)(
    'handles %s line ends, byte by byte too',
    async (lineEnding) => {
      relay.enqueue(
        tokensScript(TOKENS, { lineEnding }),
        tokensScript(TOKENS, { lineEnding, chunking: 'byte' }),
      );
      for (let i = 0; i < 2; i++) {
        const outcome = await run(relay.baseUrl);
        expect(outcome.error).toBeUndefined();
        expect(outcome.content).toBe(TEXT);
        expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
      }
    },
  );

  it('skips keep-alive comments, honours event: and id: fields, joins multi-line data', async () => {
    const json = JSON.stringify(completionChunk({ content: ' two' }));
    const half = json.indexOf(',"object"') + 1;
    relay.enqueue({
      type: 'stream',
      steps: [
        { comment: 'keep-alive' },
        { raw: ':\n' },
        { event: 'message', id: '1', data: completionChunk({ content: 'one' }) },
        // One JSON value spread over two `data:` lines: SSE joins them with "\n", valid JSON whitespace.
        { text: `${json.slice(0, half)}\n${json.slice(half)}` },
        { event: 'ping', data: 'not json, and not a chunk' },
        { raw: 'id: 7\nretry: 1000\n\n' },
        { data: completionChunk({ content: ' three', finishReason: 'stop' }) },
        'done',
      ],
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe('one two three');
  });

  it('ignores a leading byte order mark', async () => {
    relay.enqueue(
      tokensScript(TOKENS, { bom: true }),
      tokensScript(TOKENS, { bom: true, chunking: 'byte' }),
    );
    expect((await run(relay.baseUrl)).content).toBe(TEXT);
    expect((await run(relay.baseUrl)).content).toBe(TEXT);
  });

  it('ends at [DONE] even when the relay keeps the connection open, and closes it', async () => {
    const script = tokensScript(['Hello'], { usage: { prompt_tokens: 1, completion_tokens: 1 } });
    relay.enqueue({
      ...script,
      steps: [...script.steps, { data: completionChunk({ content: ' ignored' }) }, 'hang'],
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.content).toBe('Hello');
    expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
    await (
      await relay.waitForRequest()
    ).socketClosed;
  });

  it('a finish_reason without [DONE] is a normal end; "length" is reported', async () => {
    relay.enqueue(tokensScript(['Cut', ' short'], { finishReason: 'length', done: false }));
    const outcome = await run(relay.baseUrl);
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe('Cut short');
    expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'length' });
  });

  it('[DONE] without any finish_reason ends with finishReason null', async () => {
    relay.enqueue(tokensScript(['Ok'], { finishReason: null, usage: null }));
    const outcome = await run(relay.baseUrl);
    expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: null });
  });

  it('no [DONE] and no finish_reason is interrupted, with the partial text', async () => {
    relay.enqueue(
      tokensScript(TOKENS.slice(0, 3), { finishReason: null, usage: null, done: false }),
    );
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe('interrupted');
    expect(outcome.error?.partial).toEqual({ content: 'Tiết kiệm chi', reasoning: '' });
    expect(outcome.content).toBe('Tiết kiệm chi');
  });

  it('a stream cut mid-JSON is interrupted, not a protocol error', async () => {
    const line = `data: ${JSON.stringify(completionChunk({ content: ' lost' }))}`;
    relay.enqueue({
      type: 'stream',
      steps: [{ data: completionChunk({ content: 'kept' }) }, { raw: line.slice(0, 40) }],
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error?.code).toBe('interrupted');
    expect(outcome.error?.partial?.content).toBe('kept');
  });

  it('keeps a last event that lacks its closing blank line', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'A' }) },
        {
          raw: `data: ${JSON.stringify(completionChunk({ content: 'B', finishReason: 'stop' }))}\n`,
        },
      ],
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.error).toBeUndefined();
    expect(outcome.content).toBe('AB');
  });

  it('reads the usage chunk (choices: []) and usage sent on the finish chunk', async () => {
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'Hi' }) },
        {
          data: {
            ...completionChunk({ finishReason: 'stop' }),
            usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
          },
        },
        'done',
      ],
    });
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'Hi', finishReason: 'stop' }) },
        { data: usageChunk(5, 2) },
      ],
    });
    expect((await run(relay.baseUrl)).events.at(-2)).toEqual({
      type: 'usage',
      promptTokens: 3,
      completionTokens: 1,
      totalTokens: 4,
    });
    expect((await run(relay.baseUrl)).events.at(-2)).toEqual({
      type: 'usage',
      promptTokens: 5,
      completionTokens: 2,
      totalTokens: 7,
    });
  });

  it('accepts a whole JSON completion from a relay that ignored stream: true', async () => {
    relay.enqueue({
      type: 'response',
      status: 200,
      body: {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Xin chào!', reasoning_content: 'Greet.' },
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 },
      },
    });
    const outcome = await run(relay.baseUrl);
    expect(outcome.events).toEqual([
      { type: 'delta', content: 'Xin chào!', reasoning: 'Greet.' },
      { type: 'usage', promptTokens: 4, completionTokens: 3, totalTokens: 7 },
      { type: 'done', finishReason: 'stop' },
    ]);
  });

  it('reads an event stream mislabelled as application/json', async () => {
    relay.enqueue({ ...tokensScript(TOKENS), headers: { 'content-type': 'application/json' } });
    const outcome = await run(relay.baseUrl);
    expect(outcome.content).toBe(TEXT);
    expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('with n > 1, reads choice 0 only', async () => {
    const second = {
      ...completionChunk({ content: 'other answer' }),
      choices: [{ index: 1, delta: { content: 'other answer' }, finish_reason: null }],
    };
    relay.enqueue({
      type: 'stream',
      steps: [
        { data: completionChunk({ content: 'A' }) },
        { data: second },
        { data: completionChunk({ content: 'B', finishReason: 'stop' }) },
        'done',
      ],
    });
    expect((await run(relay.baseUrl)).content).toBe('AB');
  });

  it('never yields an empty delta (role-only chunks carry no text)', async () => {
    const steps: Step[] = [
      { data: completionChunk({ role: 'assistant', content: '' }) },
      { data: completionChunk({ content: '' }) },
      { data: completionChunk({ content: 'x', finishReason: 'stop' }) },
      'done',
    ];
    relay.enqueue({ type: 'stream', steps });
    const outcome = await run(relay.baseUrl);
    expect(outcome.events.filter((e) => e.type === 'delta')).toEqual([
      { type: 'delta', content: 'x' },
    ]);
  });
});
