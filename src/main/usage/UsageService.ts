import type { ChatUsage } from '../../shared/types/chat';
import type { Profile } from '../../shared/types/profiles';
import {
  DEFAULT_PRICES,
  usageSettingsSchema,
  type BudgetAlert,
  type PriceEntry,
  type StoredUsageSettings,
  type UsageRange,
  type UsageSettings,
  type UsageSettingsPatch,
  type UsageSummary,
} from '../../shared/types/usage';
import type { Db } from '../history/db';
import { FleeceError } from '../errors/FleeceError';
import type { SettingsStore } from '../settings/SettingsStore';
import { budgetStatuses, pendingAlerts } from './budgets';
import { cleanPriceTable, computeCost } from './prices';
import { usageCsv } from './usageCsv';
import { spendByProfile } from './usageRepository';
import { loadUsageSummary } from './usageSummary';
import {
  dayNumberOf,
  isValidTimeZone,
  localDayNumber,
  monthBounds,
  monthOfDay,
  startOfLocalDay,
  systemTimeZone,
} from '../../shared/rules/localDays';

export interface UsageServiceDeps {
  /** The history connection (a getter: the store may reopen its file after a damage check). */
  db: () => Db;
  settings: Pick<SettingsStore, 'get' | 'update'>;
  profiles: () => readonly Pick<Profile, 'id' | 'name'>[];
  emitBudgetAlert: (alert: BudgetAlert) => void;
  now?: () => number;
  /** The zone budget months are counted in (default: the OS zone). */
  timeZone?: () => string;
  log?: (message: string, error?: unknown) => void;
}

/** Ranges up to ten years: enough for any history, bounded so one call stays bounded. */
const MAX_RANGE_DAYS = 3660;

/**
 * Prices, cost, the Usage page's aggregates, CSV export and monthly budgets. Costs are computed
 * once, when an answer finishes (`computeCost`, called by the chat service), and stored on the
 * message; later price edits never rewrite them.
 */
export class UsageService {
  private readonly now: () => number;
  private readonly timeZone: () => string;
  private budgetCheck: Promise<BudgetAlert[]> = Promise.resolve([]);

  constructor(private readonly deps: UsageServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.timeZone = deps.timeZone ?? systemTimeZone;
  }

  /** USD of one answer at today's prices; null when the table knows no price for the model. */
  computeCost(
    model: string,
    usage: Pick<ChatUsage, 'promptTokens' | 'completionTokens'>,
  ): number | null {
    return computeCost(this.prices(), model, usage);
  }

  prices(): PriceEntry[] {
    return this.stored().prices ?? DEFAULT_PRICES.map((p) => ({ ...p }));
  }

  async updatePrices(prices: readonly PriceEntry[]): Promise<PriceEntry[]> {
    const next = await this.write((s) => ({ ...s, prices: cleanPriceTable(prices) }));
    return next.prices ?? [];
  }

  async resetPrices(): Promise<PriceEntry[]> {
    const { prices: _dropped, ...rest } = this.stored();
    await this.write(() => rest);
    return this.prices();
  }

  settings(): UsageSettings {
    const s = this.stored();
    return {
      prices: this.prices(),
      pricesAreDefault: s.prices === undefined,
      currency: s.currency,
      rates: { ...s.rates },
      budgets: { ...s.budgets },
    };
  }

  /** Budget changes are checked at once: lowering one below this month's spend gives its notice now. */
  async updateSettings(patch: UsageSettingsPatch): Promise<UsageSettings> {
    await this.write((s) => {
      const budgets = { ...s.budgets };
      for (const [id, value] of Object.entries(patch.budgets ?? {})) {
        if (value === null) delete budgets[id];
        else budgets[id] = value;
      }
      return {
        ...s,
        currency: patch.currency ?? s.currency,
        rates: { CNY: patch.rates?.CNY ?? s.rates.CNY, VND: patch.rates?.VND ?? s.rates.VND },
        budgets,
      };
    });
    if (patch.budgets) await this.checkBudgets();
    return this.settings();
  }

  summary(range: UsageRange): UsageSummary {
    this.checkRange(range);
    const s = this.stored();
    return loadUsageSummary(this.deps.db(), range, {
      now: this.now(),
      prices: this.prices(),
      budgets: s.budgets,
    });
  }

  exportCsv(range: UsageRange): { fileName: string; csv: string } {
    this.checkRange(range);
    const s = this.stored();
    const names = new Map(this.deps.profiles().map((p) => [p.id, p.name]));
    return usageCsv(this.deps.db(), range, {
      currency: s.currency,
      rate: s.currency === 'USD' ? 1 : s.rates[s.currency],
      profileName: (id) => names.get(id),
    });
  }

  /**
   * After an answer finishes (and after a budget edit): announces 80 % and 100 % of a profile's
   * monthly budget, once per level per month, and remembers it in settings across restarts.
   * Checks run one at a time so two answers finishing together cannot announce twice.
   */
  /**
   * An answer finished. One with a cost may have pushed the month's spend over a budget level;
   * a failed check is logged, never surfaced as the answer's failure.
   */
  async answerFinished(cost: number | null): Promise<BudgetAlert[]> {
    if (cost === null) return [];
    try {
      return await this.checkBudgets();
    } catch (err) {
      this.deps.log?.('budget check failed', err);
      return [];
    }
  }

  checkBudgets(): Promise<BudgetAlert[]> {
    const run = this.budgetCheck.catch(() => []).then(() => this.runBudgetCheck());
    this.budgetCheck = run;
    return run;
  }

  private async runBudgetCheck(): Promise<BudgetAlert[]> {
    const s = this.stored();
    if (Object.keys(s.budgets).length === 0) return [];
    const tz = this.timeZone();
    const today = localDayNumber(this.now(), tz);
    const { first, next } = monthBounds(today);
    const spent = spendByProfile(
      this.deps.db(),
      startOfLocalDay(first, tz),
      startOfLocalDay(next, tz),
    );
    const month = monthOfDay(today);
    const { alerts, notified } = pendingAlerts(
      budgetStatuses(s.budgets, spent),
      s.budgetNotified,
      month,
    );
    if (alerts.length === 0) return [];
    await this.write((current) => ({ ...current, budgetNotified: notified }));
    for (const alert of alerts) this.deps.emitBudgetAlert(alert);
    return alerts;
  }

  private stored(): StoredUsageSettings {
    return usageSettingsSchema.parse(this.deps.settings.get().usage ?? {});
  }

  private async write(
    change: (s: StoredUsageSettings) => StoredUsageSettings,
  ): Promise<StoredUsageSettings> {
    let written: StoredUsageSettings | undefined;
    await this.deps.settings.update((draft) => {
      written = change(usageSettingsSchema.parse(draft.usage ?? {}));
      draft.usage = written;
    });
    return written ?? this.stored();
  }

  private checkRange(range: UsageRange): void {
    if (!isValidTimeZone(range.timeZone)) {
      throw new FleeceError('bad_request', {
        text: 'usage_bad_time_zone',
        params: { zone: range.timeZone },
      });
    }
    const days = dayNumberOf(range.to) - dayNumberOf(range.from);
    if (!(days >= 1 && days <= MAX_RANGE_DAYS)) {
      throw new FleeceError('bad_request', { text: 'usage_bad_range' });
    }
  }
}
