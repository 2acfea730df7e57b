import { describe, expect, it } from 'vitest';
import {
  dateOfDayNumber,
  dayNumberOf,
  isValidTimeZone,
  localDayNumber,
  localDayStarts,
  monthBounds,
  offsetAt,
  offsetSegments,
  startOfLocalDay,
} from '../../../src/shared/rules/localDays';

const H = 3_600_000;
const day = (d: string) => dayNumberOf(d);
const iso = (t: number) => new Date(t).toISOString();

describe('local days in a time zone', () => {
  it('gives the offset of fixed, DST and quarter-hour zones', () => {
    expect(offsetAt(Date.UTC(2025, 0, 1), 'Asia/Ho_Chi_Minh')).toBe(7 * H);
    expect(offsetAt(Date.UTC(2025, 0, 1), 'Asia/Kathmandu')).toBe(5.75 * H);
    expect(offsetAt(Date.UTC(2025, 0, 15), 'Europe/Berlin')).toBe(1 * H);
    expect(offsetAt(Date.UTC(2025, 6, 15), 'Europe/Berlin')).toBe(2 * H);
    expect(offsetAt(Date.UTC(2025, 6, 15, 0, 0, 0, 999), 'America/New_York')).toBe(-4 * H);
  });

  it('starts days at local midnight, including across the month and year', () => {
    expect(iso(startOfLocalDay(day('2025-01-01'), 'Asia/Ho_Chi_Minh'))).toBe(
      '2024-12-31T17:00:00.000Z',
    );
    expect(iso(startOfLocalDay(day('2025-03-01'), 'America/Los_Angeles'))).toBe(
      '2025-03-01T08:00:00.000Z',
    );
    expect(localDayNumber(Date.UTC(2024, 11, 31, 17, 0), 'Asia/Ho_Chi_Minh')).toBe(
      day('2025-01-01'),
    );
    expect(localDayNumber(Date.UTC(2024, 11, 31, 16, 59, 59, 999), 'Asia/Ho_Chi_Minh')).toBe(
      day('2024-12-31'),
    );
  });

  it('has 23- and 25-hour days at DST changes', () => {
    const len = (d: string, tz: string) =>
      (startOfLocalDay(day(d) + 1, tz) - startOfLocalDay(day(d), tz)) / H;
    expect(len('2025-03-30', 'Europe/Berlin')).toBe(23);
    expect(len('2025-10-26', 'Europe/Berlin')).toBe(25);
    expect(len('2024-11-03', 'America/New_York')).toBe(25);
    expect(len('2025-03-31', 'Europe/Berlin')).toBe(24);
  });

  it('starts a day at 01:00 where DST skips midnight (Havana, Santiago)', () => {
    const havana = startOfLocalDay(day('2024-03-10'), 'America/Havana');
    expect(iso(havana)).toBe('2024-03-10T05:00:00.000Z'); // 01:00 local, UTC-4
    expect(localDayNumber(havana - 1, 'America/Havana')).toBe(day('2024-03-09'));
    expect(iso(startOfLocalDay(day('2024-09-08'), 'America/Santiago'))).toBe(
      '2024-09-08T04:00:00.000Z',
    );
  });

  it('cuts the offset into constant pieces at each change, to the millisecond', () => {
    const segs = offsetSegments(Date.UTC(2025, 2, 1), Date.UTC(2025, 10, 30), 'Europe/Berlin');
    expect(segs.map((s) => s.offset / H)).toEqual([1, 2, 1]);
    expect(iso(segs[0]?.until ?? 0)).toBe('2025-03-30T01:00:00.000Z');
    expect(iso(segs[1]?.until ?? 0)).toBe('2025-10-26T01:00:00.000Z');
    expect(
      offsetSegments(Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1), 'Asia/Ho_Chi_Minh'),
    ).toHaveLength(1);
  });

  it('derives every day start of a long range from the offset pieces, as Intl gives them one by one', () => {
    for (const tz of ['Europe/Berlin', 'America/Havana', 'Asia/Kathmandu', 'Australia/Lord_Howe']) {
      const from = day('2023-01-01');
      const to = day('2025-01-01');
      const { starts } = localDayStarts(from, to, tz);
      expect(starts).toHaveLength(to - from + 1);
      for (let d = from; d <= to; d += 7)
        expect(starts[d - from], `${tz} ${dateOfDayNumber(d)}`).toBe(startOfLocalDay(d, tz));
      expect(starts[59]).toBe(startOfLocalDay(from + 59, tz));
    }
  });

  it('knows month bounds, dates and zone names', () => {
    const feb = monthBounds(day('2024-02-17'));
    expect([dateOfDayNumber(feb.first), dateOfDayNumber(feb.next)]).toEqual([
      '2024-02-01',
      '2024-03-01',
    ]);
    const dec = monthBounds(day('2024-12-31'));
    expect(dateOfDayNumber(dec.next)).toBe('2025-01-01');
    expect(isValidTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
