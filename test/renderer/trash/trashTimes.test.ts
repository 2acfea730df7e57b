import { describe, expect, it } from 'vitest';
import {
  purgeAt,
  relativeParts,
  relativeTime,
} from '../../../src/renderer/src/components/trash/trashTimes';
import { TRASH_RETENTION_MS } from '../../../src/shared/rules/limits';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('trash times', () => {
  it('reads a difference in the largest natural unit, rounded', () => {
    expect(relativeParts(-20_000)).toEqual([0, 'second']);
    expect(relativeParts(-3 * MIN)).toEqual([-3, 'minute']);
    expect(relativeParts(-5 * 60 * MIN)).toEqual([-5, 'hour']);
    expect(relativeParts(TRASH_RETENTION_MS - MIN)).toEqual([30, 'day']);
  });

  it('is deleted for good 30 days after the deletion, never in the past', () => {
    const deleted = Date.UTC(2026, 0, 1);
    expect(purgeAt(deleted, deleted + DAY)).toBe(deleted + 30 * DAY);
    expect(purgeAt(deleted, deleted + 31 * DAY)).toBe(deleted + 31 * DAY);
  });

  it('says it in the UI language', () => {
    const now = Date.UTC(2026, 0, 31);
    expect(relativeTime(now - 3 * DAY, now, 'en')).toBe('3 days ago');
    expect(relativeTime(now + 27 * DAY, now, 'en')).toBe('in 27 days');
    expect(relativeTime(now + 27 * DAY, now, 'vi')).toBe('sau 27 ngày nữa');
    expect(relativeTime(now + 27 * DAY, now, 'zh-CN')).toBe('27天后');
  });
});
