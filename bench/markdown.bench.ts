/**
 * Markdown formatting benchmark (`npm run bench:markdown`).
 *
 * What one block of an answer costs to format (parse, GFM and math, the HTML-as-text step, the
 * hast to React elements step), in Node's V8 (the renderer's engine), with the app's plugins and
 * components left aside: two cases.
 * - Opening: every block of 200 seeded answers (the ones `bench:ui` opens: a heading, code, a
 *   table, a paragraph with emphasis and math) and of 200 prose answers, a fifth of them with a
 *   link or an e-mail address.
 * - Streaming: a 60-word paragraph re-formatted at every token, as the growing last block of a
 *   streaming answer is: one with bold words and inline code, one of plain prose.
 * Each case runs through react-markdown with the full GFM parser on every block, then as the app
 * does (proseBlock: one line of plain prose, or a plain heading, without the parser;
 * formatMarkdown: the same pipeline built once; remarkPluginsFor: without the literal-autolink
 * parsing where a block cannot hold one). Figures: microseconds per block, the median of 15
 * rounds (the two ways alternate) after two to warm up.
 */
import { createElement } from 'react';
import renderMarkdown from 'react-markdown';
import type { PluggableList } from 'unified';
import { cpus, loadavg } from 'node:os';
import {
  keepUrl,
  remarkPlugins,
  remarkPluginsFor,
} from '../src/renderer/src/markdown/markdownPlugins';
import { splitIncremental } from '../src/renderer/src/markdown/splitBlocks';
import { parseFencedBlock } from '../src/renderer/src/markdown/fencedBlock';
import { formatMarkdown } from '../src/renderer/src/markdown/formatMarkdown';
import { proseBlock } from '../src/renderer/src/markdown/proseBlock';
import { renderLimits } from '../src/renderer/src/markdown/renderLimits';
import { seedAnswer } from './seed';

const ROUNDS = 15;

function proseAnswer(i: number): string {
  const link =
    i % 5 === 0
      ? ` See https://api-docs.example.com/v1/models/${i} or mail ops${i}@example.com.`
      : '';
  return [
    `Trả lời ${i}: the relay forwards the request unchanged; 中转站 only swaps the key.`,
    '',
    `1. Set the **base URL** to the relay's address.${link}`,
    '2. Keep the `model` field as the provider names it.',
    '3. Watch the *first token* time: it shows the relay’s own queue.',
    '',
    `Streaming answers arrive in pieces of a few characters each, and the client shows each piece in the next frame; number ${i}.`,
  ].join('\n');
}

/** The blocks the app formats as Markdown: top-level code fences take their own path. */
function formattedBlocks(answers: string[]): string[] {
  return (
    answers
      // Each block as MarkdownBlock gets it: without its trailing blank lines.
      .flatMap((answer) => splitIncremental(null, answer).blocks.map((block) => block.content))
      .filter((block) => {
        const fence = parseFencedBlock(block);
        return !fence || fence.language === 'math';
      })
  );
}

const opening = formattedBlocks([
  ...Array.from({ length: 200 }, (_, i) => seedAnswer(i)),
  ...Array.from({ length: 200 }, (_, i) => proseAnswer(i)),
]);

const words = Array.from({ length: 60 }, (_, i) =>
  i % 13 === 5 ? `**word${i}**` : i % 17 === 3 ? `\`code${i}\`` : `word${i}`,
);
const streaming = words.map((_, i) => words.slice(0, i + 1).join(' '));
const prose = Array.from({ length: 60 }, (_, i) =>
  i % 9 === 8 ? `relay${i}.` : i % 7 === 6 ? `(${i}%),` : i % 11 === 4 ? '中转站' : `word${i}`,
);
const streamingProse = prose.map((_, i) => prose.slice(0, i + 1).join(' '));

function format(block: string, plugins: PluggableList): void {
  renderMarkdown({ children: block, remarkPlugins: plugins, urlTransform: keepUrl });
}

/**
 * As MarkdownBlock does: a line of plain prose (or a plain heading) becomes its element without
 * the parser; other blocks go through the pipeline built once (formatMarkdown).
 */
function formatAsApp(block: string): void {
  const plain = proseBlock(block, renderLimits.maxBlockChars);
  if (plain) createElement(plain.tag, { key: `${plain.tag}-0` }, plain.text);
  else formatMarkdown(block, remarkPluginsFor(block), {});
}

/** Microseconds per block, full GFM and as the app does, timed in alternate rounds. */
function perBlock(blocks: string[]): { full: number; app: number } {
  const times = { full: [] as number[], app: [] as number[] };
  const ways = { full: (block: string) => format(block, remarkPlugins), app: formatAsApp };
  for (let r = -2; r < ROUNDS; r++) {
    for (const way of ['full', 'app'] as const) {
      const started = performance.now();
      for (const block of blocks) ways[way](block);
      // The first two rounds warm the code up.
      if (r >= 0) times[way].push(((performance.now() - started) * 1000) / blocks.length);
    }
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
  return { full: median(times.full), app: median(times.app) };
}

const lean = opening.filter((block) => remarkPluginsFor(block) !== remarkPlugins).length;
const plain = opening.filter((block) => proseBlock(block, renderLimits.maxBlockChars)).length;
console.log(
  `Fleece Markdown benchmark: ${opening.length} blocks of 400 answers (${plain} of them plain prose or plain headings, ${lean} parsed without literal autolinks), ${words.length}-word streaming paragraphs; Node ${process.version}, ${cpus().length} cores (load average ${loadavg()[0]?.toFixed(1)}); ${new Date().toISOString().slice(0, 10)}`,
);
for (const [name, blocks] of [
  ['opening: a block of an answer', opening],
  ['streaming: a paragraph with markup', streaming],
  ['streaming: a paragraph of plain prose', streamingProse],
] as const) {
  const { full: before, app: now } = perBlock(blocks);
  console.log(
    `${name.padEnd(38)} full GFM ${before.toFixed(0).padStart(4)} µs; as the app formats it ${now.toFixed(0).padStart(4)} µs (${(((now - before) / before) * 100).toFixed(0)} %)`,
  );
}
