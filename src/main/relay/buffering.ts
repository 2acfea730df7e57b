import type { FetchLike } from './types';

/** How an answer travelled: as it was written, in a few large blocks, or all at the end. */
export type Buffering = 'streams' | 'partly' | 'buffered';

export interface Read {
  at: number;
  bytes: number;
}

export interface ArrivalStats {
  /** Text events the relay sent (its tokens; the parser merges those of one read). */
  pieces: number;
  /** Every network read of the answer's body: when (`performance.now()`) and how many bytes. */
  reads: Read[];
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
 * Proxies forward what they buffered in blocks of kilobytes; a stream read late on a busy machine
 * merges a few events of ~200 bytes. Only blocks this large on average count as buffering.
 */
const BLOCK_BYTES = 1024;
/**
 * A proxy's buffer (nginx: 4 KB). An answer smaller than this fits in one block whatever the path
 * does, and a busy machine that reads it late (the client or the relay stalled for the length of
 * the answer) gets it in one or two reads just the same: such an answer cannot show buffering.
 */
export const MIN_BYTES = 4096;

/**
 * Judges buffering from network reads, not from event timing alone (which two reads a few ms
 * apart could pass): reads per piece, their size, and how they spread against the time to first
 * text.
 */
export function judgeBuffering(stats: ArrivalStats): Buffering | null {
  const { pieces, reads } = stats;
  if (pieces < MIN_PIECES || reads.length === 0) return null;
  const bytes = reads.reduce((sum, r) => sum + r.bytes, 0);
  if (bytes < MIN_BYTES) return null;
  const last = (reads[reads.length - 1] as Read).at;
  const total = last - stats.startedAt;
  const spread = last - stats.firstTextAt;
  const perPiece = reads.length / pieces;
  const meanBytes = bytes / reads.length;
  // One or two reads of real blocks: the answer was held back. Two reads of which one is small
  // (the first event alone, then the rest read late) are judged by the rules below.
  if (reads.length <= 2 && reads.every((r) => r.bytes >= BLOCK_BYTES)) return 'buffered';
  if (perPiece < PARTLY_READS_PER_PIECE && meanBytes >= BLOCK_BYTES)
    return spread <= HELD_BACK_SHARE * total ? 'buffered' : 'partly';
  return 'streams';
}

/**
 * A fetch that notes the time of every read of a successful answer's body, one per chunk the
 * network delivered (a TransformStream passes chunks through one for one).
 */
export function timingReads(fetchFn: FetchLike, reads: Read[]): FetchLike {
  return async (url, init) => {
    const response = await fetchFn(url, init);
    if (!response.ok || response.body === null) return response;
    const timed = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          reads.push({ at: performance.now(), bytes: chunk.byteLength });
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
