import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, restoreBounds } from '../../../src/main/window/bounds';

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('restoreBounds', () => {
  it('uses defaults the first time', () => {
    expect(restoreBounds(undefined, [display])).toEqual(DEFAULT_BOUNDS);
  });

  it('restores size, position and maximized state when visible', () => {
    expect(
      restoreBounds({ x: 100, y: 80, width: 1000, height: 700, maximized: true }, [display]),
    ).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('drops the position when the saved display is gone but keeps the size', () => {
    expect(
      restoreBounds({ x: 2500, y: 80, width: 1000, height: 700, maximized: false }, [display]),
    ).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('enforces a minimum size', () => {
    expect(restoreBounds({ width: 10, height: 10, maximized: false }, [display])).toEqual({
      width: 640,
      height: 480,
      maximized: false,
    });
  });
});
