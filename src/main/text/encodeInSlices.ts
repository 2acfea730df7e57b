/** Characters encoded per task: well under a millisecond each. */
const SLICE = 64 * 1024;
/** Yield to the event loop once a run of slices took this long. */
const YIELD_AFTER_MS = 5;

/**
 * `text` as UTF-8, encoded a slice at a time with a yield between runs, so no single task of the
 * main process grows with the text (8 MB of text is ~130 slices).
 */
export async function encodeInSlices(text: string): Promise<Uint8Array> {
  // Three bytes per UTF-16 unit at most (a surrogate pair is two units for four bytes).
  const out = new Uint8Array(new ArrayBuffer(text.length * 3));
  const encoder = new TextEncoder();
  let written = 0;
  let runStarted = performance.now();
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + SLICE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    written += encoder.encodeInto(text.slice(start, end), out.subarray(written)).written;
    start = end;
    if (performance.now() - runStarted > YIELD_AFTER_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      runStarted = performance.now();
    }
  }
  return out.subarray(0, written);
}
