/**
 * Bounds on the Markdown work one block may cost. Model output is untrusted, and the parser
 * (micromark) is superlinear on some shapes: measured in Node, 200 nested list levels took 4 s,
 * 3,000 nested brackets 28 s, 30,000 `a_b` words 61 s, and a few thousand nested quotes or
 * emphasis overflow the call stack. A block past these bounds is shown as plain text instead.
 */

export type PlainReason = 'size' | 'depth' | 'time' | 'error';

export const renderLimits = {
  /** Longest block (characters) handed to the Markdown parser. */
  maxBlockChars: 40_000,
  /** Deepest container nesting (quotes, list levels) read from the lines' prefixes. */
  maxSourceNesting: 16,
  /** Deepest `[` nesting within a paragraph (unclosed brackets count until a blank line). */
  maxBracketNesting: 64,
  /** Most emphasis delimiters (`*`, `_`, `~`) in one block: their matching is quadratic. */
  maxDelimiters: 1_000,
  /** Deepest Markdown tree, checked after parsing, before the recursive steps that follow. */
  maxTreeDepth: 48,
  /**
   * Longest formula handed to KaTeX, and its deepest nesting (`{`, `\left`, `\begin`). KaTeX's
   * layout is quadratic in nesting: measured in jsdom, 200 nested `\sqrt{` took 1.2 s, 1,000 took
   * 42 s; a long real formula is a few hundred characters and a handful of levels deep.
   */
  maxTexChars: 4_000,
  maxTexNesting: 24,
  /**
   * Deepest highlighted code (nested spans). A grammar with nesting scopes (JavaScript's `${`
   * inside template strings) made 5,000 levels from 20 KB of code and overflowed the stack.
   */
  maxHighlightDepth: 32,
  /** A block whose parse and conversion take longer is shown as plain text from then on. */
  budgetMs: 250,
  /**
   * Blocks shorter than this are never judged by the clock: within the limits above they are
   * cheap, and a pause from elsewhere (garbage collection, a busy machine) must not turn an
   * ordinary paragraph into plain text.
   */
  minTimedChars: 4_000,
  now: (): number => performance.now(),
};

/** Thrown from inside the Markdown pipeline when a parsed tree is deeper than allowed. */
export class MarkdownLimitError extends Error {
  constructor(readonly reason: PlainReason) {
    super(`Markdown block over its ${reason} limit`);
    this.name = 'MarkdownLimitError';
  }
}

const FENCE = /^(?:`{3,}|~{3,})/;

/**
 * Why `source` must not be parsed, or null. One linear pass over the text, no recursion:
 * container depth is read from each line's prefix (`>` markers, list markers, indentation;
 * fenced code is skipped), bracket depth from `[`/`]` pairs.
 */
export function precheckBlock(source: string): PlainReason | null {
  if (source.length > renderLimits.maxBlockChars) return 'size';
  const limit = renderLimits.maxSourceNesting;
  let delimiters = 0;
  let brackets = 0;
  let inFence = false;
  let lineStart = true;
  let prefixDepth = 0;
  let indent = 0;
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 10) {
      if (lineStart && prefixDepth === 0) brackets = 0; // a blank line ends every open label
      lineStart = true;
      prefixDepth = 0;
      indent = 0;
      continue;
    }
    if (lineStart) {
      // Inside the line's container prefix: count what opens a level.
      if (code === 32) indent++;
      else if (code === 9) indent += 4;
      else if (code === 62 /* > */) prefixDepth++;
      else if ((code === 45 || code === 42 || code === 43) && isSpaceAt(source, i + 1))
        prefixDepth++;
      else {
        lineStart = false;
        if (FENCE.test(source.slice(i, i + 4))) inFence = !inFence;
        // Two columns of indentation are enough to open a nested list level.
        if (!inFence && prefixDepth + Math.floor(indent / 2) > limit) return 'depth';
      }
      if (lineStart) continue;
    }
    if (inFence) continue;
    if (code === 92 /* \ */) {
      i++;
      continue;
    }
    if (code === 91 /* [ */ && ++brackets > renderLimits.maxBracketNesting) return 'depth';
    if (code === 93 /* ] */ && brackets > 0) brackets--;
    if ((code === 42 || code === 95 || code === 126) && ++delimiters > renderLimits.maxDelimiters)
      return 'size';
  }
  // A line made only of markers (`>>>>…` with nothing after) never left its prefix.
  if (lineStart && prefixDepth + Math.floor(indent / 2) > limit) return 'depth';
  return null;
}

function isSpaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === 32 || code === 9 || Number.isNaN(code) || code === 10;
}

interface TreeNode {
  readonly type: string;
  readonly children?: readonly TreeNode[];
}

/** Throws MarkdownLimitError when the tree is deeper than allowed; iterative. */
export function checkTreeDepth(root: TreeNode): void {
  // The root counts as the first level.
  if (treeDepthOver(root, renderLimits.maxTreeDepth - 1)) throw new MarkdownLimitError('depth');
}

/** True when a formula is too long or too deeply nested to typeset; one pass, no recursion. */
export function texTooComplex(tex: string): boolean {
  if (tex.length > renderLimits.maxTexChars) return true;
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const code = tex.charCodeAt(i);
    if (code === 123 /* { */) depth++;
    else if (code === 125 /* } */) depth--;
    else if (code === 92 /* \ */) {
      const name = /^[a-zA-Z]+/.exec(tex.slice(i + 1, i + 8))?.[0];
      if (name === 'left' || name === 'begin') depth++;
      else if (name === 'right' || name === 'end') depth--;
      // A command's name, or the one character a backslash escapes (`\{`), is skipped whole.
      i += name ? name.length : 1;
    }
    if (depth > renderLimits.maxTexNesting) return true;
  }
  return false;
}

/** True when a tree goes more than `limit` levels below its root; iterative. */
export function treeDepthOver(root: TreeNode, limit: number): boolean {
  const stack: [TreeNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return true;
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return false;
}

// Blocks that went over the time budget. A streaming block keeps growing from the same start, so
// any block beginning with one of these stays plain text instead of paying the cost per delta.
const MAX_SLOW = 32;
const slowSources: string[] = [];

/** Whether a block that took `elapsedMs` went over its budget (and is remembered as slow). */
export function overBudget(source: string, elapsedMs: number): boolean {
  if (source.length < renderLimits.minTimedChars || elapsedMs <= renderLimits.budgetMs)
    return false;
  rememberSlow(source);
  return true;
}

function rememberSlow(source: string): void {
  slowSources.push(source);
  if (slowSources.length > MAX_SLOW) slowSources.shift();
}

export function wasSlow(source: string): boolean {
  return slowSources.some((slow) => source.startsWith(slow));
}

/** For tests: forget every block that went over the budget. */
export function forgetSlowBlocks(): void {
  slowSources.length = 0;
}
