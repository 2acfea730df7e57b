import { describe, expect, it } from 'vitest';
import { findPrice, modelInfo, pickDefaultModel } from '../../../src/shared/rules/modelInfo';

describe('modelInfo', () => {
  it.each([
    ['gpt-4o', { reasoning: false, vision: true, contextTokens: 128_000 }],
    ['openai/gpt-4o-mini', { reasoning: false, vision: true, contextTokens: 128_000 }],
    ['gpt-4.1-2025-04-14', { reasoning: false, vision: true, contextTokens: 1_047_576 }],
    ['gpt-5', { reasoning: true, vision: true, contextTokens: 400_000 }],
    ['gpt-5-chat-latest', { reasoning: false, vision: true, contextTokens: 128_000 }],
    ['o3', { reasoning: true, vision: true, contextTokens: 200_000 }],
    ['o3-mini', { reasoning: true, vision: false, contextTokens: 200_000 }],
    ['o4-mini', { reasoning: true, vision: true }],
    ['claude-3-5-sonnet-20241022', { reasoning: false, vision: true, contextTokens: 200_000 }],
    ['anthropic/claude-3.5-haiku', { reasoning: false, vision: true }],
    ['claude-3-7-sonnet-latest', { reasoning: true, vision: true }],
    ['claude-sonnet-4.5', { reasoning: true, vision: true, contextTokens: 200_000 }],
    ['deepseek-chat', { reasoning: false, vision: false, contextTokens: 128_000 }],
    ['DeepSeek-Reasoner', { reasoning: true, vision: false, contextTokens: 128_000 }],
    ['deepseek-r1:14b', { reasoning: true, contextTokens: null }],
    ['gemini-2.5-flash', { reasoning: true, vision: true, contextTokens: 1_048_576 }],
    ['gemini-2.0-flash', { reasoning: false, vision: true }],
    ['qwen3:8b', { reasoning: true }],
    ['qwen2.5-vl-72b-instruct', { vision: true, reasoning: false }],
    ['qwq-32b', { reasoning: true }],
    ['llama3.1:8b', { contextTokens: 128_000, vision: false }],
    ['meta-llama/Llama-3.2-11B-Vision-Instruct', { vision: true }],
  ])('%s', (name, expected) => {
    expect(modelInfo(name)).toMatchObject({ chat: true, ...expected });
  });

  it('knows nothing of an unknown name, and says nothing', () => {
    expect(modelInfo('my-finetune-v2')).toEqual({
      reasoning: false,
      vision: false,
      contextTokens: null,
      chat: true,
    });
  });

  it('names that are not chat models', () => {
    for (const name of [
      'text-embedding-3-small',
      'whisper-1',
      'tts-1-hd',
      'dall-e-3',
      'omni-moderation-latest',
      'gpt-4o-transcribe',
    ])
      expect(modelInfo(name).chat, name).toBe(false);
  });
});

describe('pickDefaultModel', () => {
  it('takes the first chat model, skipping embeddings and speech', () => {
    expect(pickDefaultModel(['text-embedding-3-small', 'whisper-1', 'gpt-4o', 'o3'])).toBe(
      'gpt-4o',
    );
  });
  it('takes the first name when none is known to chat, and nothing from an empty list', () => {
    expect(pickDefaultModel(['text-embedding-3-small'])).toBe('text-embedding-3-small');
    expect(pickDefaultModel(['', ' '])).toBeUndefined();
    expect(pickDefaultModel([])).toBeUndefined();
  });
});

describe('findPrice', () => {
  const prices = [{ model: 'deepseek-chat', inputPerMTok: 0.28, outputPerMTok: 0.42 }];
  it('finds a price under another spelling of the name', () => {
    expect(findPrice(prices, 'deepseek/DeepSeek-V3.2')).toBe(prices[0]);
    expect(findPrice(prices, 'gpt-4o')).toBeNull();
  });
});
