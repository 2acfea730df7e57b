import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { PluggableList, Processor } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { checkTreeDepth } from './renderLimits';

// No raw HTML ever becomes elements. react-markdown would turn it into bare text; showing it as
// what it is, an HTML snippet the model wrote, reads better: block HTML becomes its own
// preformatted paragraph, inline HTML plain text.
// The walk uses an explicit stack: model output decides how deep the tree is, and a recursive
// walk overflowed the call stack on a few kilobytes of nested quotes.
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
function htmlAsText(root: MdastRoot): void {
  const stack: MdastNodes[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!('children' in node)) continue;
    const flow = FLOW_PARENTS.has(node.type);
    const children = node.children;
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      if (!child) continue;
      if (child.type !== 'html') {
        stack.push(child);
        continue;
      }
      const text = { type: 'text', value: child.value } as const;
      // hChildren skips remark-rehype's trimming of each line, keeping the snippet's indentation.
      const data = { hProperties: { className: ['md-raw-html'] }, hChildren: [text] };
      children[index] = flow ? { type: 'paragraph', children: [], data } : text;
    }
  }
}
function remarkHtmlAsText() {
  return (tree: MdastRoot) => htmlAsText(tree);
}

// Runs first: a tree deeper than the limit is refused before the recursive steps after it
// (mdast to hast, hast to React elements, React's commit) can overflow the stack.
function remarkDepthLimit() {
  return (tree: MdastRoot) => checkTreeDepth(tree);
}

// No rehype plugins: code is highlighted by HighlightedCode and math rendered by MathView, both
// from the components react-markdown is given (see those files for why not rehype-highlight and
// rehype-katex).
export const remarkPlugins: PluggableList = [
  remarkDepthLimit,
  remarkGfm,
  remarkMath,
  remarkHtmlAsText,
];

// GFM's literal autolinks (www.x.com, https://x.com, a@b.co) are the dearest part of parsing
// prose: the tokenizer tries an e-mail address at the start of every word. Each of them needs an
// `@`, `www.` or `http(s):`, so a block with none of those cannot hold one and is parsed
// without them: the same result, a fifth to a quarter sooner (`npm run bench:markdown`).
const AUTOLINK_LITERALS = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);
const MAY_HOLD_AUTOLINK = /@|www\.|https?:/i;

interface SyntaxExtension {
  text?: Record<number, unknown>;
  [part: string]: unknown;
}

/** Removes the literal-autolink constructs remark-gfm registered (runs after it). */
function remarkWithoutAutolinkLiterals(this: Processor) {
  const data = this.data() as { micromarkExtensions?: SyntaxExtension[] };
  data.micromarkExtensions = data.micromarkExtensions?.map((extension) => {
    if (!extension.text) return extension;
    const text: Record<number, unknown> = {};
    for (const [code, entry] of Object.entries(extension.text)) {
      const kept = (Array.isArray(entry) ? entry : [entry]).filter(
        (construct: { name?: string } | null) => !AUTOLINK_LITERALS.has(construct?.name ?? ''),
      );
      if (kept.length > 0) text[Number(code)] = kept;
    }
    return { ...extension, text };
  });
}

export const remarkPluginsWithoutAutolinks: PluggableList = [
  ...remarkPlugins,
  remarkWithoutAutolinkLiterals,
];

/** The plugins for `markdown`: without the literal-autolink parsing when it cannot hold one. */
export function remarkPluginsFor(markdown: string): PluggableList {
  return MAY_HOLD_AUTOLINK.test(markdown) ? remarkPlugins : remarkPluginsWithoutAutolinks;
}

/** Keep URLs as written; SafeLink and MarkdownImage decide what each scheme may do. */
export function keepUrl(url: string): string {
  return url;
}
