import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { PluggableList } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

// No raw HTML ever becomes elements. react-markdown would turn it into bare text; showing it as
// what it is, an HTML snippet the model wrote, reads better: block HTML becomes its own
// preformatted paragraph, inline HTML plain text.
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
function htmlAsText(node: MdastNodes): void {
  if (!('children' in node)) return;
  const flow = FLOW_PARENTS.has(node.type);
  node.children.forEach((child, index) => {
    if (child.type !== 'html') return htmlAsText(child);
    const text = { type: 'text', value: child.value } as const;
    // hChildren skips remark-rehype's trimming of each line, keeping the snippet's indentation.
    const data = { hProperties: { className: ['md-raw-html'] }, hChildren: [text] };
    node.children[index] = flow ? { type: 'paragraph', children: [], data } : text;
  });
}
function remarkHtmlAsText() {
  return (tree: MdastRoot) => htmlAsText(tree);
}

// No rehype plugins: code is highlighted by HighlightedCode and math rendered by MathView, both
// from the components react-markdown is given (see those files for why not rehype-highlight and
// rehype-katex).
export const remarkPlugins: PluggableList = [remarkGfm, remarkMath, remarkHtmlAsText];

/** Keep URLs as written; SafeLink and MarkdownImage decide what each scheme may do. */
export function keepUrl(url: string): string {
  return url;
}
