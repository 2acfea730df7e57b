import type { AttachmentRef } from '../../../shared/attachment';

/**
 * What the composers hold and no one has sent yet, carried over a reload of the window (the
 * reload a notice offers when part of the window did not load): the text and attached files of
 * each draft, in this window's session storage, read once by the next store.
 */
export interface Unsent {
  drafts: Record<string, string>;
  attachmentDrafts: Record<string, AttachmentRef[]>;
}

const KEY = 'fleece.unsent';

export function stashUnsent(unsent: Unsent, storage: Storage | undefined = sessionStore()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(unsent));
  } catch {
    // A full or unavailable storage: the reload goes ahead without the drafts.
  }
}

/** The drafts stashed before a reload, once (they are removed as they are read). */
export function takeUnsent(storage: Storage | undefined = sessionStore()): Unsent | null {
  let raw: string | null;
  try {
    raw = storage?.getItem(KEY) ?? null;
    storage?.removeItem(KEY);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isRecord(value)) return null;
    const drafts: Record<string, string> = {};
    for (const [key, text] of Object.entries(isRecord(value.drafts) ? value.drafts : {}))
      if (typeof text === 'string' && text !== '') drafts[key] = text;
    const attachmentDrafts: Record<string, AttachmentRef[]> = {};
    const lists = isRecord(value.attachmentDrafts) ? value.attachmentDrafts : {};
    for (const [key, list] of Object.entries(lists))
      if (Array.isArray(list) && list.length > 0 && list.every(isAttachmentRef))
        attachmentDrafts[key] = list;
    return { drafts, attachmentDrafts };
  } catch {
    return null;
  }
}

function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAttachmentRef(value: unknown): value is AttachmentRef {
  return (
    isRecord(value) &&
    typeof value.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(value.hash) &&
    typeof value.name === 'string' &&
    typeof value.kind === 'string' &&
    typeof value.mime === 'string' &&
    typeof value.size === 'number'
  );
}
