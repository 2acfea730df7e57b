import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { PluggableList } from 'unified';
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

/** Keep URLs as written; SafeLink and MarkdownImage decide what each scheme may do. */
export function keepUrl(url: string): string {
  return url;
}
