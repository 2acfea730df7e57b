import { memo, useLayoutEffect, useRef } from 'react';
import katex from 'katex';

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
 * TeX rendered by KaTeX straight into the DOM. rehype-katex would turn KaTeX's HTML string back
 * into nodes through `template.innerHTML`, and under the renderer's CSP (style-src 'self') every
 * style attribute in that markup is a blocked, reported violation. katex.render builds elements
 * and sets their styles through CSSOM, which the CSP allows. React renders the empty host only.
 */
export const MathView = memo(function MathView({
  tex,
  display,
}: {
  tex: string;
  display: boolean;
}) {
  const host = useRef<HTMLSpanElement>(null);

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    try {
      katex.render(tex, element, { ...katexOptions, displayMode: display });
      restoreSvgWidths(element);
      element.classList.remove('md-math-error');
      element.removeAttribute('title');
    } catch (error) {
      // Usually a formula still streaming in; show the TeX as written, quietly.
      element.textContent = tex;
      element.classList.add('md-math-error');
      element.title = error instanceof Error ? error.message : String(error);
    }
  }, [tex, display]);

  // A span either way (display math is made a block by CSS) so one ref type fits.
  return <span ref={host} className={display ? 'md-math md-math-display' : 'md-math'} />;
});

// Two rare KaTeX constructs (\oiint-style overlays, tall stacked delimiters) put a `style`
// attribute on an <svg> with setAttribute, which the CSP ignores; re-apply it through CSSOM.
function restoreSvgWidths(root: HTMLElement): void {
  for (const svg of root.querySelectorAll<SVGElement>('svg[style]')) {
    const style = svg.getAttribute('style');
    if (style) svg.style.cssText = style;
  }
}
