import { createElement, type ReactNode } from 'react';
import type { RootContent } from 'hast';
import { common, createLowlight } from 'lowlight';
import { renderLimits, treeDepthOver } from './renderLimits';

// lowlight's `common` set: ~37 everyday languages (bash, c, cpp, csharp, css, diff, go, java,
// javascript, json, kotlin, markdown, php, python, ruby, rust, sql, swift, typescript, xml, yaml…)
// with their usual aliases (ts, js, py, sh, html…). Grammars compile on first use and are kept.
let lowlight: ReturnType<typeof createLowlight> | undefined;
function instance(): ReturnType<typeof createLowlight> {
  lowlight ??= createLowlight(common);
  return lowlight;
}

/** Highlighted React nodes for `code` (hljs-* classes), or the plain text for unknown languages. */
export function highlightToReact(language: string | undefined, code: string): ReactNode {
  if (!language) return code;
  const highlighter = instance();
  if (!highlighter.registered(language)) return code;
  const tree = highlighter.highlight(language, code);
  // Nesting this deep is not code a person reads, and building it would overflow the stack.
  if (treeDepthOver(tree, renderLimits.maxHighlightDepth)) return code;
  return toReact(tree.children);
}

// Registering the grammars takes ~20 ms and compiling one on first use as long again (measured
// in Node 24), which would land in the frame that shows the first code block of the session.
// Do that work ahead, one step per idle period.
const WARM_LANGUAGES = ['python', 'typescript', 'javascript', 'bash', 'json'];
export function warmUpHighlighter(): void {
  if (typeof requestIdleCallback !== 'function' || lowlight) return;
  const steps = [instance, ...WARM_LANGUAGES.map((name) => () => instance().highlight(name, ''))];
  const step = (deadline: IdleDeadline) => {
    if (deadline.timeRemaining() >= 20 || deadline.didTimeout) steps.shift()?.();
    if (steps.length > 0) requestIdleCallback(step, { timeout: 10_000 });
  };
  requestIdleCallback(step, { timeout: 10_000 });
}

// lowlight only produces <span class> and text; nothing else is ever created.
function toReact(nodes: readonly RootContent[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const classes = node.properties.className;
    const className = Array.isArray(classes) ? classes.join(' ') : undefined;
    return createElement('span', { key: index, className }, toReact(node.children));
  });
}
