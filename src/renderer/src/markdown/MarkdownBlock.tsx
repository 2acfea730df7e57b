import { memo, type ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import { renderProbe } from './renderProbe';
import { CodeBlock, FencedCode, InlineCode } from './CodeBlock';
import { parseFencedBlock } from './fencedBlock';
import { MarkdownImage } from './MarkdownImage';
import { keepUrl, remarkPlugins } from './markdownPlugins';
import { useMarkdownEnvironment } from './markdownContext';
import { SafeLink } from './SafeLink';

function ScrollingTable({ node: _node, ...props }: ComponentPropsWithoutRef<'table'> & ExtraProps) {
  return (
    <div className="md-table-scroll">
      <table {...props} />
    </div>
  );
}

/** GFM task list items: a read-only checkbox with a name. No other <input> can come from Markdown. */
function TaskCheckbox({ type, checked }: ComponentPropsWithoutRef<'input'> & ExtraProps) {
  const { labels } = useMarkdownEnvironment();
  if (type !== 'checkbox') return null;
  return (
    <input
      type="checkbox"
      className="md-task"
      checked={Boolean(checked)}
      disabled
      readOnly
      aria-label={checked ? labels.taskDone : labels.taskOpen}
    />
  );
}

const components: Components = {
  a: SafeLink,
  img: MarkdownImage,
  pre: CodeBlock,
  code: InlineCode,
  table: ScrollingTable,
  input: TaskCheckbox,
};

interface MarkdownBlockProps {
  readonly index: number;
  readonly source: string;
  /** Link reference definitions from elsewhere in the text; prepended so `[x][1]` resolves. */
  readonly definitions: string;
}

/**
 * One top-level block. Memoised on its source: while an answer streams, finished blocks keep the
 * same props and are skipped; only the growing last block is parsed again.
 */
export const MarkdownBlock = memo(function MarkdownBlock({
  index,
  source,
  definitions,
}: MarkdownBlockProps) {
  renderProbe.onBlock?.(index, source);
  // The commonest heavy block skips react-markdown: a top-level fence is parsed here in one pass,
  // and open and closed it is the same component, so closing it re-highlights one chunk only.
  const fence = parseFencedBlock(source);
  if (fence && fence.language !== 'math')
    return <FencedCode language={fence.language} code={fence.code} />;
  const markdown = definitions ? `${definitions}\n${source}` : source;
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} components={components} urlTransform={keepUrl}>
      {markdown}
    </ReactMarkdown>
  );
});
