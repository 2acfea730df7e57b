/**
 * Local days in an IANA time zone without a time zone library: Intl gives the wall clock of an
 * instant, from which come the zone's offset, local day numbers and the instants days start at.
 * SQLite knows only UTC, so the aggregates are given the offset as a piecewise constant
 * (`offsetSegments`) and bucket by `(created_at + offset) / DAY_MS` in one pass.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a zone name this runtime knows (`Asia/Ho_Chi_Minh`, `UTC`, …). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local wall clock minus UTC at instant `t`, in ms (e.g. +7 h for Asia/Ho_Chi_Minh). */
export function offsetAt(t: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(t);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const second = t - (((t % 1000) + 1000) % 1000);
  return wall - second;
}

/** Days since 1970-01-01 of the local date at instant `t`. */
export function localDayNumber(t: number, timeZone: string): number {
  return Math.floor((t + offsetAt(t, timeZone)) / DAY_MS);
}

export function dayNumberOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a local day. */
export function monthOfDay(day: number): string {
  return dateOfDayNumber(day).slice(0, 7);
}

/** The first local day of the month of `day`, and of the month after. */
export function monthBounds(day: number): { first: number; next: number } {
  const d = new Date(day * DAY_MS);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
  const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
  return { first, next };
}

/**
 * The instant local day `day` starts: normally local midnight; where a DST change skips
 * midnight (clocks jump 23:59 → 01:00), the first instant that shows that date.
 */
export function startOfLocalDay(day: number, timeZone: string): number {
  return startOfDayWith(day, (t) => offsetAt(t, timeZone));
}

function startOfDayWith(day: number, offsetOf: (t: number) => number): number {
  const dayOf = (t: number): number => Math.floor((t + offsetOf(t)) / DAY_MS);
  const wall = day * DAY_MS;
  let t = wall - offsetOf(wall);
  t = wall - offsetOf(t);
  if (dayOf(t) === day && dayOf(t - 1) < day) return t;
  let lo = t - 6 * HOUR_MS;
  let hi = t + 6 * HOUR_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayOf(mid) >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The offset at `t` from precomputed segments (binary search; no Intl call). */
export function offsetIn(segments: readonly OffsetSegment[], t: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t < (segments[mid]?.until ?? Infinity)) hi = mid;
    else lo = mid + 1;
  }
  return segments[lo]?.offset ?? 0;
}

/**
 * The start instants of local days fromDay..toDay (inclusive: the last one ends the range) and
 * the zone's offsets over them. The offsets are found once (a probe every 6 hours); each day
 * start is then arithmetic, so a ten-year range costs a few milliseconds.
 */
export function localDayStarts(
  fromDay: number,
  toDay: number,
  timeZone: string,
): { starts: number[]; segments: OffsetSegment[] } {
  // No zone is more than 14 hours from UTC: this covers every instant of those local days.
  const segments = offsetSegments(
    fromDay * DAY_MS - 15 * HOUR_MS,
    toDay * DAY_MS + 15 * HOUR_MS,
    timeZone,
  );
  const starts: number[] = [];
  for (let day = fromDay; day <= toDay; day++)
    starts.push(startOfDayWith(day, (t) => offsetIn(segments, t)));
  return { starts, segments };
}

export interface OffsetSegment {
  /** The offset holds for instants before `until` (and from the previous segment's `until`). */
  until: number;
  offset: number;
}

/**
 * The zone's offset over [from, to) as constant pieces, cut at each change (DST). Probed every
 * 6 hours, then each change is found to the millisecond; no zone changes twice within 6 hours.
 */
export function offsetSegments(from: number, to: number, timeZone: string): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  const step = 6 * HOUR_MS;
  let current = offsetAt(from, timeZone);
  let t = from;
  while (t < to) {
    const next = Math.min(t + step, to);
    const offset = offsetAt(next, timeZone);
    if (offset !== current) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid, timeZone) === current) lo = mid;
        else hi = mid;
      }
      segments.push({ until: hi, offset: current });
      current = offset;
    }
    t = next;
  }
  segments.push({ until: Number.MAX_SAFE_INTEGER, offset: current });
  return segments;
}

/** The current zone of this process (the OS zone in Electron main). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
