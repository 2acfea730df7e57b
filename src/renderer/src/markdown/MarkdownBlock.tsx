import { createElement, memo, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { renderProbe } from './renderProbe';
import { CodeBlock, FencedCode, InlineCode } from './CodeBlock';
import { parseFencedBlock } from './fencedBlock';
import { MermaidView } from './MermaidView';
import { MarkdownImage } from './MarkdownImage';
import { remarkPlugins, remarkPluginsFor, remarkPluginsWithoutAutolinks } from './markdownPlugins';
import { formatMarkdown } from './formatMarkdown';
import { useMarkdownEnvironment } from './markdownContext';
import { SafeLink } from './SafeLink';
import { PlainBlock } from './PlainBlock';
import { proseBlock } from './proseBlock';
import { BoundedCache } from '../boundedCache';
import {
  MarkdownLimitError,
  precheckBlock,
  overBudget,
  renderLimits,
  wasSlow,
  type PlainReason,
} from './renderLimits';

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
  /** The block will not change (not the growing tail of a stream): its rendering is kept. */
  readonly settled?: boolean;
}

/**
 * Finished blocks rendered before, by their source: a conversation opened again, or a message
 * scrolled back into view, reuses the element tree instead of parsing its Markdown again.
 * React elements are immutable, so one tree can be mounted any number of times. A tree takes
 * several times its source in memory, so the bound is small: about the blocks on screen in
 * the last dozen conversations opened (a day of browsing must not grow the heap).
 */
export const renderedBlocks = new BoundedCache<string, Bounded>(300, 300_000);

/**
 * One top-level block. Memoised on its source: while an answer streams, finished blocks keep the
 * same props and are skipped; only the growing last block is parsed again.
 */
export const MarkdownBlock = memo(function MarkdownBlock({
  index,
  source,
  definitions,
  settled = false,
}: MarkdownBlockProps) {
  renderProbe.onBlock?.(index, source);
  // One line of plain prose (or a plain heading) is the element react-markdown would make, keyed
  // as it keys it (`p-0`), so a streaming paragraph that gains markup keeps its element.
  const plain = proseBlock(source, renderLimits.maxBlockChars);
  if (plain) return createElement(plain.tag, { key: `${plain.tag}-0` }, plain.text);
  // The commonest heavy block skips the Markdown parser: a top-level fence is parsed here in one pass,
  // and open and closed it is the same component, so closing it re-highlights one chunk only.
  const fence = parseFencedBlock(source);
  if (fence?.language === 'mermaid') return <MermaidView code={fence.code} closed={fence.closed} />;
  if (fence && fence.language !== 'math')
    return <FencedCode language={fence.language} code={fence.code} />;
  const key = definitions ? `${definitions}\u0000${source}` : source;
  let rendered = settled ? renderedBlocks.get(key) : undefined;
  if (!rendered) {
    rendered = renderBounded(source, definitions);
    // A block refused for time depends on how busy the machine was: not kept.
    if (settled && rendered.plain !== 'time') renderedBlocks.set(key, rendered, key.length);
  }
  if (rendered.plain) return <PlainBlock source={source} reason={rendered.plain} />;
  return rendered.node;
}, sameBlock);

// `settled` only decides whether a rendering is kept: a stream's last block that stops growing
// is not rendered again for it (its next mount keeps it).
function sameBlock(a: MarkdownBlockProps, b: MarkdownBlockProps): boolean {
  return a.index === b.index && a.source === b.source && a.definitions === b.definitions;
}

/**
 * Formats `text` once, keeping and timing nothing: the parser's code is compiled while the app is
 * idle rather than during the first conversation opened.
 */
export function warmUpBlocks(text: string): void {
  try {
    // Both processors the app uses (see remarkPluginsFor) are built here.
    formatMarkdown(text, remarkPlugins, components);
    formatMarkdown(text, remarkPluginsWithoutAutolinks, components);
  } catch {
    // Only a warm-up: the real rendering reports its own failures.
  }
}

type Bounded = { plain: PlainReason; node?: undefined } | { plain: null; node: ReactNode };

/**
 * The block through the Markdown pipeline (formatMarkdown), within the limits of renderLimits.
 * The pipeline is a plain function, called here rather than mounted: a failure or an overrun is
 * then known while this block renders and can be answered with the plain-text view instead of
 * reaching an error boundary.
 */
function renderBounded(source: string, definitions: string): Bounded {
  const refused = precheckBlock(source) ?? (wasSlow(source) ? 'time' : null);
  if (refused) return { plain: refused };
  // Definitions come from other blocks, unchecked in size: past the limit the block is formatted
  // without them (a reference link then reads as its text) rather than not at all.
  const usable = source.length + definitions.length <= renderLimits.maxBlockChars;
  const markdown = definitions && usable ? `${definitions}\n${source}` : source;
  const started = renderLimits.now();
  let node: ReactNode;
  try {
    node = formatMarkdown(markdown, remarkPluginsFor(markdown), components);
  } catch (error) {
    if (error instanceof MarkdownLimitError) return { plain: error.reason };
    console.error('Markdown block could not be rendered; showing it as plain text.', error);
    return { plain: 'error' };
  }
  if (overBudget(source, renderLimits.now() - started)) return { plain: 'time' };
  return { plain: null, node };
}
