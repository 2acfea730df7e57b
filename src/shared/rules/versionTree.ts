/**
 * The version tree of a conversation. Each message follows its parent; messages with the same
 * parent are versions of one another (a regenerated answer, an edited question). Among versions
 * the one with the highest rank is on screen, and the path on screen, from the first message
 * down, is what the next prompt sends. A deleted message is transparent: its children follow
 * its parent, so deleting a message never hides what came after it.
 *
 * Nodes are given in creation order; on equal ranks the later version wins.
 */
export interface VersionNode {
  id: string;
  parentId: string | null;
  versionRank: number;
  deletedAt?: number | null;
}

export interface VersionTree<N extends VersionNode = VersionNode> {
  byId: Map<string, N>;
  /** Live children by live parent id ('' for the roots), in creation order. */
  children: Map<string, N[]>;
  /** The live parent of each live node (null for a root). */
  parentOf: Map<string, string | null>;
}

const ROOT = '';

export function buildTree<N extends VersionNode>(nodes: readonly N[]): VersionTree<N> {
  const byId = new Map<string, N>();
  for (const n of nodes) byId.set(n.id, n);
  const liveParent = (n: N): string | null => {
    let parentId = n.parentId;
    const seen = new Set<string>();
    while (parentId !== null) {
      const p = byId.get(parentId);
      // A parent missing from the file (or a loop in damaged data) makes the node a root.
      if (!p || seen.has(parentId)) return null;
      if (!p.deletedAt) return parentId;
      seen.add(parentId);
      parentId = p.parentId;
    }
    return null;
  };
  const children = new Map<string, N[]>();
  const parentOf = new Map<string, string | null>();
  for (const n of nodes) {
    if (n.deletedAt) continue;
    const parent = liveParent(n);
    parentOf.set(n.id, parent);
    const key = parent ?? ROOT;
    const list = children.get(key);
    if (list) list.push(n);
    else children.set(key, [n]);
  }
  return { byId, children, parentOf };
}

/** The version on screen among `versions`: the highest rank, the later one on a tie. */
function chosen<N extends VersionNode>(versions: readonly N[]): N | undefined {
  let best: N | undefined;
  for (const v of versions) if (!best || v.versionRank >= best.versionRank) best = v;
  return best;
}

/** The path on screen: from the chosen root down through each level's chosen version. */
export function activePath<N extends VersionNode>(tree: VersionTree<N>): N[] {
  const out: N[] = [];
  let level = tree.children.get(ROOT);
  while (level && level.length > 0) {
    const next = chosen(level);
    if (!next) break;
    out.push(next);
    level = tree.children.get(next.id);
  }
  return out;
}

/** The message and everything it follows, first message first. Empty when it is not live. */
export function pathTo<N extends VersionNode>(tree: VersionTree<N>, id: string): N[] {
  const out: N[] = [];
  let at: string | null = tree.parentOf.has(id) ? id : null;
  while (at !== null) {
    const node = tree.byId.get(at);
    if (!node) break;
    out.push(node);
    at = tree.parentOf.get(at) ?? null;
  }
  return out.reverse();
}

/** The ids of a message's versions (itself included), in creation order. */
export function versionsOf(tree: VersionTree, id: string): string[] {
  if (!tree.parentOf.has(id)) return [];
  const parent = tree.parentOf.get(id) ?? null;
  return (tree.children.get(parent ?? ROOT) ?? []).map((n) => n.id);
}

/** For each message of `path` that has other versions: the ids of all its versions. */
export function versionsOnPath(
  tree: VersionTree,
  path: readonly VersionNode[],
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of path) {
    const ids = versionsOf(tree, n.id);
    if (ids.length > 1) out[n.id] = ids;
  }
  return out;
}

/** The highest rank in the tree (a new choice takes one more). */
export function topRank(nodes: readonly VersionNode[]): number {
  let top = 0;
  for (const n of nodes) if (n.versionRank > top) top = n.versionRank;
  return top;
}

/**
 * Choosing a message: it and every message it follows get ranks above all others, so the path
 * on screen runs through it (and, below it, through the versions chosen there before).
 * Returns the new rank of each message to change.
 */
export function chooseVersion(
  tree: VersionTree,
  nodes: readonly VersionNode[],
  id: string,
): Map<string, number> {
  const path = pathTo(tree, id);
  let next = topRank(nodes) + 1;
  const out = new Map<string, number>();
  for (const n of path) {
    const siblings = tree.children.get(tree.parentOf.get(n.id) ?? ROOT) ?? [];
    // A message without other versions, or already ranked above all of them, keeps its rank
    // (fewer writes, and copies the window holds stay current). A tie is broken with a rank:
    // a conversation with versions always has one above zero.
    const ahead = siblings.every((o) => o === n || n.versionRank > o.versionRank);
    if (siblings.length > 1 && !ahead) out.set(n.id, next++);
  }
  return out;
}

/** The end of the path on screen: where a new question goes. Null for an empty conversation. */
export function activeLeaf(tree: VersionTree): string | null {
  return activePath(tree).at(-1)?.id ?? null;
}

/** Applies new ranks to nodes (a pure helper for callers that keep the nodes in memory). */
export function withRanks<N extends VersionNode>(
  nodes: readonly N[],
  ranks: ReadonlyMap<string, number>,
): N[] {
  return nodes.map((n) => {
    const rank = ranks.get(n.id);
    return rank === undefined ? n : { ...n, versionRank: rank };
  });
}
