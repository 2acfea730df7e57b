/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test';
import { en } from '../../src/renderer/src/i18n/resources';
import vi from '../../src/renderer/src/i18n/vi/catalog';
import zhCN from '../../src/renderer/src/i18n/zh-CN/catalog';

import type { UiLanguage } from '../../src/shared/rules/languages';

const resources = { en, vi, 'zh-CN': zhCN };

/** Where words that are not the app's own are shown: the model's and user's text, quoted relay words, paths. */
const NOT_OURS = [
  '.message-body',
  '.message-plain',
  '.reasoning',
  '[data-testid="conversation"]',
  'q',
  'code',
  'select option:not(:checked)',
].join(', ');

type Tree = { [key: string]: string | Tree };

function leaves(en: Tree, other: Tree, out: [string, string][] = []): [string, string][] {
  for (const [key, value] of Object.entries(en)) {
    const translated = other[key];
    if (typeof value === 'string')
      out.push([value, typeof translated === 'string' ? translated : '']);
    else if (typeof translated === 'object') leaves(value, translated, out);
  }
  return out;
}

/**
 * Pieces of the English catalogue that must not be on a screen in `lang`: every English text that
 * differs from its translation, cut at its placeholders, kept when it is a word of 4+ letters or
 * more than one word (so "API", "URL" and brand names, the same in every language, are not flagged).
 */
export function englishPieces(lang: Exclude<UiLanguage, 'en'>): string[] {
  const pieces = new Set<string>();
  const all = leaves(resources.en as unknown as Tree, resources[lang] as unknown as Tree);
  // A term the translation itself keeps (the "Base URL" of the field names) is not left over.
  const kept = (piece: string): boolean => all.some(([, other]) => other.includes(piece));
  for (const [en, other] of leaves(
    resources.en as unknown as Tree,
    resources[lang] as unknown as Tree,
  )) {
    if (en === other) continue;
    for (const raw of en.split(/\{\{\w+\}\}|\{host\}/)) {
      const piece = raw.trim().replace(/^[\s,.:;—–(“"]+|[\s,.:;—–)”"]+$/g, '');
      if (/[A-Za-z]{4,}/.test(piece) && !kept(piece)) pieces.add(piece);
    }
  }
  return [...pieces].sort((a, b) => b.length - a.length);
}

/** The app's own visible words (text, placeholders, accessible names), without what is not ours. */
async function appText(page: Page): Promise<string> {
  return page.evaluate((notOurs) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(notOurs) || !parent.checkVisibility()) continue;
      parts.push(node.textContent ?? '');
    }
    for (const el of document.querySelectorAll<HTMLElement>(
      '[placeholder], [aria-label], [title]',
    )) {
      if (el.closest(notOurs) || !el.checkVisibility()) continue;
      for (const attr of ['placeholder', 'aria-label', 'title'])
        parts.push(el.getAttribute(attr) ?? '');
    }
    return parts.join('\n');
  }, NOT_OURS);
}

/** No English sentence (or word of the English catalogue) is left on the screen. */
export async function expectNoEnglish(
  page: Page,
  lang: Exclude<UiLanguage, 'en'>,
  screen: string,
): Promise<void> {
  const text = await appText(page);
  const left = englishPieces(lang).filter((piece) => {
    const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^A-Za-z])${escaped}($|[^A-Za-z])`).test(text);
  });
  expect(left, `English left on "${screen}" in ${lang}:\n${text}`).toEqual([]);
}

/**
 * Nothing is squeezed out of shape: a button's label takes at most two lines and is not one
 * character wide; an input's placeholder fits inside it.
 */
export async function expectLayoutHolds(page: Page, screen: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const px = (v: string): number => parseFloat(v) || 0;
    for (const b of document.querySelectorAll<HTMLElement>('button')) {
      const label = (b.innerText ?? '').trim();
      if (label === '' || !b.checkVisibility()) continue;
      const cs = getComputedStyle(b);
      const line = px(cs.lineHeight) || px(cs.fontSize) * 1.3;
      const inner = b.clientHeight - px(cs.paddingTop) - px(cs.paddingBottom);
      if (inner > line * 2 + 2)
        out.push(`button "${label}" wraps to ${Math.round(inner / line)} lines`);
      if (label.length > 2 && b.clientWidth < px(cs.fontSize) * 2.5)
        out.push(`button "${label}" is ${b.clientWidth}px wide`);
    }
    const ctx = document.createElement('canvas').getContext('2d');
    for (const input of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!ctx || !input.placeholder || !input.checkVisibility() || input.value !== '') continue;
      const cs = getComputedStyle(input);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const needed = ctx.measureText(input.placeholder).width;
      const room = input.clientWidth - px(cs.paddingLeft) - px(cs.paddingRight);
      if (needed > room + 1)
        out.push(
          `placeholder "${input.placeholder}" is clipped (${Math.round(needed)} > ${Math.round(room)})`,
        );
    }
    return out;
  });
  expect(problems, `layout of "${screen}"`).toEqual([]);
}
