import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameQueue } from '../../../src/renderer/src/store/frameQueue';

describe('frameQueue', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands over everything that arrived before a frame together, at that frame', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const delivered: number[][] = [];
    const queue = frameQueue<number>((items) => delivered.push(items));
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(delivered).toEqual([]);
    expect(frames).toHaveLength(1);
    frames.shift()?.(0);
    expect(delivered).toEqual([[1, 2, 3]]);
    queue.push(4);
    expect(frames).toHaveLength(1);
    frames.shift()?.(16);
    expect(delivered).toEqual([[1, 2, 3], [4]]);
  });

  it('flush hands over what is queued at once, and the frame then has nothing to do', () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const delivered: number[][] = [];
    const queue = frameQueue<number>((items) => delivered.push(items));
    queue.push(1);
    queue.flush();
    expect(delivered).toEqual([[1]]);
    frames.shift()?.(0);
    expect(delivered).toEqual([[1]]);
  });

  it('a frame that does not come does not hold the items back', () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal('requestAnimationFrame', () => 0);
      const delivered: number[][] = [];
      const queue = frameQueue<number>((items) => delivered.push(items));
      queue.push(1);
      queue.push(2);
      vi.advanceTimersByTime(50);
      expect(delivered).toEqual([]);
      vi.advanceTimersByTime(60);
      expect(delivered).toEqual([[1, 2]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('without a visible frame loop each item is handed over at once', () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const delivered: number[][] = [];
    const queue = frameQueue<number>((items) => delivered.push(items));
    queue.push(1);
    queue.push(2);
    expect(delivered).toEqual([[1], [2]]);
    expect(frames).toHaveLength(0);
    vi.restoreAllMocks();
  });
});
