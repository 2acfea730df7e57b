import type { ImportSkip, ImportSkipReason, ImportSource } from '../../../shared/types/history';

/** One message as a converter hands it over: the fields of Fleece's export file. */
export interface ImportedMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  reasoning: string;
  status: 'complete' | 'interrupted' | 'error';
  model: string | null;
  createdAt: number;
  updatedAt: number;
  /**
   * The message this one follows and its rank among its versions (see `versions.ts`). A source
   * without branches leaves them out: its messages follow one another in time order.
   */
  parentId?: string | null;
  versionRank?: number;
}

export interface ImportedConversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  model: string | null;
  systemPrompt: string | null;
  messages: ImportedMessage[];
}

/** What a converter makes of another app's file: conversations, and what it left out and why. */
export interface ConvertedImport {
  source: ImportSource;
  conversations: ImportedConversation[];
  skipped: ImportSkip[];
}

/** Counts what a converter leaves out, by reason. */
export class SkipCounter {
  private readonly counts = new Map<ImportSkipReason, number>();

  add(reason: ImportSkipReason, count = 1): void {
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  list(): ImportSkip[] {
    return [...this.counts].map(([reason, count]) => ({ reason, count }));
  }
}

/**
 * Ids are the source's own, prefixed by the source: importing the same file again finds them
 * and adds nothing. Long ids are cut to the export schema's bound.
 */
export function sourceId(source: ImportSource, ...parts: string[]): string {
  return `${source}-${parts.join('-')}`.slice(0, 100);
}

/** Seconds (ChatGPT) or milliseconds or an ISO string to integer milliseconds; null if none. */
export function toMs(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0)
    return Math.round(value < 1e11 ? value * 1000 : value);
  if (typeof value === 'string' && value.trim() !== '') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Gives messages without a time of their own (or with one earlier than the message before them)
 * the time of the message before plus a millisecond, so the import's sort by time keeps the
 * source's order. `fallback` places a list with no times at all.
 */
export function fillTimes<T extends { createdAt: number | null }>(
  items: T[],
  fallback: number,
): (Omit<T, 'createdAt'> & { createdAt: number })[] {
  const firstKnown = items.find((i) => i.createdAt !== null)?.createdAt ?? fallback;
  let last = firstKnown - items.length - 1;
  return items.map((item) => {
    const t = item.createdAt !== null && item.createdAt > last ? item.createdAt : last + 1;
    last = t;
    return { ...item, createdAt: t };
  });
}
