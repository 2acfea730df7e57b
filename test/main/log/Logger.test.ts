import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createFileLogger } from '../../../src/main/log/Logger';
import { SmallDisk } from '../storage/tmpfs';

let disk: SmallDisk | null = null;
afterEach(() => {
  disk?.dispose();
  disk = null;
});

it('resumes after an append failed on a full disk (real tmpfs), with the lines it held', () => {
  disk = new SmallDisk(1024 * 1024);
  const log = createFileLogger(join(disk.path, 'logs'), false);
  log.info('before the disk filled');
  disk.fill();
  // Longer than the free tail of the log's last page, so the append really needs a new block.
  const long = `written while full ${'.'.repeat(20_000)}`;
  log.warn(long);
  const file = join(disk.path, 'logs', 'main.log');
  expect(readFileSync(file, 'utf8')).not.toContain(long);
  disk.free();
  log.info('after space returned');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('before the disk filled');
  expect(text).toContain('written while full');
  expect(text).toContain('after space returned');
  expect(text.indexOf('written while full')).toBeLessThan(text.indexOf('after space returned'));
});
