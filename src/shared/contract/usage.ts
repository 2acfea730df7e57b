import { z } from 'zod';
import { event, route } from './define';
import {
  priceEntrySchema,
  usageRangeSchema,
  usageSettingsPatchSchema,
  type BudgetAlert,
  type PriceEntry,
  type UsageSettings,
  type UsageSummary,
} from '../types/usage';

export type {
  BudgetAlert,
  PriceEntry,
  UsageRange,
  UsageSettings,
  UsageSummary,
} from '../types/usage';

export const usageRoutes = {
  /** Everything the Usage page shows for a range of local days. */
  'usage.summary': route<UsageSummary>()(usageRangeSchema),
  /** One row per answer in the range (UTF-8 with BOM, CRLF, RFC 4180 quoting). */
  'usage.exportCsv': route<{ fileName: string; csv: string }>()(usageRangeSchema),
  'usage.settings.get': route<UsageSettings>()(z.object({}).strict()),
  'usage.settings.update': route<UsageSettings>()(usageSettingsPatchSchema),
  /** Replaces the whole table; only later answers use it (stored costs never change). */
  'prices.update': route<PriceEntry[]>()(
    z.object({ prices: z.array(priceEntrySchema).max(500) }).strict(),
  ),
  'prices.reset': route<PriceEntry[]>()(z.object({}).strict()),
};

export const usageEvents = {
  'usage.budgetAlert': event<BudgetAlert>(),
};
