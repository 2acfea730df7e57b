import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/renderer/src/boundedCache';

describe('BoundedCache', () => {
  it('drops the least recently used entry past its entry bound', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // 'a' is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keeps its total weight under the bound, dropping the oldest first', () => {
    const cache = new BoundedCache<string, string>(100, 10);
    cache.set('x', 'xxxx', 4);
    cache.set('y', 'yyyy', 4);
    cache.set('z', 'zzzz', 4);
    expect(cache.get('x')).toBeUndefined();
    expect(cache.weight).toBe(8);
    // Heavier than the whole budget: not kept, and nothing else is pushed out for it.
    cache.set('huge', 'h'.repeat(11), 11);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('peek reads without making the entry recent; replacing an entry updates its weight', () => {
    const cache = new BoundedCache<string, number>(2, 100);
    cache.set('a', 1, 10);
    cache.set('b', 2, 10);
    expect(cache.peek('a')).toBe(1);
    cache.set('c', 3, 10);
    expect(cache.peek('a')).toBeUndefined();
    cache.set('b', 20, 30);
    expect(cache.weight).toBe(40);
    cache.delete('b');
    cache.delete('missing');
    expect(cache.weight).toBe(10);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.weight).toBe(0);
  });
});
