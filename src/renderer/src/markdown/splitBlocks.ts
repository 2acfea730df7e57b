import { Lexer, getDefaults, type Token } from 'marked';

/**
 * One top-level piece of a Markdown document. Concatenating every block's `source` gives back the
 * (newline-normalised) text, so a block can be rendered on its own and memoised by its source.
 */
export interface SourceBlock {
  readonly source: string;
  /**
   * `source` without its trailing blank lines, which never change how a block looks: rendering
   * from this keeps a finished block's props equal when the blank line after it arrives.
   */
  readonly content: string;
  /** Link reference definitions (`[1]: https://…`) found in this block, one per line. */
  readonly definitions: string;
}

export interface SplitState {
  /** The raw input this state was computed from (to detect "unchanged" cheaply). */
  readonly input: string;
  /** The newline-normalised text; blocks tile it exactly. */
  readonly text: string;
  readonly blocks: readonly SourceBlock[];
}

const FENCE_START = /^ {0,3}(?:`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|\n|$)/;
const ENDS_WITH_BLANK_LINE = /\n[ \t]*\n[ \t]*$/;
const WHITESPACE_ONLY = /^\s*$/;
// How many trailing blocks are lexed again when the text grows (see splitIncremental).
const RELEX_BLOCKS = 2;
// remark-math flow math: a line of two or more dollars plus an optional meta without dollars,
// closed by a line of at least as many dollars. Its body may hold blank lines, which marked
// (knowing nothing of math) would split on.
const MATH_OPEN = /^ {0,3}(\${2,})[^$\n]*$/;
const MATH_CLOSE = /^ {0,3}(\${2,})[ \t]*$/;

export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Split Markdown into top-level blocks that render the same alone as inside the whole text. */
export function splitBlocks(text: string): string[] {
  return splitNormalized(normalizeNewlines(text)).map((block) => block.source);
}

/**
 * Split `input`, reusing `previous` when `input` only grew. Appending can change the last block
 * and fold it into the one before (`2` becoming `2.` continues the list above it), so the last
 * two blocks are lexed again; earlier blocks are kept as the same objects, and re-lexed blocks
 * whose source did not change are swapped back for the old objects, so memoised renders can
 * compare by identity.
 */
export function splitIncremental(previous: SplitState | null, input: string): SplitState {
  if (previous && previous.input === input) return previous;
  const text = normalizeNewlines(input);
  if (!previous || previous.blocks.length <= RELEX_BLOCKS || !text.startsWith(previous.text)) {
    return { input, text, blocks: splitNormalized(text) };
  }
  const keep = previous.blocks.length - RELEX_BLOCKS;
  const blocks = previous.blocks.slice(0, keep);
  let offset = 0;
  for (const block of blocks) offset += block.source.length;
  for (const block of splitNormalized(text.slice(offset))) {
    const old = previous.blocks[blocks.length];
    blocks.push(
      old && old.source === block.source && old.definitions === block.definitions ? old : block,
    );
  }
  return { input, text, blocks };
}

/** All link reference definitions of a document, ready to prepend to any block that needs them. */
export function joinDefinitions(blocks: readonly SourceBlock[]): string {
  let all = '';
  for (const block of blocks) if (block.definitions) all += block.definitions;
  return all;
}

// Only the top-level tokens' extent is used, but marked lexes each list item and quote again
// inside its parent: on deeply nested input that is quadratic (a 700-level list took 6 s) and
// recursive. Past this depth nothing is lexed: a top-level token's extent depends on its children
// (a quote's lazy continuation looks at its last child) but not on deeper levels, and input
// nested this deep is shown as plain text by the renderer anyway. Measured on the 700-level list:
// 6 s unbounded, about 350 ms at depth 8, about 200 ms at depth 3.
const MAX_LEX_DEPTH = 3;

function lexTopLevel(text: string): Token[] | null {
  // A fresh options object each time: marked's Lexer writes its tokenizer into the options it gets.
  const lexer = new Lexer({ ...getDefaults(), gfm: true, pedantic: false });
  const blockTokens = lexer.blockTokens.bind(lexer);
  let depth = 0;
  const bounded = (src: string, tokens: Token[] = [], clipped?: boolean): Token[] => {
    if (depth >= MAX_LEX_DEPTH) {
      lexer.state.top = true;
      return tokens;
    }
    depth++;
    try {
      return blockTokens(src, tokens, clipped);
    } finally {
      depth--;
    }
  };
  lexer.blockTokens = bounded as typeof lexer.blockTokens;
  try {
    return lexer.blockTokens(text, []);
  } catch {
    return null;
  }
}

function splitNormalized(text: string): SourceBlock[] {
  if (text === '') return [];
  const tokens = lexTopLevel(text);
  let total = 0;
  for (const token of tokens ?? []) total += token.raw.length;
  // Blocks must tile the text exactly; if marked ever disagrees, one block is still correct.
  if (!tokens || total !== text.length) return [makeBlock(text, '')];

  const blocks: SourceBlock[] = [];
  let current = '';
  let definitions = '';
  let previousToken: Token | undefined;
  let mathFence = 0;
  for (const token of tokens) {
    if (
      current !== '' &&
      mathFence === 0 &&
      token.type !== 'space' &&
      canSplit(current, previousToken, token)
    ) {
      blocks.push(makeBlock(current, definitions));
      current = '';
      definitions = '';
    }
    current += token.raw;
    if (token.type === 'def' && mathFence === 0) definitions += token.raw.trimEnd() + '\n';
    // Code is opaque to math unless a math block was already open (then marked's "code" is math).
    if (!(token.type === 'code' && mathFence === 0)) mathFence = scanMath(token.raw, mathFence);
    if (token.type !== 'space') previousToken = token;
  }
  if (current !== '') blocks.push(makeBlock(current, definitions));
  return blocks;
}

function makeBlock(source: string, definitions: string): SourceBlock {
  return { source, content: withoutTrailingBlankLines(source), definitions };
}

function withoutTrailingBlankLines(source: string): string {
  let cut = source.length;
  for (let i = source.length - 1; i >= 0; i--) {
    const char = source.charAt(i);
    if (char === '\n') cut = i;
    else if (char !== ' ' && char !== '\t') break;
  }
  return cut === source.length ? source : source.slice(0, cut);
}

/**
 * Whether a block may end before `next`. Merging is always correct (it only costs memoisation),
 * so split only where CommonMark surely starts afresh: after a blank line, or around a fenced
 * code block or an ATX heading (both interrupt a paragraph and end on their own line).
 */
function canSplit(current: string, previous: Token | undefined, next: Token): boolean {
  if (WHITESPACE_ONLY.test(current)) return false;
  if (ENDS_WITH_BLANK_LINE.test(current)) return true;
  return (previous !== undefined && isSelfContained(previous)) || isSelfContained(next);
}

function isSelfContained(token: Token): boolean {
  if (token.type === 'code') return FENCE_START.test(token.raw);
  if (token.type === 'heading') return ATX_HEADING.test(token.raw);
  return false;
}

/** Track a `$$` math block through the lines of `raw`; returns the open fence length or 0. */
function scanMath(raw: string, openFence: number): number {
  if (!raw.includes('$$')) return openFence;
  let fence = openFence;
  for (const line of raw.split('\n')) {
    if (fence > 0) {
      const close = MATH_CLOSE.exec(line);
      if (close?.[1] && close[1].length >= fence) fence = 0;
    } else {
      const open = MATH_OPEN.exec(line);
      if (open?.[1]) fence = open[1].length;
    }
  }
  return fence;
}
