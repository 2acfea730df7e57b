/**
 * Ranges of local calendar days for the Usage page, as `YYYY-MM-DD` strings with an exclusive
 * end (what `usage.summary` takes). Pure: the clock and the zone are passed in.
 */

export const RANGE_PRESETS = [
  'thisMonth',
  'lastMonth',
  'last7',
  'last30',
  'thisYear',
  'custom',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export interface DayRange {
  preset: RangePreset;
  from: string;
  /** Exclusive. */
  to: string;
}

const DAY_MS = 86_400_000;

/** Today's date in `timeZone`. */
export function localToday(now: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function parse(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

function format(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  return format(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

function monthStart(y: number, m: number): string {
  return format(Date.UTC(y, m - 1, 1));
}

export function rangeForPreset(
  preset: Exclude<RangePreset, 'custom'>,
  now: number,
  timeZone: string,
): DayRange {
  const today = localToday(now, timeZone);
  const { y, m } = parse(today);
  switch (preset) {
    case 'thisMonth':
      return { preset, from: monthStart(y, m), to: monthStart(y, m + 1) };
    case 'lastMonth':
      return { preset, from: monthStart(y, m - 1), to: monthStart(y, m) };
    case 'last7':
      return { preset, from: addDays(today, -6), to: addDays(today, 1) };
    case 'last30':
      return { preset, from: addDays(today, -29), to: addDays(today, 1) };
    case 'thisYear':
      return { preset, from: `${y}-01-01`, to: `${y + 1}-01-01` };
  }
}

/** A custom range from the two date inputs (both days included); null when it is not a range. */
export function customRange(first: string, last: string): DayRange | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(first) || !/^\d{4}-\d{2}-\d{2}$/.test(last) || last < first)
    return null;
  return { preset: 'custom', from: first, to: addDays(last, 1) };
}

/** The last day included, for showing and for the date input. */
export function lastDay(range: Pick<DayRange, 'to'>): string {
  return addDays(range.to, -1);
}

/** A local date shown in the UI language, without shifting it through a time zone. */
export function formatDay(
  date: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric' },
): string {
  const { y, m, d } = parse(date);
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d),
  );
}
