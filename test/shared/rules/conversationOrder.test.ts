import { describe, expect, it } from 'vitest';
import {
  compareConversations,
  sortConversations,
} from '../../../src/shared/rules/conversationOrder';

const c = (id: string, updatedAt: number, pinned = false) => ({ id, updatedAt, pinned });

describe('conversation order', () => {
  it('puts pinned first, then the latest activity, then the larger id', () => {
    const sorted = sortConversations([c('a', 5), c('b', 5), c('p', 1, true), c('z', 9), c('c', 5)]);
    expect(sorted.map((x) => x.id)).toEqual(['p', 'z', 'c', 'b', 'a']);
  });

  it('is total: only a conversation compares equal to itself', () => {
    expect(compareConversations(c('a', 1), c('a', 1))).toBe(0);
    expect(compareConversations(c('a', 1), c('b', 1))).toBeGreaterThan(0);
    expect(compareConversations(c('b', 1), c('a', 1))).toBeLessThan(0);
  });
});
