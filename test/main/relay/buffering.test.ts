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

  it('too few tokens to tell', () => {
    expect(
      judgeBuffering({ pieces: 5, reads: reads([10], 500), startedAt: 0, firstTextAt: 10 }),
    ).toBeNull();
  });
});
