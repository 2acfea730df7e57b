import { z } from 'zod';
import type { BudgetLevel } from '../rules/budgets';
import { CONTEXT_TOKENS_MAX, CONTEXT_TOKENS_MIN } from '../rules/contextTrim';
import { CURRENCIES } from './choices';

/**
 * Usage, cost and latency shapes that cross the IPC boundary, and the settings section they are
 * stored in. Every stored amount is in USD (the price table's currency); other currencies are a
 * display conversion at the user's rate.
 */

export { CURRENCIES };
export const currencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof currencySchema>;

/** USD per one million tokens; null = the price is not known (never treated as $0). */
const perMillion = z.number().min(0).max(100_000).nullable();

export const priceEntrySchema = z.object({
  model: z.string().trim().min(1).max(200),
  inputPerMTok: perMillion,
  outputPerMTok: perMillion,
  /** The model's context window in tokens, when the user set it; absent or null: the known one. */
  contextTokens: z
    .number()
    .int()
    .min(CONTEXT_TOKENS_MIN)
    .max(CONTEXT_TOKENS_MAX)
    .nullable()
    .optional(),
});
export type PriceEntry = z.infer<typeof priceEntrySchema>;

/**
 * The source document's table gives output prices only; input prices stay blank until the user
 * types them. HolySheep bills DeepSeek V3.2 under its relay name `deepseek-chat`.
 */
export const DEFAULT_PRICES: readonly PriceEntry[] = [
  { model: 'gpt-4.1', inputPerMTok: null, outputPerMTok: 8 },
  { model: 'claude-sonnet-4.5', inputPerMTok: null, outputPerMTok: 15 },
  { model: 'gemini-2.5-flash', inputPerMTok: null, outputPerMTok: 2.5 },
  { model: 'deepseek-chat', inputPerMTok: null, outputPerMTok: 0.42 },
  { model: 'deepseek-v3.2', inputPerMTok: null, outputPerMTok: 0.42 },
];

/** Units of the currency per 1 USD. */
export const DEFAULT_RATES: Readonly<Record<Exclude<Currency, 'USD'>, number>> = {
  CNY: 7.1,
  VND: 25_400,
};

const rate = z.number().positive().max(10_000_000);
const profileId = z.string().min(1).max(200);
const month = z.string().regex(/^\d{4}-\d{2}$/);

/** The `usage` section of settings.json; every field has a default so a partial object loads. */
export const usageSettingsSchema = z.object({
  /** Absent until the user edits the table: the defaults of the running version apply. */
  prices: z.array(priceEntrySchema).max(500).optional(),
  currency: currencySchema.default('USD'),
  rates: z
    .object({ CNY: rate.default(DEFAULT_RATES.CNY), VND: rate.default(DEFAULT_RATES.VND) })
    .default(() => ({ ...DEFAULT_RATES })),
  /** Monthly budget in USD per profile id; absent = no budget. */
  budgets: z.record(profileId, z.number().positive().max(1e9)).default(() => ({})),
  /** The highest threshold already announced per profile, and for which month. */
  budgetNotified: z
    .record(profileId, z.object({ month, level: z.union([z.literal(80), z.literal(100)]) }))
    .default(() => ({})),
});
export type StoredUsageSettings = z.infer<typeof usageSettingsSchema>;

/** What the renderer sees and edits. */
export interface UsageSettings {
  prices: PriceEntry[];
  /** True while the user has never edited the table. */
  pricesAreDefault: boolean;
  currency: Currency;
  rates: StoredUsageSettings['rates'];
  budgets: Record<string, number>;
}

/** One budget per profile; far more than anyone has profiles, far less than a flood. */
export const MAX_BUDGETS_PER_UPDATE = 1000;

export const usageSettingsPatchSchema = z
  .object({
    currency: currencySchema.optional(),
    rates: z.object({ CNY: rate.optional(), VND: rate.optional() }).strict().optional(),
    /** null removes the budget of that profile. */
    budgets: z
      .record(profileId, z.number().positive().max(1e9).nullable())
      .refine((budgets) => Object.keys(budgets).length <= MAX_BUDGETS_PER_UPDATE)
      .optional(),
  })
  .strict();
export type UsageSettingsPatch = z.infer<typeof usageSettingsPatchSchema>;

/** A local calendar date, `YYYY-MM-DD`. */
export const localDateSchema = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/);

export const usageRangeSchema = z
  .object({
    from: localDateSchema,
    /** Exclusive: the first local day not included. */
    to: localDateSchema,
    /** IANA zone the days are counted in (the renderer's own). */
    timeZone: z.string().min(1).max(100),
  })
  .strict();
export type UsageRange = z.infer<typeof usageRangeSchema>;

/** How much of an answer's cost the price table can account for. */
export type PriceCoverage = 'full' | 'output_only' | 'input_only' | 'none';

export interface UsageTotals {
  /** Assistant answers in the range (any status). */
  answers: number;
  promptTokens: number;
  completionTokens: number;
  /** Sum of the costs stored on the answers, USD. */
  costUsd: number;
  /** Answers with a stored cost. */
  pricedAnswers: number;
  /** Answers with tokens but no cost (no price known when they finished): not in `costUsd`. */
  unpricedAnswers: number;
  /** Answers whose tokens were counted locally because the relay sent no usage. */
  estimatedAnswers: number;
}

export interface DayUsage extends UsageTotals {
  day: string;
}

export interface ModelUsage extends UsageTotals {
  model: string | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  /** Completion tokens per second of streaming (after the first token), over all answers. */
  tokensPerSecond: number | null;
  /** What today's price table covers for this model (flags an "output only" cost). */
  coverage: PriceCoverage;
}

export interface ProfileUsage extends UsageTotals {
  profileId: string | null;
}

export interface MonthToDate {
  month: string;
  spentUsd: number;
  /** At the pace so far: spent ÷ elapsed share of the month. */
  projectedUsd: number;
  /** 0..1 of the month gone. */
  elapsed: number;
}

export interface BudgetStatus {
  profileId: string;
  budgetUsd: number;
  spentUsd: number;
  /** spent ÷ budget. */
  ratio: number;
  level: BudgetLevel | null;
}

export interface UsageSummary {
  range: UsageRange;
  totals: UsageTotals;
  /** Every local day of the range, oldest first (days without answers included, at zero). */
  days: DayUsage[];
  models: ModelUsage[];
  profiles: ProfileUsage[];
  /** The current month in the same zone (whatever the range). */
  monthToDate: MonthToDate;
  budgets: BudgetStatus[];
  generatedAt: number;
}

/** Main tells the renderer a profile's month crossed 80 % or 100 % of its budget (once per level per month). */
export interface BudgetAlert {
  profileId: string;
  month: string;
  level: BudgetLevel;
  budgetUsd: number;
  spentUsd: number;
}
