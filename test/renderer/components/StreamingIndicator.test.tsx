import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import {
  QUIET_MS,
  StreamingIndicator,
} from '../../../src/renderer/src/components/chat/StreamingIndicator';

const pulsing = (): string | null =>
  screen.getByTestId('streaming-indicator').getAttribute('data-pulse');

describe('StreamingIndicator', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pulses while nothing has come, stands still while text flows, pulses when it stops', () => {
    const { rerender } = render(<StreamingIndicator label="Waiting" progress={0} />);
    expect(pulsing()).toBe('true');
    expect(screen.getByRole('img', { name: 'Waiting' })).toBeTruthy();

    rerender(<StreamingIndicator label="Writing" progress={12} />);
    expect(pulsing()).toBe('false');
    // Text keeps coming, each piece sooner than QUIET_MS after the last: still.
    for (const length of [40, 90, 160]) {
      act(() => vi.advanceTimersByTime(QUIET_MS - 100));
      rerender(<StreamingIndicator label="Writing" progress={length} />);
      expect(pulsing()).toBe('false');
    }

    act(() => vi.advanceTimersByTime(QUIET_MS));
    expect(pulsing()).toBe('true');

    // More text: still again, without waiting.
    rerender(<StreamingIndicator label="Writing" progress={200} />);
    expect(pulsing()).toBe('false');
  });
});
