import { describe, expect, it } from 'vitest';
import { parseTemperature, TEMPERATURE_MAX } from '../../../src/shared/rules/limits';
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
