import { describe, expect, it } from 'vitest';
import {
  answerReserve,
  contextMessages,
  contextWindowOf,
  parseContextTokens,
  parseContextTurns,
  planContext,
  systemPromptTokens,
  UNKNOWN_CONTEXT_TOKENS,
  type ContextMessage,
} from '../../../src/shared/rules/contextTrim';
import { estimateTextTokens } from '../../../src/shared/rules/tokenEstimate';

/** `turns` question/answer pairs of `each` tokens per message, then a newest question. */
function conversation(turns: number, each: number, question = each): ContextMessage[] {
  const out: ContextMessage[] = [];
  for (let i = 0; i < turns; i++) {
    out.push({ id: `q${i}`, role: 'user', tokens: each });
    out.push({ id: `a${i}`, role: 'assistant', tokens: each });
  }
  out.push({ id: 'now', role: 'user', tokens: question });
  return out;
}

describe('planContext', () => {
  it('sends everything when it fits', () => {
    const plan = planContext({
      systemTokens: 10,
      messages: conversation(3, 100),
      windowTokens: 8_000,
      maxTurns: null,
      reserveTokens: 1_000,
    });
    expect(plan).toMatchObject({ start: 0, droppedTurns: 0, reason: 'none', fits: true });
    expect(plan.promptTokens).toBe(10 + 7 * 100);
    expect(plan.fullTokens).toBe(plan.promptTokens);
  });

  it('drops the oldest whole turns until the prompt and the reserve fit', () => {
    // 5 past turns of 200 + the question (100) + system (50) = 1,150; window 1,500 - reserve 500.
    const messages = conversation(5, 100);
    const plan = planContext({
      systemTokens: 50,
      messages,
      windowTokens: 1_500,
      maxTurns: null,
      reserveTokens: 500,
    });
    // One turn less is 950: enough, so no more goes.
    expect(plan).toMatchObject({ start: 2, droppedTurns: 1, reason: 'window', fits: true });
    expect(plan.promptTokens).toBe(950);
    expect(plan.fullTokens).toBe(1_150);
    expect(messages[plan.start]?.id).toBe('q1');
  });

  it('always keeps the system prompt and the newest question, and says when even they do not fit', () => {
    const messages = conversation(2, 100, 5_000);
    const plan = planContext({
      systemTokens: 300,
      messages,
      windowTokens: 4_000,
      maxTurns: null,
      reserveTokens: 500,
    });
    expect(plan.start).toBe(messages.length - 1);
    expect(plan.droppedTurns).toBe(2);
    expect(plan.promptTokens).toBe(5_300);
    expect(plan.fits).toBe(false);
  });

  it("applies the conversation's limit on past turns", () => {
    const messages = conversation(6, 10);
    const plan = planContext({
      systemTokens: 0,
      messages,
      windowTokens: 128_000,
      maxTurns: 2,
    });
    expect(plan.reason).toBe('turns');
    expect(plan.droppedTurns).toBe(4);
    expect(messages[plan.start]?.id).toBe('q4');
    expect(
      planContext({ systemTokens: 0, messages, windowTokens: 128_000, maxTurns: 0 }).start,
    ).toBe(messages.length - 1);
    // A limit above the conversation's length changes nothing.
    expect(
      planContext({ systemTokens: 0, messages, windowTokens: 128_000, maxTurns: 50 }).reason,
    ).toBe('none');
  });

  it('keeps a continued answer with its question (the newest turn)', () => {
    const messages: ContextMessage[] = [
      { id: 'q0', role: 'user', tokens: 900 },
      { id: 'a0', role: 'assistant', tokens: 900 },
      { id: 'q1', role: 'user', tokens: 10 },
      { id: 'a1', role: 'assistant', tokens: 500 },
    ];
    const plan = planContext({
      systemTokens: 0,
      messages,
      windowTokens: 1_200,
      maxTurns: null,
      reserveTokens: 100,
    });
    expect(plan.start).toBe(2);
    expect(plan.promptTokens).toBe(510);
  });

  it('handles an empty prompt', () => {
    expect(
      planContext({ systemTokens: 0, messages: [], windowTokens: 8_192, maxTurns: 3 }),
    ).toMatchObject({ start: 0, droppedTurns: 0, fits: true });
  });
});

describe('contextMessages', () => {
  it("counts attachments' estimated tokens and sends nothing for empty messages", () => {
    const [withImage, withText, empty] = contextMessages([
      {
        id: 'a',
        role: 'user',
        content: 'look',
        attachments: [{ kind: 'image', width: 512, height: 512, textChars: null }],
      },
      {
        id: 'b',
        role: 'user',
        content: 'read',
        attachments: [{ kind: 'text', width: null, height: null, textChars: 3_000 }],
      },
      { id: 'c', role: 'assistant', content: '', attachments: [] },
    ]);
    // 4 framing + 1 text + 255 for one 512-px tile.
    expect(withImage?.tokens).toBe(4 + 1 + 255);
    expect(withText?.tokens).toBe(4 + 1 + 1_000);
    expect(empty?.tokens).toBe(0);
  });
});

describe('systemPromptTokens', () => {
  it('counts nothing for a blank system prompt', () => {
    expect(systemPromptTokens(null)).toBe(0);
    expect(systemPromptTokens('  ')).toBe(0);
    expect(systemPromptTokens('Be brief.')).toBe(4 + estimateTextTokens('Be brief.'));
  });
});

describe('estimateTextTokens', () => {
  it('counts English at about four characters a token', () => {
    expect(estimateTextTokens('a'.repeat(400))).toBe(100);
    expect(estimateTextTokens('')).toBe(0);
  });

  it('counts Chinese characters one token each and Vietnamese letters more densely', () => {
    expect(estimateTextTokens('你好世界')).toBe(4);
    // "tiết kiệm": 7 ASCII (incl. space) and 2 accented letters.
    expect(estimateTextTokens('tiết kiệm')).toBe(2 + 1);
    // An emoji (a surrogate pair) is one token, not two.
    expect(estimateTextTokens('😀')).toBe(1);
  });
});

describe('contextWindowOf', () => {
  it("prefers the user's figure, then the known family's, else a safe guess", () => {
    const prices = [
      { model: 'gpt-4o', inputPerMTok: 1, outputPerMTok: 2, contextTokens: 2_048 },
      { model: 'deepseek-chat', inputPerMTok: null, outputPerMTok: 0.42, contextTokens: null },
    ];
    expect(contextWindowOf('openai/GPT-4o', prices)).toEqual({ tokens: 2_048, source: 'settings' });
    expect(contextWindowOf('deepseek-chat', prices)).toEqual({ tokens: 128_000, source: 'known' });
    expect(contextWindowOf('my-local-llm', prices)).toEqual({
      tokens: UNKNOWN_CONTEXT_TOKENS,
      source: 'unknown',
    });
    expect(contextWindowOf(null, prices).source).toBe('unknown');
  });

  it('keeps an eighth of the window, at most 4,096 tokens, for the answer', () => {
    expect(answerReserve(8_192)).toBe(1_024);
    expect(answerReserve(128_000)).toBe(4_096);
  });
});

describe('parsing what the user types', () => {
  it('reads a turn limit: empty is none, a whole number up to 1,000', () => {
    expect(parseContextTurns('')).toEqual({ valid: true, value: null });
    expect(parseContextTurns(' 6 ')).toEqual({ valid: true, value: 6 });
    expect(parseContextTurns('0')).toEqual({ valid: true, value: 0 });
    expect(parseContextTurns('2.5').valid).toBe(false);
    expect(parseContextTurns('-1').valid).toBe(false);
    expect(parseContextTurns('1001').valid).toBe(false);
  });

  it('reads a context length with an optional k or M', () => {
    expect(parseContextTokens('')).toEqual({ valid: true, value: null });
    expect(parseContextTokens('128k')).toEqual({ valid: true, value: 128_000 });
    expect(parseContextTokens('1M')).toEqual({ valid: true, value: 1_000_000 });
    expect(parseContextTokens('32,768')).toEqual({ valid: true, value: 32_768 });
    expect(parseContextTokens('12').valid).toBe(false);
    expect(parseContextTokens('lots').valid).toBe(false);
  });
});
