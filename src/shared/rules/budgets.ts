/** A monthly budget warns at 80 % of it and again when it is used up. */
export const BUDGET_LEVELS = [80, 100] as const;
export type BudgetLevel = (typeof BUDGET_LEVELS)[number];

/** The highest level the month's spend has reached; null below the first or without a budget. */
export function budgetLevel(spentUsd: number, budgetUsd: number): BudgetLevel | null {
  if (!(budgetUsd > 0)) return null;
  let reached: BudgetLevel | null = null;
  for (const level of BUDGET_LEVELS) if (spentUsd * 100 >= level * budgetUsd) reached = level;
  return reached;
}
