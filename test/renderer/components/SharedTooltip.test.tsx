import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { SharedTooltip, placeTooltip } from '../../../src/renderer/src/ui/SharedTooltip';
import { IconButton } from '../../../src/renderer/src/ui/IconButton';
import { Tooltip, TooltipProvider } from '../../../src/renderer/src/ui/Tooltip';

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

  it('shows a shortcut as keys beside the label, for icon buttons and wrapped elements alike', () => {
    render(
      <TooltipProvider>
        <IconButton label="Collapse sidebar" shortcut="Ctrl+B" icon={<span />} />
        <Tooltip label="New chat" shortcut="Ctrl+N" side="right">
          <button type="button">New chat</button>
        </Tooltip>
      </TooltipProvider>,
    );
    const collapse = screen.getByRole('button', { name: 'Collapse sidebar' });
    fireEvent.pointerOver(collapse, { pointerType: 'mouse' });
    act(() => vi.advanceTimersByTime(400));
    const tip = screen.getByRole('tooltip');
    expect(tip).toHaveTextContent('Collapse sidebarCtrlB');
    expect(tip.querySelectorAll('kbd')).toHaveLength(2);

    const newChat = screen.getByRole('button', { name: 'New chat' });
    fireEvent.pointerOut(collapse, { relatedTarget: newChat });
    fireEvent.pointerOver(newChat, { pointerType: 'mouse' });
    act(() => vi.advanceTimersByTime(0));
    expect(screen.getByRole('tooltip')).toHaveTextContent('New chatCtrlN');
    expect(newChat).toHaveAttribute('aria-describedby', screen.getByRole('tooltip').id);
  });
});

describe('placing the shared tooltip', () => {
  const view = { width: 1000, height: 800 };
  const box = { width: 100, height: 20 };
  const anchor = { left: 200, top: 300, width: 40, height: 30 };

  it('goes below, centred, unless another side is asked for', () => {
    expect(placeTooltip(anchor, box, 'bottom', view)).toEqual({ left: 170, top: 336 });
    expect(placeTooltip(anchor, box, 'top', view)).toEqual({ left: 170, top: 274 });
    expect(placeTooltip(anchor, box, 'right', view)).toEqual({ left: 246, top: 305 });
    expect(placeTooltip(anchor, box, 'left', view)).toEqual({ left: 94, top: 305 });
  });

  it('takes the other side when there is no room, and stays inside the window', () => {
    const atLeftEdge = { left: 2, top: 300, width: 40, height: 30 };
    expect(placeTooltip(atLeftEdge, box, 'left', view).left).toBe(48);
    const atRightEdge = { left: 950, top: 300, width: 40, height: 30 };
    expect(placeTooltip(atRightEdge, box, 'right', view).left).toBe(844);
    expect(placeTooltip(atRightEdge, box, 'bottom', view).left).toBe(896);
    const atBottom = { left: 200, top: 770, width: 40, height: 30 };
    expect(placeTooltip(atBottom, box, 'bottom', view).top).toBe(744);
  });
});
