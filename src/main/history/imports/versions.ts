/**
 * Another app's branches as Fleece versions: each imported message names the message it follows
 * (`parentId`), messages with the same parent are versions of one another, and ranks put the
 * branch the user last saw in the source app on screen.
 */
import { activeLeaf, buildTree, chooseVersion, withRanks } from '../../../shared/rules/versionTree';
import type { ImportedMessage } from './types';

/** A converted message before its time is settled: the source may have none. */
export type DraftMessage = Omit<ImportedMessage, 'createdAt' | 'parentId' | 'versionRank'> & {
  parentId: string | null;
  createdAt: number | null;
};

export type TreeMessage = ImportedMessage & { parentId: string | null; versionRank: number };

/**
 * Times for a tree of drafts given parents first: a message without a time of its own (or with
 * one not after its parent's) takes its parent's time plus a millisecond, so a message always
 * comes after the one it follows and the import's sort by time keeps the source's order.
 * Messages before the first known time are placed just before it; `fallback` places a tree with
 * no times at all.
 */
export function fillTreeTimes(drafts: readonly DraftMessage[], fallback: number): TreeMessage[] {
  const firstKnown = drafts.find((d) => d.createdAt !== null)?.createdAt ?? fallback;
  const base = firstKnown - drafts.length - 1;
  const times = new Map<string, number>();
  let last = base;
  return drafts.map((d) => {
    // Siblings without a time follow one another in the source's order.
    const after = d.parentId === null ? base : (times.get(d.parentId) ?? base);
    const floor = d.createdAt === null ? Math.max(after, last) : after;
    const t = d.createdAt !== null && d.createdAt > floor ? d.createdAt : floor + 1;
    times.set(d.id, t);
    last = Math.max(last, t);
    return {
      ...d,
      createdAt: t,
      updatedAt: Math.max(d.updatedAt, t),
      versionRank: 0,
    };
  });
}

/**
 * Sorts messages by time (the order the import writes them in) and ranks them with the shared
 * version rule so that the path on screen runs through `leafId` (the source's current message)
 * and, below it or without one, through the latest versions. Every choice among versions is
 * written as a rank, so a conversation with versions always has one above zero.
 */
export function rankVersions(
  messages: readonly TreeMessage[],
  leafId: string | null,
): TreeMessage[] {
  let nodes = [...messages].sort((a, b) => a.createdAt - b.createdAt);
  if (leafId !== null) nodes = withRanks(nodes, chooseVersion(buildTree(nodes), nodes, leafId));
  const end = activeLeaf(buildTree(nodes));
  if (end !== null) nodes = withRanks(nodes, chooseVersion(buildTree(nodes), nodes, end));
  return nodes;
}
