import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.tmp';

/** Temp files live beside the target so the final rename stays on one filesystem (atomic). */
function tempPathFor(target: string): string {
  return `${target}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
}

/**
 * Replace `target` with `data` so that a reader (or a restart after a crash) sees either the
 * old file or the new one, never a half-written one: write a temp file in the same directory,
 * fsync it, rename it over the target, then fsync the directory so the rename itself survives a
 * power loss. `mode` 0o600: settings are nobody else's business even though they hold no keys.
 */
export async function writeFileAtomic(target: string, data: string): Promise<void> {
  const temp = tempPathFor(target);
  let renamed = false;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    renamed = true;
    await syncDirectory(dirname(target));
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync (EPERM/EISDIR); there the rename is what we get.
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort: the file itself is already durable
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Remove temp files a crash left behind for `target` (they are never read as settings). */
export async function removeStaleTempFiles(target: string): Promise<string[]> {
  const dir = dirname(target);
  const prefix = `${basename(target)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    try {
      await unlink(join(dir, name));
      removed.push(name);
    } catch {
      // another process may have renamed it in the meantime
    }
  }
  return removed;
}
