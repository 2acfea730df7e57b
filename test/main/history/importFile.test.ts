import { execFileSync } from 'node:child_process';
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readExportFile } from '../../../src/main/history/importFile';
import type { FileConversation } from '../../../src/main/history/importHistory';
import { TempDir } from './tempStore';

const HEAD = '{"format":"fleece-history","version":1,"exportedAt":1,"conversations":[';

function conversation(i: number, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `c-${i}`,
    title: `Cuộc trò chuyện ${i}`,
    createdAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + i,
    messages: [
      {
        id: `m-${i}`,
        role: 'user',
        content: '中转站 '.repeat(100),
        createdAt: 1_700_000_000_000 + i,
        updatedAt: 1_700_000_000_000 + i,
      },
    ],
    ...extra,
  });
}

async function readAll(file: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const batch of readExportFile(file)) ids.push(...batch.map((c) => c.id));
  return ids;
}

describe('reading an export file as a stream', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = new TempDir();
  });
  afterEach(() => dir.cleanup());

  it('hands out the first conversations before the rest of the file exists', async () => {
    // A pipe: the reader gets the file as it is written. Reading it whole first would wait for a
    // writer that waits for the reader, and this test would time out.
    const file = join(dir.path, 'pipe.json');
    execFileSync('mkfifo', [file]);
    const reader = readExportFile(file);
    const first = reader.next();
    const out = createWriteStream(file);
    out.write(`${HEAD}${conversation(0)},${conversation(1)},`);
    const batch = await first;
    expect(batch.done).toBe(false);
    expect((batch.value ?? []).map((c: FileConversation) => c.id)).toEqual(['c-0', 'c-1']);
    out.end(`${conversation(2)}]}\n`);
    const rest: string[] = [];
    for (let next = await reader.next(); !next.done; next = await reader.next())
      rest.push(...next.value.map((c) => c.id));
    expect(rest).toEqual(['c-2']);
  });

  it('reads a several-megabyte export in pieces, every conversation once and in order', async () => {
    const file = join(dir.path, 'big.json');
    const count = 5_000;
    writeFileSync(
      file,
      `${HEAD}${Array.from({ length: count }, (_, i) => conversation(i)).join(',\n')}]}\n`,
    );
    let batches = 0;
    const ids: string[] = [];
    for await (const batch of readExportFile(file)) {
      batches += 1;
      ids.push(...batch.map((c) => c.id));
    }
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => `c-${i}`));
    expect(batches).toBeGreaterThan(1);
  });

  it('says where a conversation is wrong', async () => {
    const file = join(dir.path, 'bad.json');
    writeFileSync(file, `${HEAD}${conversation(0)},${conversation(1, { messages: 'x' })}]}`);
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'bad_import',
      text: { code: 'import_not_export' },
      detail: expect.stringMatching(/^conversations\.1\.messages: /),
    });
  });

  it.each([
    ['an empty file', '', 'import_not_json'],
    ['a file cut short', `${HEAD}${conversation(0)}`, 'import_not_json'],
    ['text after the export', `${HEAD}]} and more`, 'import_not_json'],
    ['another JSON document', '[{"id":"c-0"}]', 'import_not_export'],
    [
      'an export without conversations',
      '{"format":"fleece-history","version":1,"exportedAt":1}',
      'import_not_export',
    ],
    [
      'the header after a conversation',
      `{"conversations":[${conversation(0)}],"format":"fleece-history","version":1,"exportedAt":1}`,
      'import_not_export',
    ],
  ])('refuses %s', async (_name, text, code) => {
    const file = join(dir.path, 'x.json');
    writeFileSync(file, text);
    await expect(readAll(file)).rejects.toMatchObject({ code: 'bad_import', text: { code } });
  });

  it('an export from a newer Fleece is refused at its header', async () => {
    const file = join(dir.path, 'new.json');
    writeFileSync(
      file,
      `{"format":"fleece-history","version":9,"exportedAt":1,"conversations":[${conversation(0)}]}`,
    );
    await expect(readAll(file)).rejects.toMatchObject({ code: 'import_too_new' });
  });

  it('an empty export is read as empty', async () => {
    const file = join(dir.path, 'empty.json');
    writeFileSync(file, `${HEAD}]}`);
    expect(await readAll(file)).toEqual([]);
  });
});
