/**
 * Markdown as the words a reader sees, for search snippets: no `**`, `#`, backticks, link or
 * table syntax. Line-based and forgiving (model output is often not quite CommonMark); code keeps
 * its characters (a `*` in code is multiplication, not emphasis). HTML stays as written: it is
 * shown as text, never rendered. Lines are joined by "\n". A table row reads as its cells
 * between " · ", ending in ";", so a snippet that runs across rows stays readable on one line.
 */
export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const raw of markdown.split(/\r?\n/)) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence !== null) {
      if (fenceMatch?.[1] && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length)
        fence = null;
      else out.push(raw);
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    const line = plainLine(raw);
    if (line !== null) out.push(line);
  }
  return out.join('\n');
}

const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const LINK_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s+\S+/;
const MATH_FENCE = /^\s*\$\$\s*$/;

/** One line outside code fences; null when the line is syntax only. */
function plainLine(raw: string): string | null {
  if (TABLE_DIVIDER.test(raw) && raw.includes('-') && raw.includes('|')) return null;
  if (RULE.test(raw) || LINK_DEFINITION.test(raw) || MATH_FENCE.test(raw)) return null;
  let line = raw
    .replace(/^\s{0,3}(>\s?)+/, '') // block quotes
    .replace(/^\s{0,3}#{1,6}(\s+|$)/, '') // ATX headings
    .replace(/\s+#+\s*$/, '') // closing hashes of a heading
    .replace(/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/, ''); // list markers, task boxes
  if (/^\s*\|.*\|\s*$/.test(line)) {
    line = line
      .trim()
      .replace(/^\||\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
      .join(' · ')
      .concat(';');
  }
  return inline(line);
}

/** Inline syntax, with code spans kept as written (without their backticks). */
function inline(line: string): string {
  const parts = line.split(/(`+)(.+?)(?<!`)\1(?!`)/);
  let text = '';
  // split with two groups: [text, ticks, code, text, ticks, code, ...]
  for (let i = 0; i < parts.length; i += 3) {
    text += inlineText(parts[i] ?? '');
    if (i + 2 < parts.length) text += parts[i + 2] ?? '';
  }
  return text;
}

function inlineText(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1') // [text](url "title")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // [text][ref]
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // autolinks
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2') // strong
    .replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/g, '$1$2') // *em*
    .replace(/(^|[^\w])_(?=[^\s_])([^_]*?[^\s_])_(?!\w)/g, '$1$2') // _em_, not snake_case
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1') // strikethrough
    .replace(/\$\$([^$]+)\$\$/g, '$1') // display math written inline
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>$])/g, '$1'); // escapes
}
