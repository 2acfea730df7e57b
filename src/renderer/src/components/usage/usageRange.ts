import {
  DAY_MS,
  dateOfDayNumber,
  dayNumberOf,
  localDayNumber,
  monthBounds,
} from '../../../../shared/rules/localDays';

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

/** Today's date in `timeZone`. */
export function localToday(now: number, timeZone: string): string {
  return dateOfDayNumber(localDayNumber(now, timeZone));
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

export function rangeForPreset(
  preset: Exclude<RangePreset, 'custom'>,
  now: number,
  timeZone: string,
): DayRange {
  const day = localDayNumber(now, timeZone);
  const today = dateOfDayNumber(day);
  const y = Number(today.slice(0, 4));
  const month = monthBounds(day);
  switch (preset) {
    case 'thisMonth':
      return { preset, from: dateOfDayNumber(month.first), to: dateOfDayNumber(month.next) };
    case 'lastMonth':
      return {
        preset,
        from: dateOfDayNumber(monthBounds(month.first - 1).first),
        to: dateOfDayNumber(month.first),
      };
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
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    dayNumberOf(date) * DAY_MS,
  );
}
