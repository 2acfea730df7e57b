import { describe, expect, it } from 'vitest';
import { formatMessageTime } from '../../../src/renderer/src/components/chat/messageTime';

describe('formatMessageTime', () => {
  const at = new Date(2026, 2, 14, 9, 5, 30).getTime();

  it('shows only the time for a message written today, the full date in the tooltip', () => {
    const { short, full } = formatMessageTime(at, 'en', new Date(2026, 2, 14, 18, 0).getTime());
    expect(short).toBe('9:05 AM');
    expect(full).toContain('Saturday, March 14, 2026');
    expect(full).toContain('9:05:30');
  });

  it('adds the date for an older message, in the reader’s language', () => {
    const later = new Date(2026, 5, 1).getTime();
    expect(formatMessageTime(at, 'en', later).short).toBe('Mar 14, 2026, 9:05 AM');
    expect(formatMessageTime(at, 'vi', later).short).toContain('09:05');
    expect(formatMessageTime(at, 'zh-CN', later).short).toContain('2026年3月14日');
  });
});
