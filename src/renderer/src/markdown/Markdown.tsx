import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import './markdown.css';
import { codeHighlighter } from './lazyRenderers';
import { MarkdownBlock, warmUpBlocks } from './MarkdownBlock';
import { renderProbe } from './renderProbe';
import {
  defaultMarkdownLabels,
  MarkdownContext,
  type MarkdownEnvironment,
  type MarkdownLabels,
} from './markdownContext';
import { joinDefinitions, splitIncremental, type SplitState } from './splitBlocks';
import { BoundedCache } from '../boundedCache';

export interface MarkdownProps {
  /** Markdown written by the model (untrusted). */
  readonly text: string;
  /** True while the answer is still arriving; the text is expected to grow by appending. */
  readonly streaming: boolean;
  /** An http(s)/mailto link was activated; open it outside the app. */
  readonly onOpenLink: (url: string) => void;
  /** The user asked to see a remote image; resolve to a `data:image/…` URL (main fetches it). */
  readonly onLoadImage: (url: string) => Promise<string>;
  /** Translated strings; English defaults for any left out. */
  readonly labels?: Partial<MarkdownLabels>;
  readonly className?: string;
}

/**
 * Renders a message's Markdown as independent memoised blocks so that, while an answer streams,
 * only the last block is parsed and rendered again.
 */
export const Markdown = memo(MarkdownView, sameProps);

// The first answer on screen fetches the highlighter in an idle period and warms its grammars
// (see warmUpHighlighter), so the first code block of the session does not wait for either.
let warmUpStarted = false;
function warmUpOnce(): void {
  if (warmUpStarted || typeof requestIdleCallback !== 'function') return;
  warmUpStarted = true;
  requestIdleCallback(
    () =>
      void codeHighlighter.load().then(
        (highlighter) => highlighter.warmUpHighlighter(),
        () => undefined,
      ),
    { timeout: 5_000 },
  );
}

// What answers are made of: headings, emphasis, lists, links, a table, code and math.
const SAMPLE = [
  '### A heading with `code`',
  '',
  'A paragraph with **bold**, *emphasis*, ~~struck~~ text and a [link](https://example.com).',
  '',
  '- an item',
  '  1. a nested one',
  '- [x] a task',
  '',
  '> a quotation',
  '',
  '| a | b |',
  '| --- | --- |',
  '| 1 | 2 |',
  '',
  '```ts',
  'const x = 1;',
  '```',
  '',
  'Inline math $x^2$.',
].join('\n');

/** Lexes and formats a sample answer, unseen: the first conversation opened finds the code ready. */
export function warmUpMarkdown(): void {
  splitIncremental(null, SAMPLE);
  warmUpBlocks(SAMPLE);
}

function MarkdownView({
  text,
  streaming,
  onOpenLink,
  onLoadImage,
  labels,
  className,
}: MarkdownProps) {
  renderProbe.onMarkdown?.(text);
  const blocks = useBlocks(text);
  const environment = useEnvironment(onOpenLink, onLoadImage, labels);
  const definitions = joinDefinitions(blocks);
  useEffect(warmUpOnce, []);

  return (
    <MarkdownContext value={environment}>
      <div
        className={className ? `md-root ${className}` : 'md-root'}
        data-streaming={streaming ? 'true' : undefined}
        aria-busy={streaming || undefined}
      >
        {blocks.map((block, index) => (
          <MarkdownBlock
            // Blocks only ever grow at the end, so the index is a stable identity.
            key={index}
            index={index}
            source={block.content}
            definitions={definitions && block.content.includes('[') ? definitions : ''}
            settled={!streaming || index < blocks.length - 1}
          />
        ))}
      </div>
    </MarkdownContext>
  );
}

/**
 * Texts split before, by their text: a conversation opened again, or a message scrolled back
 * into view, does not lex its Markdown again. Bounded in entries and characters.
 */
const splits = new BoundedCache<string, SplitState>(300, 200_000);

function splitOnMount(text: string): SplitState {
  let split = splits.get(text);
  if (!split) {
    split = splitIncremental(null, text);
    splits.set(text, split, text.length);
  }
  return split;
}

/** Blocks of `text`, re-lexing only the tail when the text grew since the previous render. */
function useBlocks(text: string) {
  const [split, setSplit] = useState<SplitState>(() => splitOnMount(text));
  let current = split;
  if (split.input !== text) {
    // Derived from the previous render's state (React's documented pattern for it).
    current = splitIncremental(split, text);
    setSplit(current);
  }
  return current.blocks;
}

/**
 * The context every block reads. It changes only when a label does: new callback identities from
 * the parent must not re-render thousands of finished blocks, so callbacks go through refs.
 */
function useEnvironment(
  onOpenLink: (url: string) => void,
  onLoadImage: (url: string) => Promise<string>,
  labels: Partial<MarkdownLabels> | undefined,
): MarkdownEnvironment {
  const openRef = useRef(onOpenLink);
  const loadRef = useRef(onLoadImage);
  useLayoutEffect(() => {
    openRef.current = onOpenLink;
    loadRef.current = onLoadImage;
  }, [onOpenLink, onLoadImage]);

  // Worked out again only for a new labels object (a message's labels are made once per language),
  // not on every render of a streaming answer.
  const labelsKey = useMemo(() => JSON.stringify(mergeLabels(labels)), [labels]);
  return useMemo<MarkdownEnvironment>(
    () => ({
      labels: JSON.parse(labelsKey) as MarkdownLabels,
      openLink: (url) => openRef.current(url),
      loadImage: (url) => loadRef.current(url),
    }),
    [labelsKey],
  );
}

function mergeLabels(labels: Partial<MarkdownLabels> | undefined): MarkdownLabels {
  if (!labels) return defaultMarkdownLabels;
  const merged: Record<string, string> = { ...defaultMarkdownLabels };
  for (const [key, value] of Object.entries(labels))
    if (typeof value === 'string') merged[key] = value;
  return merged as unknown as MarkdownLabels;
}

// A list re-rendering with the same message must not redo even the cheap per-message work;
// `labels` is compared by content so an inline object literal does not defeat the memo.
function sameProps(a: MarkdownProps, b: MarkdownProps): boolean {
  return (
    a.text === b.text &&
    a.streaming === b.streaming &&
    a.onOpenLink === b.onOpenLink &&
    a.onLoadImage === b.onLoadImage &&
    a.className === b.className &&
    sameLabels(a.labels, b.labels)
  );
}

function sameLabels(
  a: Partial<MarkdownLabels> | undefined,
  b: Partial<MarkdownLabels> | undefined,
) {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof MarkdownLabels)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
