import { describe, expect, it } from 'vitest';
import { budgetLevel } from '../../../src/shared/rules/budgets';

describe('budgetLevel', () => {
  it('is 80 from 80 % of the budget, 100 once it is used up, else null', () => {
    expect(budgetLevel(7.99, 10)).toBeNull();
    expect(budgetLevel(8, 10)).toBe(80);
    expect(budgetLevel(9.99, 10)).toBe(80);
    expect(budgetLevel(10, 10)).toBe(100);
    expect(budgetLevel(25, 10)).toBe(100);
  });

  it('has no level without a positive budget', () => {
    expect(budgetLevel(5, 0)).toBeNull();
    expect(budgetLevel(5, -1)).toBeNull();
    expect(budgetLevel(5, Number.NaN)).toBeNull();
  });
});
