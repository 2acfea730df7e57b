import { lazyModule, useLazyModule } from '../lazyModule';
import type { MarkdownProps } from './Markdown';
import { codeHighlighter, texRenderer } from './lazyRenderers';
import { whenIdle } from '../afterFirstPaint';

// The Markdown pipeline (marked, micromark, remark, GFM, the hast-to-React step) is about 40 %
// of the start-up script and is not needed to show the sidebar and the composer: it is its own
// chunk, fetched while the app is idle after start-up (preloadMarkdown) or by the first answer.
export const markdownRenderer = lazyModule(() => import('./Markdown'));

let preloading = false;

/**
 * Fetches the Markdown chunk in the next idle period (once), formats a sample answer in the one
 * after (so the first conversation opened does not compile the parser), then fetches the
 * highlighter, whose grammars are warmed a step per idle period, and KaTeX: none of it may land
 * in the first frames of a conversation or of a stream.
 */
export function preloadMarkdown(): void {
  if (preloading) return;
  preloading = true;
  const start = () =>
    void markdownRenderer
      .load()
      .then(async (module) => {
        await whenIdle();
        module.warmUpMarkdown();
      })
      .then(() => codeHighlighter.load())
      .then(async (highlighter) => {
        highlighter.warmUpHighlighter();
        // KaTeX and its stylesheet too: fetched by the first formula shown, they would land in
        // the frame that opens a conversation with math.
        await whenIdle();
        await texRenderer.load();
      })
      .catch(() => undefined);
  void whenIdle().then(start);
}

/**
 * Markdown, from its chunk. While the chunk loads (only if an answer is shown before the idle
 * fetch finished) the text takes its place invisibly, so the message keeps about its size and
 * no unformatted text flashes.
 */
export function LazyMarkdown(props: MarkdownProps) {
  const module = useLazyModule(markdownRenderer);
  if (!module) {
    return (
      <div className="md-root md-pending" aria-hidden="true">
        {props.text}
      </div>
    );
  }
  return <module.Markdown {...props} />;
}
