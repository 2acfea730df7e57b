import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { SharedTooltip } from '../../../src/renderer/src/ui/SharedTooltip';
import { IconButton } from '../../../src/renderer/src/ui/IconButton';

describe('shared tooltip', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function show() {
    render(
      <>
        <IconButton sharedTooltip label="Copy" icon={<span />} />
        <IconButton sharedTooltip label="Delete" icon={<span />} />
        <SharedTooltip />
      </>,
    );
    return {
      copy: screen.getByRole('button', { name: 'Copy' }),
      remove: screen.getByRole('button', { name: 'Delete' }),
    };
  }

  it('shows a button’s name after the hover delay, described by it, and hides on press', () => {
    const { copy } = show();
    fireEvent.pointerOver(copy, { pointerType: 'mouse' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    act(() => vi.advanceTimersByTime(400));
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent('Copy');
    expect(copy).toHaveAttribute('aria-describedby', tip.id);

    fireEvent.pointerDown(copy);
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(copy).not.toHaveAttribute('aria-describedby');
  });

  it('moves at once to the next button while one is showing, and Escape hides it', () => {
    const { copy, remove } = show();
    fireEvent.pointerOver(copy, { pointerType: 'mouse' });
    act(() => vi.advanceTimersByTime(400));
    fireEvent.pointerOut(copy, { relatedTarget: remove });
    fireEvent.pointerOver(remove, { pointerType: 'mouse' });
    act(() => vi.advanceTimersByTime(0));
    expect(screen.getByRole('tooltip')).toHaveTextContent('Delete');

    fireEvent.keyDown(remove, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('shows on keyboard focus', () => {
    const { remove } = show();
    act(() => remove.focus());
    act(() => vi.advanceTimersByTime(400));
    expect(screen.getByRole('tooltip')).toHaveTextContent('Delete');
  });
});
