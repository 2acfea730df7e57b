import { budgetLevel } from '../../shared/rules/budgets';
import type { BudgetAlert, BudgetStatus, StoredUsageSettings } from '../../shared/types/usage';

type Notified = StoredUsageSettings['budgetNotified'];

/** One status per profile that has a budget, from the month's spend per profile. */
export function budgetStatuses(
  budgets: Readonly<Record<string, number>>,
  spentByProfile: ReadonlyMap<string | null, number>,
): BudgetStatus[] {
  return Object.entries(budgets).map(([profileId, budgetUsd]) => {
    const spentUsd = spentByProfile.get(profileId) ?? 0;
    return {
      profileId,
      budgetUsd,
      spentUsd,
      ratio: spentUsd / budgetUsd,
      level: budgetLevel(spentUsd, budgetUsd),
    };
  });
}

/**
 * The notices still owed this month: a level is announced once per profile and month; when one
 * answer jumps past both thresholds only 100 % is announced. Returns the alerts and the updated
 * record (unchanged object when nothing is owed).
 */
export function pendingAlerts(
  statuses: readonly BudgetStatus[],
  notified: Notified,
  month: string,
): { alerts: BudgetAlert[]; notified: Notified } {
  const alerts: BudgetAlert[] = [];
  let next = notified;
  for (const s of statuses) {
    if (s.level === null) continue;
    const before = notified[s.profileId];
    const announced = before && before.month === month ? before.level : 0;
    if (s.level <= announced) continue;
    alerts.push({
      profileId: s.profileId,
      month,
      level: s.level,
      budgetUsd: s.budgetUsd,
      spentUsd: s.spentUsd,
    });
    next = { ...next, [s.profileId]: { month, level: s.level } };
  }
  return { alerts, notified: next };
}
