/** Pure helpers for a rendered diagram's SVG text (no DOM, tested in Node). */

export interface DiagramSize {
  width: number;
  height: number;
}

const VIEW_BOX = /<svg\b[^>]*?\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/;

/** The diagram's natural size from its root viewBox; a fallback when it has none. */
export function diagramSize(svg: string, fallback: DiagramSize = { width: 400, height: 200 }) {
  const match = VIEW_BOX.exec(svg);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  if (!match || !(width > 0) || !(height > 0)) return fallback;
  return { width: Math.ceil(width), height: Math.ceil(height) };
}

/**
 * Gives the root <svg> a fixed width and height (Mermaid writes width="100%" and a max-width
 * style), so as an image or a saved file it has its natural size.
 */
export function withFixedSize(svg: string, size: DiagramSize): string {
  return svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/\swidth="[^"]*"/, '')
      .replace(/\sheight="[^"]*"/, '')
      .replace(/\sstyle="[^"]*"/, '')
      .replace(/^<svg/, `<svg width="${size.width}" height="${size.height}"`),
  );
}

/** An image URL for the SVG: shown through <img>, it runs no script and loads nothing. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The first line of a Mermaid error, without its parser's caret drawing. */
export function diagramErrorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((l) => l.trimEnd());
  const useful = lines.filter((l) => l && !/^-*\^$/.test(l.trim()));
  return useful.slice(0, 3).join('\n') || 'Unknown error';
}
