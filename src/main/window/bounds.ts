import type { WindowBounds } from '../settings/schema';

export type { WindowBounds };

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1200, height: 800, maximized: false };
const MIN_WIDTH = 640;
const MIN_HEIGHT = 480;

/**
 * Restores saved bounds only if the window would still be visible on one of the current
 * displays (a monitor may have been unplugged since); otherwise keeps the size and lets the OS
 * place it.
 */
export function restoreBounds(
  saved: WindowBounds | undefined,
  displays: DisplayArea[],
): WindowBounds {
  if (!saved) return DEFAULT_BOUNDS;
  const width = Math.max(MIN_WIDTH, Math.round(saved.width));
  const height = Math.max(MIN_HEIGHT, Math.round(saved.height));
  const base = { width, height, maximized: saved.maximized };
  if (saved.x === undefined || saved.y === undefined) return base;
  const { x, y } = saved;
  const visible = displays.some(
    (d) => x + 100 > d.x && y + 50 > d.y && x + 100 < d.x + d.width && y + 50 < d.y + d.height,
  );
  return visible ? { ...base, x, y } : base;
}
