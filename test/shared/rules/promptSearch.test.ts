import { describe, expect, it } from 'vitest';
import { filterPrompts, slashQuery } from '../../../src/shared/rules/promptSearch';

const prompts = [
  { name: 'Code review', systemPrompt: 'Look for bugs.' },
  { name: 'Dịch Anh ↔ Việt', systemPrompt: 'Bạn dịch tài liệu kỹ thuật.' },
  { name: 'SQL helper', systemPrompt: 'You help with code in SQL.' },
  { name: 'Refactor', systemPrompt: 'Make the code easier to read.' },
];

describe('slashQuery', () => {
  it('reads the text after a leading slash on one line', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/sql he')).toBe('sql he');
    expect(slashQuery('not /now')).toBeNull();
    expect(slashQuery('/path\nmore')).toBeNull();
    expect(slashQuery('')).toBeNull();
  });
});

describe('filterPrompts', () => {
  it('keeps the order when there is no query', () => {
    expect(filterPrompts(prompts, '  ')).toEqual(prompts);
  });

  it('puts name prefixes first, then names containing, then system prompts', () => {
    expect(filterPrompts(prompts, 'code').map((p) => p.name)).toEqual([
      'Code review',
      'SQL helper',
      'Refactor',
    ]);
  });

  it('ignores case and Vietnamese diacritics', () => {
    expect(filterPrompts(prompts, 'DICH').map((p) => p.name)).toEqual(['Dịch Anh ↔ Việt']);
    expect(filterPrompts(prompts, 'viet').map((p) => p.name)).toEqual(['Dịch Anh ↔ Việt']);
  });

  it('needs every word to match', () => {
    expect(filterPrompts(prompts, 'sql help').map((p) => p.name)).toEqual(['SQL helper']);
    expect(filterPrompts(prompts, 'sql review')).toEqual([]);
  });
});
