/** A top-level block that is exactly one fenced code block, open (still streaming) or closed. */
export interface FencedBlock {
  /** First word of the info string, e.g. `ts` in ```` ```ts title="a.ts" ````; undefined if none. */
  readonly language: string | undefined;
  /** The code, with the fence's own indentation removed as CommonMark does; no final newline. */
  readonly code: string;
  readonly closed: boolean;
}

const OPENING = /^(?:[ \t]*\n)*( {0,3})(`{3,}|~{3,})([^\n]*)(?:\n|$)/;

/**
 * The fenced code block `block` consists of, or null when the block is anything else (or holds
 * more than the fence). Linear in the block's length, so it can run on every streamed delta.
 */
export function parseFencedBlock(block: string): FencedBlock | null {
  const opening = OPENING.exec(block);
  if (!opening) return null;
  const indent = opening[1]?.length ?? 0;
  const fence = opening[2] ?? '';
  const info = opening[3] ?? '';
  // A backtick fence's info string may not contain backticks (then it is inline code, not a fence).
  if (fence.startsWith('`') && info.includes('`')) return null;

  const lines = block.slice(opening[0].length).split('\n');
  let end = lines.findIndex((line) => isClosing(line, fence.charAt(0), fence.length));
  const closed = end !== -1;
  if (closed) {
    // Anything but blank lines after the closing fence belongs to another construct.
    for (let i = end + 1; i < lines.length; i++) if (lines[i]?.trim()) return null;
  } else {
    end = lines.length;
    // An open fence ends at the end of the text; a trailing newline is not a line of code yet.
    if (lines[end - 1] === '') end--;
  }
  const body = lines.slice(0, end);
  const code = (indent > 0 ? body.map((line) => stripIndent(line, indent)) : body).join('\n');
  return { language: info.trim().split(/\s+/)[0] || undefined, code, closed };
}

function isClosing(line: string, fenceChar: string, length: number): boolean {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  let run = 0;
  while (line.charAt(i + run) === fenceChar) run++;
  return run >= length && line.slice(i + run).trim() === '';
}

function stripIndent(line: string, indent: number): string {
  let i = 0;
  while (i < indent && line.charCodeAt(i) === 32) i++;
  return line.slice(i);
}
