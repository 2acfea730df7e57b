import type { FetchLike } from './types';

/** How an answer travelled: as it was written, in a few large blocks, or all at the end. */
export type Buffering = 'streams' | 'partly' | 'buffered';

export interface ArrivalStats {
  /** Text events the relay sent (its tokens; the parser merges those of one read). */
  pieces: number;
  /** `performance.now()` of every network read of the answer's body. */
  reads: number[];
  /** When the request was sent. */
  startedAt: number;
  /** When the first text arrived. */
  firstTextAt: number;
}

/** Fewer pieces than this cannot show how the answer travelled. */
export const MIN_PIECES = 12;
/** A healthy stream gets about one read per piece; buffering proxies pack many into each. */
const PARTLY_READS_PER_PIECE = 0.35;
/** Everything in the last tenth of the wait: the answer was held back until (nearly) complete. */
const HELD_BACK_SHARE = 0.1;

/**
 * Judges buffering from network reads, not from event timing alone (which two reads a few ms
 * apart could pass): reads per piece, and how the reads spread against the time to first text.
 */
export function judgeBuffering(stats: ArrivalStats): Buffering | null {
  const { pieces, reads } = stats;
  if (pieces < MIN_PIECES || reads.length === 0) return null;
  const last = reads[reads.length - 1] as number;
  const total = last - stats.startedAt;
  const spread = last - stats.firstTextAt;
  const perPiece = reads.length / pieces;
  if (reads.length <= 2) return 'buffered';
  if (perPiece < PARTLY_READS_PER_PIECE)
    return spread <= HELD_BACK_SHARE * total ? 'buffered' : 'partly';
  return 'streams';
}

/**
 * A fetch that notes the time of every read of a successful answer's body, one per chunk the
 * network delivered (a TransformStream passes chunks through one for one).
 */
export function timingReads(fetchFn: FetchLike, reads: number[]): FetchLike {
  return async (url, init) => {
    const response = await fetchFn(url, init);
    if (!response.ok || response.body === null) return response;
    const timed = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          reads.push(performance.now());
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(timed, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
