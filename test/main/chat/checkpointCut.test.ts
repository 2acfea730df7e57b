import { describe, expect, it } from 'vitest';
import { checkpointEnd } from '../../../src/main/chat/checkpointCut';
import { maskEchoedKey } from '../../../src/main/chat/maskEchoedKey';

const KEY = 'hsa-0123456789abcdef0123';

/** Writes `text` as it grows by `steps`, one checkpoint per step, as ChatTurn does. */
function written(steps: string[], key: string | null = KEY): string[] {
  let text = '';
  let saved = 0;
  const pieces: string[] = [];
  for (const step of steps) {
    text += step;
    const end = checkpointEnd(text, saved, 1000, key ?? undefined);
    pieces.push(maskEchoedKey(text.slice(saved, end), key ?? undefined));
    saved = end;
  }
  return pieces;
}

describe('checkpointEnd', () => {
  it('writes everything when no key can be in the text', () => {
    expect(written(['Hello ', 'world'])).toEqual(['Hello ', 'world']);
    expect(written(['Hello ', 'hsa-01'], null)).toEqual(['Hello ', 'hsa-01']);
  });

  it('holds back the start of a key until it is complete, then writes it masked', () => {
    const pieces = written(['Echo: hsa-0123', '456789abcdef0123 end', '.']);
    expect(pieces).toEqual(['Echo: ', 'hsa-…0123 end', '.']);
    expect(pieces.join('')).toBe(maskEchoedKey(`Echo: ${KEY} end.`, KEY));
  });

  it('never writes any part of a key, whichever way it is cut', () => {
    const text = `a${KEY}b${KEY}${KEY}c 中文 ${KEY.slice(0, 12)}`;
    for (let size = 1; size <= 9; size++) {
      const steps = text.match(new RegExp(`[^]{1,${size}}`, 'gu')) ?? [];
      const pieces = written(steps);
      for (const piece of pieces) expect(piece).not.toContain('hsa-0');
      expect(pieces.join('')).toBe(maskEchoedKey(text.slice(0, -12), KEY));
    }
  });

  it('writes at most maxChars at once, never splitting a surrogate pair', () => {
    const text = '😀'.repeat(10);
    expect(checkpointEnd(text, 0, 5, undefined)).toBe(4);
    expect(checkpointEnd(text, 4, 100, undefined)).toBe(20);
    expect(checkpointEnd('abcdef', 2, 3, undefined)).toBe(5);
  });
});
