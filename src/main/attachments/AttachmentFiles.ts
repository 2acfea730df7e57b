import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Attachment files in the data folder, named by the SHA-256 of their bytes and spread over 256
 * folders by its first two digits (`attachments/ab/abcdef…`): the same file attached twice is
 * stored once, and a name can never point outside the folder. A file is written to a temporary
 * name and renamed, so a crash never leaves half a file under a hash.
 */
export class AttachmentFiles {
  constructor(readonly root: string) {}

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a sha-256: ${hash}`);
    return join(this.root, hash.slice(0, 2), hash);
  }

  /** Stores `bytes` (once) and returns their hash. */
  write(bytes: Uint8Array): string {
    const hash = sha256(bytes);
    const path = this.pathOf(hash);
    if (this.has(hash)) return hash;
    mkdirSync(join(this.root, hash.slice(0, 2)), { recursive: true });
    const temp = `${path}.${randomBytes(4).toString('hex')}.partial`;
    writeFileSync(temp, bytes);
    renameSync(temp, path);
    return hash;
  }

  has(hash: string): boolean {
    try {
      return statSync(this.pathOf(hash)).isFile();
    } catch {
      return false;
    }
  }

  read(hash: string): Promise<Buffer> {
    return readFile(this.pathOf(hash));
  }

  remove(hash: string): void {
    rmSync(this.pathOf(hash), { force: true });
  }

  /** Bytes and files on disk (the benchmark's figure). */
  usage(): { files: number; bytes: number } {
    let files = 0;
    let bytes = 0;
    let dirs: string[];
    try {
      dirs = readdirSync(this.root);
    } catch {
      return { files, bytes };
    }
    for (const dir of dirs) {
      for (const name of readdirSync(join(this.root, dir))) {
        files += 1;
        bytes += statSync(join(this.root, dir, name)).size;
      }
    }
    return { files, bytes };
  }
}
