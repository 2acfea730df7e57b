import { memo, useLayoutEffect, useRef } from 'react';
import { useLazyModule } from '../lazyModule';
import { texRenderer } from './lazyRenderers';
import { useMarkdownEnvironment } from './markdownContext';
import { texTooComplex } from './renderLimits';
import { useDecorationsReady } from './afterPaint';

/**
 * TeX rendered by KaTeX straight into the DOM. rehype-katex would turn KaTeX's HTML string back
 * into nodes through `template.innerHTML`, and under the renderer's CSP (style-src 'self') every
 * style attribute in that markup is a blocked, reported violation. React renders the empty host
 * only. Until KaTeX's chunk has loaded (first formula of the session), the host shows the TeX
 * source in the same box.
 */
export const MathView = memo(function MathView({
  tex,
  display,
}: {
  tex: string;
  display: boolean;
}) {
  const host = useRef<HTMLSpanElement>(null);
  const renderer = useLazyModule(texRenderer);
  const { labels } = useMarkdownEnvironment();
  // On the frame that opens a conversation, the TeX shows as written and is typeset after it.
  const ready = useDecorationsReady();

  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    if (!renderer || !ready) {
      element.textContent = tex;
      element.classList.add('md-math-pending');
      return;
    }
    element.classList.remove('md-math-pending');
    if (texTooComplex(tex)) {
      // Typesetting it would freeze the window: the TeX as written, saying why.
      element.textContent = tex;
      element.classList.add('md-math-error');
      element.title = labels.plainFallback;
      return;
    }
    try {
      renderer.renderTex(tex, element, display);
      element.classList.remove('md-math-error');
      element.removeAttribute('title');
    } catch (error) {
      // Usually a formula still streaming in; show the TeX as written, quietly.
      element.textContent = tex;
      element.classList.add('md-math-error');
      element.title = error instanceof Error ? error.message : String(error);
    }
  }, [tex, display, renderer, labels, ready]);

  // A span either way (display math is made a block by CSS) so one ref type fits.
  return <span ref={host} className={display ? 'md-math md-math-display' : 'md-math'} />;
});
