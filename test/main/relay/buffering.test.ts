import { describe, expect, it } from 'vitest';
import { judgeBuffering, type Read } from '../../../src/main/relay/buffering';

/** Reads at these times (ms after the request), each of `bytes`. */
const reads = (times: number[], bytes: number): Read[] => times.map((at) => ({ at, bytes }));
const every = (from: number, step: number, n: number): number[] =>
  Array.from({ length: n }, (_, i) => from + i * step);

describe('judging buffering from network reads', () => {
  it('one read per token, spread over the answer: streams', () => {
    const r = reads(every(300, 10, 60), 180);
    expect(judgeBuffering({ pieces: 60, reads: r, startedAt: 0, firstTextAt: 300 })).toBe(
      'streams',
    );
  });

  it('a busy machine merging a few events per read is still a stream', () => {
    const r = reads(every(300, 40, 15), 700);
    expect(judgeBuffering({ pieces: 60, reads: r, startedAt: 0, firstTextAt: 300 })).toBe(
      'streams',
    );
  });

  it('kilobyte blocks far apart: partly buffered', () => {
    const r = reads([320, 560, 800], 3000);
    expect(judgeBuffering({ pieces: 60, reads: r, startedAt: 0, firstTextAt: 320 })).toBe('partly');
    const more = reads([320, 420, 520, 620, 720, 820], 1800);
    expect(judgeBuffering({ pieces: 60, reads: more, startedAt: 0, firstTextAt: 320 })).toBe(
      'partly',
    );
  });

  it('everything in the last moment of the wait: buffered', () => {
    const r = reads([900, 901, 902, 903, 904, 905], 1800);
    expect(judgeBuffering({ pieces: 60, reads: r, startedAt: 0, firstTextAt: 900 })).toBe(
      'buffered',
    );
  });

  it('a short answer read late on a busy machine (first event, then the rest at once): cannot tell', () => {
    const late = [
      { at: 300, bytes: 242 },
      { at: 540, bytes: 3300 },
    ];
    expect(judgeBuffering({ pieces: 12, reads: late, startedAt: 0, firstTextAt: 540 })).toBeNull();
    const oneRead = reads([540], 3500);
    expect(
      judgeBuffering({ pieces: 12, reads: oneRead, startedAt: 0, firstTextAt: 540 }),
    ).toBeNull();
  });

  it('one or two proxy blocks holding the whole answer: buffered', () => {
    const blocks = reads([900, 905], 4096);
    expect(judgeBuffering({ pieces: 60, reads: blocks, startedAt: 0, firstTextAt: 900 })).toBe(
      'buffered',
    );
    const whole = reads([640], 4400);
    expect(judgeBuffering({ pieces: 16, reads: whole, startedAt: 0, firstTextAt: 640 })).toBe(
      'buffered',
    );
  });

  it('a block, then a small tail read at once: buffered', () => {
    const r = [
      { at: 900, bytes: 12140 },
      { at: 901, bytes: 300 },
    ];
    expect(judgeBuffering({ pieces: 60, reads: r, startedAt: 0, firstTextAt: 900 })).toBe(
      'buffered',
    );
  });

  it('too few tokens to tell', () => {
    expect(
      judgeBuffering({ pieces: 5, reads: reads([10], 500), startedAt: 0, firstTextAt: 10 }),
    ).toBeNull();
  });
});
