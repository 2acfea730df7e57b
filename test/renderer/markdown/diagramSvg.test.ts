import { describe, expect, it } from 'vitest';
import {
  diagramErrorText,
  diagramSize,
  svgDataUrl,
  withFixedSize,
} from '../../../src/renderer/src/markdown/diagramSvg';

const MERMAID_SVG =
  '<svg id="d1" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 187.5px;" viewBox="-8 -8 187.5 254.25" role="graphics-document document"><style>#d1{font-family:x}</style><g/></svg>';

describe('a rendered diagram’s SVG', () => {
  it('takes its natural size from the viewBox, rounded up', () => {
    expect(diagramSize(MERMAID_SVG)).toEqual({ width: 188, height: 255 });
    expect(diagramSize('<svg width="10"></svg>')).toEqual({ width: 400, height: 200 });
  });

  it('gets a fixed width and height in place of 100% and the max-width style', () => {
    const fixed = withFixedSize(MERMAID_SVG, { width: 188, height: 255 });
    expect(fixed.startsWith('<svg width="188" height="255" id="d1"')).toBe(true);
    expect(fixed).not.toContain('100%');
    expect(fixed).not.toContain('max-width');
    // Only the root tag changes.
    expect(fixed).toContain('<style>#d1{font-family:x}</style>');
  });

  it('becomes a data URL that decodes back to the same text', () => {
    const url = svgDataUrl('<svg><text>Bắt đầu #1 & 100%</text></svg>');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(
      '<svg><text>Bắt đầu #1 & 100%</text></svg>',
    );
  });

  it('keeps the useful lines of a parser error', () => {
    const error = new Error(
      "Parse error on line 2:\n...TD  A -->\n-------------^\nExpecting 'AMP', got 'EOF'",
    );
    expect(diagramErrorText(error)).toBe(
      "Parse error on line 2:\n...TD  A -->\nExpecting 'AMP', got 'EOF'",
    );
  });
});
