import { describe, expect, it } from 'vitest';
import { addFiles, pastedName } from '../../../src/renderer/src/components/attachments/addFiles';
import type { AttachmentRef } from '../../../src/shared/attachment';
import { createFakeClient } from '../fakeClient';

const ref = (
  name: string,
  size: number,
  hash = name.padEnd(64, '0').slice(0, 64),
): AttachmentRef => ({
  hash: hash.replace(/[^0-9a-f]/g, 'a'),
  name,
  kind: 'text',
  mime: 'text/plain',
  size,
  width: null,
  height: null,
  textChars: size,
  note: null,
});

/** A file the browser knows only by its name and size (reading it would be the costly part). */
function sized(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('adding files in the window', () => {
  it('refuses a 200 MB file and an empty one by their size, without reading or sending them', async () => {
    const { client, calls } = createFakeClient({});
    const out = await addFiles(
      client,
      [],
      [sized('huge.log', 200 * 1024 * 1024), sized('empty.txt', 0)],
    );
    expect(out.added).toEqual([]);
    expect(out.refused).toEqual([
      { code: 'attachment_too_large', params: { name: 'huge.log', mb: 20 } },
      { code: 'attachment_empty', params: { name: 'empty.txt' } },
    ]);
    expect(calls).toEqual([]);
  });

  it('sends each file to main in base64', async () => {
    const { client, calls } = createFakeClient({
      'attachments.add': ({ name }) => ref(name, 5),
    });
    const out = await addFiles(client, [], [new File(['hello'], 'a.txt')]);
    expect(out.added.map((a) => a.name)).toEqual(['a.txt']);
    expect(calls).toEqual([
      { route: 'attachments.add', input: { name: 'a.txt', data: 'aGVsbG8=' } },
    ]);
  });

  it('takes what fits of a 10,000-file paste and says why the rest was left out', async () => {
    const { client, calls } = createFakeClient({
      'attachments.add': ({ name }) => ref(name, 1, name.replace(/\D/g, '').padStart(64, '0')),
    });
    const existing = [ref('old.txt', 1, 'f'.repeat(64))];
    const many = Array.from({ length: 10_000 }, (_, i) => new File([`${i}`], `f${i}.txt`));
    const out = await addFiles(client, existing, many);
    expect(out.added).toHaveLength(9);
    expect(calls).toHaveLength(9);
    expect(out.refused[0]).toEqual({
      code: 'attachment_too_many',
      params: { max: 10, count: 10_000 },
    });
  });

  it('names a pasted screenshot by its time', () => {
    const now = new Date(2026, 11, 1, 9, 5, 7);
    expect(pastedName(new File(['x'], 'image.png', { type: 'image/png' }), now)).toBe(
      'Screenshot 2026-12-01 09.05.07.png',
    );
    expect(pastedName(new File(['x'], 'report.png', { type: 'image/png' }), now)).toBe(
      'report.png',
    );
  });
});
