import { lazyModule } from '../lazyModule';

// KaTeX (with its stylesheet) and the highlighter with its grammars are most of the Markdown
// code by weight and are only needed once an answer holds math or code: each is its own chunk.
export const texRenderer = lazyModule(() => import('./katexRender'));
export const codeHighlighter = lazyModule(() => import('./highlighter'));
// Mermaid is larger than both together and rarer: its own chunk, fetched on the first diagram.
export const diagramRenderer = lazyModule(() => import('./mermaidRender'));

/** Loads both now (for tests and for callers that want them ready). */
export async function loadMarkdownRenderers(): Promise<void> {
  await Promise.all([texRenderer.load(), codeHighlighter.load()]);
}
