import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system (tmpfs) that a test can fill to the last byte and free again. Needs
 * root (the tests here run as root); if mounting fails the test fails with the reason — a full
 * disk that cannot be made is not a passing test.
 */
export class SmallDisk {
  readonly path = mkdtempSync(join(tmpdir(), 'fleece-small-disk-'));
  private readonly filler = join(this.path, 'filler.bin');

  constructor(bytes: number) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', this.path]);
  }

  /** Writes a filler file until the disk says ENOSPC. */
  fill(): void {
    const fd = openSync(this.filler, 'a');
    const chunk = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      // The last partial block: fill byte by byte down to the end.
      const one = Buffer.alloc(512, 1);
      try {
        for (;;) writeSync(fd, one);
      } catch {
        // full
      }
    } finally {
      closeSync(fd);
    }
  }

  free(): void {
    rmSync(this.filler, { force: true });
  }

  /** Makes the mount read-only in place (a real EROFS for everything under it). */
  readOnly(): void {
    execFileSync('mount', ['-o', 'remount,ro', this.path]);
  }

  writable(): void {
    execFileSync('mount', ['-o', 'remount,rw', this.path]);
  }

  dispose(): void {
    try {
      execFileSync('umount', ['-l', this.path]);
    } finally {
      rmSync(this.path, { recursive: true, force: true });
    }
  }
}
