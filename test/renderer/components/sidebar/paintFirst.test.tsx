import { describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import {
  firstRows,
  usePaintFirst,
} from '../../../../src/renderer/src/components/sidebar/paintFirst';

describe('the sidebar’s first frame', () => {
  it('holds the rows the list’s part of the window can show, and a couple more', () => {
    // 900 px: the list is 601 px tall between the header and the footer, 17 rows of 34 px.
    expect(firstRows(900)).toBe(21);
    expect(firstRows(600)).toBe(12);
    expect(firstRows(200)).toBe(2);
    expect(firstRows(4000)).toBe(40);
    expect(firstRows(0)).toBe(40);
  });

  it('cuts a long list for the first render and gives the whole list right after', async () => {
    const groups = [
      { group: 'today', items: Array.from({ length: 30 }, (_, i) => i) },
      { group: 'older', items: Array.from({ length: 70 }, (_, i) => i) },
    ];
    const limit = firstRows(window.innerHeight);
    const { result } = renderHook(() => usePaintFirst(groups));
    const shown = (r: typeof result.current) => r.groups.reduce((n, g) => n + g.items.length, 0);
    expect(result.current.complete).toBe(false);
    expect(shown(result.current)).toBe(limit);
    await waitFor(() => expect(result.current.complete).toBe(true));
    expect(result.current.groups).toBe(groups);
  });
});
