import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamChat, type StreamOptions } from '../../../src/main/relay/index';
import {
  startFakeRelay,
  textToTokens,
  toActions,
  tokensScript,
  type FakeRelay,
  type StreamScript,
} from '../../fixtures/fake-relay';
import { chatRequest, collect, memoryFetch, run } from './helpers';

let relay: FakeRelay;
beforeAll(async () => {
  relay = await startFakeRelay();
});
afterAll(() => relay.close());

const ANSWER = 'Tiết kiệm chi phí với 中转站 — cả nhà 👨‍👩‍👧 vui 🎉! Giá chỉ $0.42.';
const THOUGHT = 'Người dùng hỏi về 中转站 🤔';

function bytesOf(script: StreamScript): Buffer {
  return Buffer.concat(
    toActions(script).flatMap((a) => (typeof a === 'object' && 'write' in a ? [a.write] : [])),
  );
}

async function readSplit(bytes: Buffer, cuts: number[], options: StreamOptions = {}) {
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(new Uint8Array(bytes.subarray(start, cut)));
    start = cut;
  }
  return collect(
    streamChat(chatRequest('http://relay.test/v1'), {
      fetch: memoryFetch(chunks),
      maxRetries: 0,
      ...options,
    }),
  );
}

describe('lossless under any chunking', () => {
  it.each(['lf', 'crlf', 'cr'] as const)(
    'Vietnamese, Chinese and emoji split into 2 chunks at every byte offset (%s)',
    async (lineEnding) => {
      const script = tokensScript(textToTokens(ANSWER), {
        reasoning: textToTokens(THOUGHT),
        lineEnding,
        bom: true,
      });
      const bytes = bytesOf(script);
      let checked = 0;
      for (let offset = 1; offset < bytes.length; offset++) {
        const outcome = await readSplit(bytes, [offset]);
        if (
          outcome.content !== ANSWER ||
          outcome.reasoning !== THOUGHT ||
          outcome.error !== undefined
        ) {
          expect({
            offset,
            content: outcome.content,
            reasoning: outcome.reasoning,
            error: outcome.error?.text,
          }).toEqual({
            offset,
            content: ANSWER,
            reasoning: THOUGHT,
            error: undefined,
          });
        }
        expect(outcome.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
        checked++;
      }
      expect(checked).toBe(bytes.length - 1);
    },
  );

  it('the same stream in 1-byte reads (memory) and 1-byte writes (loopback)', async () => {
    const script = tokensScript(textToTokens(ANSWER), {
      reasoning: textToTokens(THOUGHT),
      lineEnding: 'crlf',
    });
    const bytes = bytesOf(script);
    const everyByte = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    const fromMemory = await readSplit(bytes, everyByte);
    expect([fromMemory.content, fromMemory.reasoning]).toEqual([ANSWER, THOUGHT]);

    relay.enqueue({ ...script, chunking: 'byte' });
    const overTcp = await run(relay.baseUrl);
    expect([overTcp.content, overTcp.reasoning]).toEqual([ANSWER, THOUGHT]);
    expect(overTcp.events.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('a single 8 MiB event, over loopback and in odd-sized reads', async () => {
    const unit = 'Tiết kiệm 中转站 👨‍👩‍👧 ';
    const content = unit.repeat(Math.ceil((8 * 1024 * 1024) / Buffer.byteLength(unit)));
    expect(Buffer.byteLength(content)).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    const script = tokensScript([content], { usage: null });

    relay.enqueue(script);
    // Above the default answer-size limit on purpose: this is about parsing, the limit is raised.
    const raised = { maxAnswerChars: 16 * 1024 * 1024 };
    const overTcp = await run(relay.baseUrl, {}, raised);
    expect(overTcp.error).toBeUndefined();
    expect(overTcp.content.length).toBe(content.length);
    expect(overTcp.content === content).toBe(true);

    const bytes = bytesOf(script);
    const cuts: number[] = [];
    for (let at = 997; at < bytes.length; at += 997) cuts.push(at);
    const inReads = await readSplit(bytes, cuts, raised);
    expect(inReads.content === content).toBe(true);
  });

  it('a 100,000-token stream arrives whole, with its usage', async () => {
    const words = textToTokens(`${ANSWER} `);
    const tokens = Array.from({ length: 100_000 }, (_, i) => words[i % words.length] ?? '');
    relay.enqueue(
      tokensScript(tokens, { usage: { prompt_tokens: 20, completion_tokens: 100_000 } }),
    );
    const outcome = await run(relay.baseUrl);
    expect(outcome.error).toBeUndefined();
    expect(outcome.content === tokens.join('')).toBe(true);
    expect(outcome.events.at(-2)).toEqual({
      type: 'usage',
      promptTokens: 20,
      completionTokens: 100_000,
      totalTokens: 100_020,
    });
  });
});
