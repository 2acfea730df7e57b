import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The text colours of the design tokens against every neutral background they are shown on, in
 * both themes: WCAG AA for normal text (4.5:1), which the smallest text (12 px metadata, the
 * token counter, help lines) needs.
 */

const css = readFileSync(
  new URL('../../src/renderer/src/styles/tokens.css', import.meta.url),
  'utf8',
);

function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in tokens.css`);
  const body = css.slice(start, css.indexOf('\n}', start));
  return new Map(
    [...body.matchAll(/--(color-[a-z-]+):\s*(#[0-9a-f]{6});/g)].map((m) => [m[1]!, m[2]!]),
  );
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const TEXTS = ['color-fg', 'color-fg-muted', 'color-fg-subtle'];
const BACKGROUNDS = [
  'color-bg',
  'color-bg-subtle',
  'color-bg-muted',
  'color-bg-sidebar',
  'color-bg-elevated',
  'color-bg-code',
  'color-bg-user',
];

describe('design tokens', () => {
  const light = block(':root');
  const dark = new Map([...light, ...block(":root[data-theme='dark']")]);
  for (const [theme, tokens] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`give every text colour at least 4.5:1 on every background (${theme})`, () => {
      const failing: string[] = [];
      for (const text of TEXTS)
        for (const background of BACKGROUNDS) {
          const fg = tokens.get(text);
          const bg = tokens.get(background);
          if (!fg || !bg) throw new Error(`missing --${fg ? background : text}`);
          const ratio = contrast(fg, bg);
          if (ratio < 4.5) failing.push(`${text} on ${background}: ${ratio.toFixed(2)}`);
        }
      expect(failing).toEqual([]);
    });
  }

  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
