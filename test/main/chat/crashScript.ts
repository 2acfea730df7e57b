/** The answer the crash child streams, rebuilt by the parent to check what reached the disk. */

const PIECES = [
  'Tiết kiệm điện mùa hè: ',
  'tắt điều hoà khi ra khỏi phòng. ',
  '中转站的模型接口很稳定，',
  '流式输出不会中断。',
  'Checkpoints land every 250 ms ',
  'and a kill -9 loses at most that much. ',
  '😀 emoji survive too 🚀 ',
  'Đường đi đến đồng bằng sông Cửu Long. ',
];

export function crashAnswer(seed: number): string {
  let x = seed >>> 0 || 1;
  let out = '';
  while (out.length < 6000) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += PIECES[x % PIECES.length];
  }
  return out;
}

/** Deterministic chunking of the answer into whole code points (1–12 per delta). */
export function crashChunks(seed: number): string[] {
  const points = Array.from(crashAnswer(seed));
  const chunks: string[] = [];
  let x = (seed * 7919) >>> 0 || 1;
  for (let i = 0; i < points.length;) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const size = 1 + (x % 12);
    chunks.push(points.slice(i, i + size).join(''));
    i += size;
  }
  return chunks;
}
