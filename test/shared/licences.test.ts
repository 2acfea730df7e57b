import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_DEV_DEPENDENCIES,
  THIRD_PARTY,
} from '../../src/renderer/src/components/settings/licences';

const root = join(import.meta.dirname, '../..');
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const pkg = readJson(join(root, 'package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('About: the licences list', () => {
  const listed = THIRD_PARTY.flatMap((t) => t.packages);

  it('names every runtime dependency and every bundled one', () => {
    const shipped = [...Object.keys(pkg.dependencies), ...BUNDLED_DEV_DEPENDENCIES];
    for (const name of shipped) expect(listed, `${name} is not in About`).toContain(name);
  });

  it('lists only packages the project depends on', () => {
    const all = { ...pkg.dependencies, ...pkg.devDependencies };
    const transitive = new Set(['highlight.js']);
    for (const name of listed)
      expect(name in all || transitive.has(name), `${name} is not a dependency`).toBe(true);
  });

  it('states each licence as the installed package does', () => {
    for (const entry of THIRD_PARTY) {
      for (const name of entry.packages) {
        const licence = readJson(join(root, 'node_modules', name, 'package.json'))['license'];
        expect(licence, name).toBe(entry.licence);
      }
    }
  });
});
