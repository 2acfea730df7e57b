/**
 * Mermaid, in its own chunk: loaded the first time an answer holds a ```mermaid block.
 *
 * `securityLevel: 'strict'` makes Mermaid clean every label with DOMPurify and refuse click
 * handlers and links to scripts; labels are SVG text (no HTML in foreignObject, so the PNG
 * export can draw it on a canvas). A diagram's own `%%{init}%%` cannot change any of this: the
 * keys are in `secure`. The result is shown as an <img> of the SVG, where nothing runs and
 * nothing is fetched.
 */
import mermaid from 'mermaid';
import { diagramSize, withFixedSize, type DiagramSize } from './diagramSvg';

export interface Diagram extends DiagramSize {
  svg: string;
}

export type DiagramTheme = 'light' | 'dark';

let configured: DiagramTheme | null = null;
let seq = 0;

function configure(theme: DiagramTheme): void {
  if (configured === theme) return;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    suppressErrorRendering: true,
    maxTextSize: 50_000,
    maxEdges: 500,
    secure: [
      'secure',
      'securityLevel',
      'startOnLoad',
      'maxTextSize',
      'maxEdges',
      'suppressErrorRendering',
      'htmlLabels',
      'flowchart',
      'fontFamily',
      'altFontFamily',
      'themeCSS',
      'dompurifyConfig',
    ],
  });
  configured = theme;
}

/** Draws `source`; rejects with Mermaid's parse or render error. */
export async function renderDiagram(source: string, theme: DiagramTheme): Promise<Diagram> {
  configure(theme);
  seq += 1;
  const id = `fleece-diagram-${seq}`;
  try {
    const { svg } = await mermaid.render(id, source);
    const size = diagramSize(svg);
    return { svg: withFixedSize(svg, size), ...size };
  } finally {
    // Mermaid measures in a scratch element it does not always remove after an error.
    document.getElementById(id)?.remove();
    document.getElementById(`d${id}`)?.remove();
  }
}
