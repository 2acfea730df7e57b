import type { Currency, UsageRange } from '../../shared/types/usage';
import type { Db } from '../history/db';
import { usageWindow } from './usageSummary';
import { answersInRange } from './usageRepository';
import { dateOfDayNumber } from '../../shared/rules/localDays';

/** A byte order mark so spreadsheet apps (Excel) read the file as UTF-8, not the local code page. */
const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * One RFC 4180 field. Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
 * CR at the start) gets a leading apostrophe: titles and model names come from chats and relays.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Plain decimals (never `4.2e-7`), trailing zeros dropped. */
function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',') + EOL;
}

export interface CsvOptions {
  currency: Currency;
  /** Units of `currency` per USD (1 for USD). */
  rate: number;
  profileName: (profileId: string) => string | undefined;
}

function localStamp(t: number, offset: number): string {
  return new Date(t + offset).toISOString().slice(0, 19).replace('T', ' ');
}

/** One row per answer in the range, times in the range's zone; costs in USD (and the display currency). */
export function usageCsv(
  db: Db,
  range: UsageRange,
  options: CsvOptions,
): { fileName: string; csv: string } {
  const { from, to, toDay, segments } = usageWindow(range);
  const converted = options.currency !== 'USD';
  const header = [
    'time_local',
    'time_utc',
    'conversation',
    'model',
    'profile',
    'status',
    'prompt_tokens',
    'completion_tokens',
    'tokens_estimated',
    'cost_usd',
  ];
  if (converted) header.push(`cost_${options.currency.toLowerCase()}`);
  header.push('ttft_ms', 'duration_ms');
  const parts: string[] = [BOM, csvLine(header)];
  let segment = 0;
  for (const row of answersInRange(db, from, to)) {
    while (row.createdAt >= (segments[segment]?.until ?? Infinity)) segment++;
    const offset = segments[segment]?.offset ?? 0;
    const cells: (string | number | null)[] = [
      localStamp(row.createdAt, offset),
      new Date(row.createdAt).toISOString(),
      row.conversationTitle,
      row.model,
      row.profileId === null ? null : (options.profileName(row.profileId) ?? row.profileId),
      row.status,
      row.promptTokens,
      row.completionTokens,
      row.promptTokens === null && row.completionTokens === null
        ? null
        : row.tokensEstimated
          ? 'yes'
          : 'no',
      row.cost,
    ];
    if (converted) cells.push(row.cost === null ? null : row.cost * options.rate);
    cells.push(row.ttftMs, row.durationMs);
    parts.push(csvLine(cells));
  }
  const last = dateOfDayNumber(toDay - 1);
  return { fileName: `fleece-usage-${range.from}_${last}.csv`, csv: parts.join('') };
}
