import { describe, expect, it } from 'vitest';
import {
  canContinue,
  continueRefusal,
  regenerateRefusal,
  type AnswerFacts,
} from '../../../src/shared/rules/answerActions';

function answer(over: Partial<AnswerFacts> = {}): AnswerFacts {
  return { role: 'assistant', status: 'stopped', finishReason: null, content: 'Half an', ...over };
}

describe('continueRefusal', () => {
  it('accepts the last answer that was stopped, interrupted or cut at the length limit', () => {
    expect(continueRefusal(answer(), true)).toBeNull();
    expect(continueRefusal(answer({ status: 'interrupted' }), true)).toBeNull();
    expect(
      continueRefusal(answer({ status: 'complete', finishReason: 'length' }), true),
    ).toBeNull();
  });

  it('refuses a finished, failed or streaming answer', () => {
    expect(continueRefusal(answer({ status: 'complete', finishReason: 'stop' }), true)).toBe(
      'finished',
    );
    expect(continueRefusal(answer({ status: 'error' }), true)).toBe('finished');
    expect(continueRefusal(answer({ status: 'streaming' }), true)).toBe('finished');
    expect(continueRefusal(answer({ status: 'error', finishReason: 'length' }), true)).toBe(
      'finished',
    );
  });

  it('refuses an answer with only reasoning text, or none', () => {
    expect(continueRefusal(answer({ content: '' }), true)).toBe('no_text');
    expect(canContinue(answer({ content: '' }), true)).toBe(false);
  });

  it('refuses an answer that is not the last message, and a question', () => {
    expect(continueRefusal(answer(), false)).toBe('not_last');
    expect(canContinue(answer(), false)).toBe(false);
    expect(continueRefusal(answer({ role: 'user' }), true)).toBe('not_answer');
  });
});

describe('regenerateRefusal', () => {
  it('accepts any answer, never a question', () => {
    expect(regenerateRefusal({ role: 'assistant' })).toBeNull();
    expect(regenerateRefusal({ role: 'user' })).toBe('not_answer');
  });
});
