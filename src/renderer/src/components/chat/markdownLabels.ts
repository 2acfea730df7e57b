import type { TFunction } from 'i18next';
import { defaultMarkdownLabels, type MarkdownLabels } from '../../markdown/markdownContext';

const keys = Object.keys(defaultMarkdownLabels) as (keyof MarkdownLabels)[];

/**
 * The Markdown view's own strings (copy, images, plain-text note, links) in the UI language; made
 * once per language through useChatLabels and shared by every message.
 */
export const markdownLabels = (t: TFunction<'chat'>): Partial<MarkdownLabels> =>
  Object.fromEntries(keys.map((key) => [key, t(`markdown.${key}`)]));
