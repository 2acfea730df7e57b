import katex from 'katex';
import 'katex/dist/katex.min.css';

// `trust: false` keeps \href, \url, \includegraphics and \htmlClass-style commands inert; the
// limits keep a hostile expression from stalling a frame.
const katexOptions = {
  // KaTeX's own error output sets a style attribute (blocked by the CSP); errors are shown here.
  throwOnError: true,
  strict: 'ignore',
  trust: false,
  maxSize: 50,
  maxExpand: 500,
  output: 'htmlAndMathml',
} as const;

/**
 * TeX rendered by KaTeX straight into `element`; throws on TeX that does not parse. katex.render
 * builds elements and sets their styles through CSSOM, which the renderer's CSP allows (an HTML
 * string with style attributes would be blocked).
 */
export function renderTex(tex: string, element: HTMLElement, display: boolean): void {
  katex.render(tex, element, { ...katexOptions, displayMode: display });
  restoreSvgWidths(element);
}

// Two rare KaTeX constructs (\oiint-style overlays, tall stacked delimiters) put a `style`
// attribute on an <svg> with setAttribute, which the CSP ignores; re-apply it through CSSOM.
function restoreSvgWidths(root: HTMLElement): void {
  for (const svg of root.querySelectorAll<SVGElement>('svg[style]')) {
    const style = svg.getAttribute('style');
    if (style) svg.style.cssText = style;
  }
}
