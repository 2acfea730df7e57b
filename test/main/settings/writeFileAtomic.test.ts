import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../src/main/settings/writeFileAtomic';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleece-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file', async () => {
    const target = join(dir, 'a.json');
    await writeFileAtomic(target, 'one');
    await writeFileAtomic(target, 'two');
    expect(await readFile(target, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('keeps the old file intact and cleans up when the final rename fails', async () => {
    // A directory in the target's place makes rename fail after the temp file was written.
    const target = join(dir, 'b.json');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'old');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readFile(join(target, 'inside'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['b.json']);
  });

  it('concurrent writers never produce a mixed file', async () => {
    const target = join(dir, 'c.json');
    const bodies = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ writer: i, pad: 'x'.repeat(50_000 + i) }),
    );
    await Promise.all(bodies.map((body) => writeFileAtomic(target, body)));
    expect(bodies).toContain(await readFile(target, 'utf8'));
    expect(await readdir(dir)).toEqual(['c.json']);
  });

  it('removeStaleTempFiles removes only temp files of that target', async () => {
    const target = join(dir, 'settings.json');
    await writeFile(target, '{}');
    await writeFile(join(dir, 'settings.json.1-aa.tmp'), '{"half');
    await writeFile(join(dir, 'other.json.1-aa.tmp'), 'x');
    expect(await removeStaleTempFiles(target)).toEqual(['settings.json.1-aa.tmp']);
    expect((await readdir(dir)).sort()).toEqual(['other.json.1-aa.tmp', 'settings.json']);
  });
});
