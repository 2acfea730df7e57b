import { describe, expect, it } from 'vitest';
import {
  activeLeaf,
  activePath,
  buildTree,
  chooseVersion,
  pathTo,
  topRank,
  versionsOf,
  versionsOnPath,
  withRanks,
  type VersionNode,
} from '../../../src/shared/rules/versionTree';

const node = (id: string, parentId: string | null, versionRank = 0): VersionNode => ({
  id,
  parentId,
  versionRank,
  deletedAt: null,
});

const ids = (nodes: readonly VersionNode[]): string[] => nodes.map((n) => n.id);

/** Appends like main does: a new version takes a rank above every other. */
function append(nodes: VersionNode[], id: string, parentId: string | null): VersionNode[] {
  const tree = buildTree(nodes);
  const siblings = (tree.children.get(parentId ?? '') ?? []).length;
  const added = [...nodes, node(id, parentId)];
  if (siblings === 0) return added;
  return withRanks(added, chooseVersion(buildTree(added), added, id));
}

describe('version tree', () => {
  const linear = [node('q1', null), node('a1', 'q1'), node('q2', 'a1'), node('a2', 'q2')];

  it('a linear conversation is its own path, with no versions', () => {
    const tree = buildTree(linear);
    expect(ids(activePath(tree))).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(activeLeaf(tree)).toBe('a2');
    expect(versionsOnPath(tree, activePath(tree))).toEqual({});
  });

  it('appending continues the path on screen', () => {
    const nodes = append(linear, 'q3', activeLeaf(buildTree(linear)));
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1', 'a1', 'q2', 'a2', 'q3']);
  });

  it('a regenerated answer is a version shown in place of the first; both are kept', () => {
    let nodes = append(linear, 'a2b', 'q2');
    nodes = append(nodes, 'a2c', 'q2');
    const tree = buildTree(nodes);
    expect(ids(activePath(tree))).toEqual(['q1', 'a1', 'q2', 'a2c']);
    expect(versionsOf(tree, 'a2')).toEqual(['a2', 'a2b', 'a2c']);
    expect(versionsOnPath(tree, activePath(tree))).toEqual({ a2c: ['a2', 'a2b', 'a2c'] });
  });

  it('editing a question branches there; switching back shows the first branch and its continuation', () => {
    // q1b: q1 edited and resent, answered by a1b.
    let nodes = append(linear, 'q1b', null);
    nodes = append(nodes, 'a1b', 'q1b');
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1b', 'a1b']);

    nodes = withRanks(nodes, chooseVersion(buildTree(nodes), nodes, 'q1'));
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1', 'a1', 'q2', 'a2']);

    nodes = withRanks(nodes, chooseVersion(buildTree(nodes), nodes, 'q1b'));
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1b', 'a1b']);
  });

  it('switching remembers the version chosen deeper in each branch', () => {
    let nodes = append(linear, 'a2b', 'q2'); // a2b on screen
    nodes = append(nodes, 'a1b', 'q1'); // a new branch at a1
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1', 'a1b']);
    nodes = withRanks(nodes, chooseVersion(buildTree(nodes), nodes, 'a1'));
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1', 'a1', 'q2', 'a2b']);
  });

  it('choosing a message deep in another branch puts its whole path on screen', () => {
    let nodes = append(linear, 'a1b', 'q1');
    nodes = append(nodes, 'q2b', 'a1b');
    nodes = withRanks(nodes, chooseVersion(buildTree(nodes), nodes, 'a2'));
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1', 'a1', 'q2', 'a2']);
    nodes = withRanks(nodes, chooseVersion(buildTree(nodes), nodes, 'q2b'));
    expect(ids(activePath(buildTree(nodes)))).toEqual(['q1', 'a1b', 'q2b']);
    expect(topRank(nodes)).toBeGreaterThan(0);
  });

  it('the prompt path of a message is what it follows, on any branch', () => {
    let nodes = append(linear, 'a1b', 'q1');
    nodes = append(nodes, 'q2b', 'a1b');
    const tree = buildTree(nodes);
    expect(ids(pathTo(tree, 'q2b'))).toEqual(['q1', 'a1b', 'q2b']);
    expect(ids(pathTo(tree, 'a2'))).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(pathTo(tree, 'missing')).toEqual([]);
  });

  it('a deleted message is skipped: what followed it follows its parent', () => {
    const nodes = linear.map((n) => (n.id === 'a1' ? { ...n, deletedAt: 5 } : n));
    const tree = buildTree(nodes);
    expect(ids(activePath(tree))).toEqual(['q1', 'q2', 'a2']);
    expect(ids(pathTo(tree, 'a2'))).toEqual(['q1', 'q2', 'a2']);
    expect(pathTo(tree, 'a1')).toEqual([]);
  });

  it('deleting the version on screen shows the one chosen before it', () => {
    let nodes = append(linear, 'a2b', 'q2');
    nodes = nodes.map((n) => (n.id === 'a2b' ? { ...n, deletedAt: 9 } : n));
    const tree = buildTree(nodes);
    expect(ids(activePath(tree))).toEqual(['q1', 'a1', 'q2', 'a2']);
    expect(versionsOnPath(tree, activePath(tree))).toEqual({});
  });

  it('damaged links (a missing parent, a loop) make roots instead of hanging', () => {
    const nodes = [
      node('x', 'gone'),
      { ...node('y', 'z'), deletedAt: 1 },
      { ...node('z', 'y'), deletedAt: 1 },
      node('w', 'y'),
    ];
    const tree = buildTree(nodes);
    expect(ids(activePath(tree))).toEqual(['w']);
    expect(versionsOf(tree, 'x')).toEqual(['x', 'w']);
  });
});
