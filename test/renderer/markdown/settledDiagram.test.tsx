import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIAGRAM_SETTLE_MS, useSettledCode } from '../../../src/renderer/src/markdown/MermaidView';

describe('when a streaming diagram is drawn', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits while an open fence grows, token by token, and draws once it closes', () => {
    const { result, rerender } = renderHook(
      ({ code, closed }: { code: string; closed: boolean }) => useSettledCode(code, closed),
      { initialProps: { code: 'flowchart TD', closed: false } },
    );
    let code = 'flowchart TD';
    for (const token of ['\n  A', ' -->', ' B', '\n  B --> C']) {
      code += token;
      rerender({ code, closed: false });
      act(() => {
        vi.advanceTimersByTime(DIAGRAM_SETTLE_MS / 10);
      });
      expect(result.current).toBeNull();
    }
    rerender({ code, closed: true });
    expect(result.current).toBe(code);
  });

  it('draws an open fence that stopped changing (an answer that ended without closing it)', () => {
    const { result } = renderHook(() => useSettledCode('flowchart TD\n  A --> B', false));
    expect(result.current).toBeNull();
    act(() => {
      vi.advanceTimersByTime(DIAGRAM_SETTLE_MS);
    });
    expect(result.current).toBe('flowchart TD\n  A --> B');
  });
});
