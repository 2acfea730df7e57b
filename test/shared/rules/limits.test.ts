import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_TITLE_MAX,
  normaliseTitle,
  parseTemperature,
  TEMPERATURE_MAX,
} from '../../../src/shared/rules/limits';
import { historyRoutes } from '../../../src/shared/contract/history';
import { profileSchema } from '../../../src/shared/types/profiles';

describe('temperature', () => {
  it('a field accepts empty (the model’s own) and numbers from 0 to 2', () => {
    expect(parseTemperature('')).toEqual({ valid: true, value: null });
    expect(parseTemperature(' 0.7 ')).toEqual({ valid: true, value: 0.7 });
    expect(parseTemperature('2')).toEqual({ valid: true, value: 2 });
    for (const bad of ['2.01', '-0.1', 'warm', 'NaN', 'Infinity'])
      expect(parseTemperature(bad).valid, bad).toBe(false);
  });

  it('the contract refuses what the form refuses', () => {
    const update = historyRoutes['conversations.update'].input;
    expect(update.safeParse({ id: 'c', temperature: TEMPERATURE_MAX }).success).toBe(true);
    expect(update.safeParse({ id: 'c', temperature: TEMPERATURE_MAX + 0.01 }).success).toBe(false);
    const stored = profileSchema.shape.temperature;
    expect(stored.safeParse(-0.1).success).toBe(false);
  });
});

describe('conversation title', () => {
  it('is trimmed, and an empty one keeps the old title', () => {
    expect(normaliseTitle('  Kế hoạch tiết kiệm  ')).toBe('Kế hoạch tiết kiệm');
    expect(normaliseTitle('   ')).toBeNull();
  });

  it('is cut to what the contract accepts, never splitting a character', () => {
    const rename = historyRoutes['conversations.rename'].input;
    const long = normaliseTitle('标'.repeat(CONVERSATION_TITLE_MAX + 50));
    expect(long).toHaveLength(CONVERSATION_TITLE_MAX);
    expect(rename.safeParse({ id: 'c', title: long }).success).toBe(true);
    const emoji = normaliseTitle('a' + '😀'.repeat(CONVERSATION_TITLE_MAX));
    expect(emoji).not.toBeNull();
    expect(emoji!.length).toBeLessThanOrEqual(CONVERSATION_TITLE_MAX);
    expect(emoji!.endsWith('😀')).toBe(true);
    expect(rename.safeParse({ id: 'c', title: emoji }).success).toBe(true);
    expect(
      rename.safeParse({ id: 'c', title: 'x'.repeat(CONVERSATION_TITLE_MAX + 1) }).success,
    ).toBe(false);
  });
});
