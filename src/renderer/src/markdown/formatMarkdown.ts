import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import type { Root as HastRoot } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList, type Processor } from 'unified';

/**
 * react-markdown's pipeline (remark-parse, the plugins, remark-rehype, hast to React elements)
 * with its processor built once per plugin list. react-markdown builds and freezes a new one on
 * every call, which runs every plugin's setup (GFM's syntax extensions among them) again for
 * each block, and for a streaming answer's last block in every frame: about half the time of
 * formatting a short block (`npm run bench:markdown`). Its options are react-markdown's for the
 * way the app calls it: raw HTML reaches remark-rehype as react-markdown lets it, though none
 * is left by then (markdownPlugins turns it into text); URLs are kept as written (SafeLink and
 * MarkdownImage judge them); no elements are filtered.
 */
const processors = new Map<PluggableList, Processor<never, never, HastRoot>>();

function processorFor(plugins: PluggableList): Processor<never, never, HastRoot> {
  let processor = processors.get(plugins);
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(plugins)
      .use(remarkRehype, { allowDangerousHtml: true })
      .freeze() as unknown as Processor<never, never, HastRoot>;
    processors.set(plugins, processor);
  }
  return processor;
}

/** `markdown` as React elements, through the plugins given; throws what a plugin throws. */
export function formatMarkdown(
  markdown: string,
  plugins: PluggableList,
  components: Partial<Components>,
): ReactNode {
  const processor = processorFor(plugins);
  const tree = processor.runSync(processor.parse(markdown));
  return toJsxRuntime(tree, {
    Fragment,
    components,
    ignoreInvalidStyle: true,
    jsx,
    jsxs,
    passKeys: true,
    passNode: true,
  });
}
