import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PromptLibrary, PROMPTS_FILE } from '../../../src/main/prompts/PromptLibrary';
import { FleeceError } from '../../../src/main/errors/FleeceError';
import { BUILTIN_PROMPT_IDS } from '../../../src/shared/prompts/builtinPrompts';
import type { PromptFields } from '../../../src/shared/types/prompts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleece-prompts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

let seq = 0;
const open = () =>
  PromptLibrary.open({ dataDir: dir, now: () => 1_700_000_000_000, newId: () => `p${++seq}` });

const fields = (over: Partial<PromptFields> = {}): PromptFields => ({
  name: 'Reviewer',
  systemPrompt: 'Review the code.',
  model: { profileId: 'holysheep', model: 'gpt-4o-mini' },
  temperature: 0.2,
  firstMessage: 'Please review:',
  ...over,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FleeceError);
  return (error as FleeceError).text.code;
}

describe('PromptLibrary', () => {
  it('lists saved prompts by name, then the built-ins in the language asked for', async () => {
    const library = await open();
    await library.create(fields({ name: 'Zeta' }));
    await library.create(fields({ name: 'Alpha' }));
    const en = library.list('en');
    const vi = library.list('vi');
    expect(en.prompts.filter((p) => p.builtin)).toHaveLength(BUILTIN_PROMPT_IDS.length);
    expect(en.prompts.find((p) => p.id === 'builtin:code-review')?.name).toBe('Code review');
    expect(vi.prompts.find((p) => p.id === 'builtin:code-review')?.name).toBe('Rà soát code');
    expect(library.list('zh-CN').prompts.find((p) => p.id === 'builtin:code-review')?.name).toBe(
      '代码审查',
    );
    expect(en.prompts.slice(0, 3).map((p) => [p.name, p.builtin])).toEqual([
      ['Alpha', false],
      ['Zeta', false],
      ['Code review', true],
    ]);
  });

  it('keeps saved prompts in prompts.json across restarts', async () => {
    const library = await open();
    const saved = await library.create(fields());
    const again = await open();
    const found = again.list('en').prompts.find((p) => p.id === saved.id);
    expect(found).toMatchObject({ ...fields(), builtin: false });
    const onDisk = JSON.parse(await readFile(join(dir, PROMPTS_FILE), 'utf8')) as {
      prompts: unknown[];
    };
    expect(onDisk.prompts).toHaveLength(1);
  });

  it('updates and deletes a saved prompt', async () => {
    const library = await open();
    const saved = await library.create(fields());
    const updated = await library.update(saved.id, fields({ name: 'Strict reviewer' }));
    expect(updated.name).toBe('Strict reviewer');
    await library.delete(saved.id);
    expect(library.list('en').prompts.some((p) => p.id === saved.id)).toBe(false);
    expect(await codeOf(library.delete(saved.id))).toBe('not_found');
  });

  it('never edits a built-in; deleting one hides it until shown again', async () => {
    const library = await open();
    expect(await codeOf(library.update('builtin:sql', fields()))).toBe('prompt_builtin');
    await library.delete('builtin:sql');
    const hidden = library.list('en');
    expect(hidden.prompts.some((p) => p.id === 'builtin:sql')).toBe(false);
    expect(hidden.hidden).toEqual([{ id: 'builtin:sql', name: 'SQL helper' }]);
    expect((await open()).list('en').hidden.map((h) => h.id)).toEqual(['builtin:sql']);
    await library.setHidden('builtin:sql', false);
    expect(library.list('en').prompts.some((p) => p.id === 'builtin:sql')).toBe(true);
  });

  it('exports the saved prompts and imports them once', async () => {
    const library = await open();
    await library.create(fields());
    await library.create(fields({ name: 'Translator', model: null, temperature: null }));
    const text = library.exportText();
    expect(text).not.toContain('builtin:');

    await rm(join(dir, PROMPTS_FILE));
    const fresh = await open();
    expect(await fresh.importText(text)).toEqual({ added: 2, skipped: 0 });
    expect(await fresh.importText(text)).toEqual({ added: 0, skipped: 2 });
    const own = fresh.list('en').prompts.filter((p) => !p.builtin);
    expect(own.map((p) => p.name)).toEqual(['Reviewer', 'Translator']);
    expect(own[0]).toMatchObject(fields());
  });

  it('refuses a bad import file and changes nothing', async () => {
    const library = await open();
    await library.create(fields());
    const before = await readFile(join(dir, PROMPTS_FILE), 'utf8');
    expect(await codeOf(library.importText('{ not json'))).toBe('prompts_import_not_json');
    expect(
      await codeOf(
        library.importText(
          JSON.stringify({ format: 'fleece-prompts', version: 1, prompts: [{ name: '' }] }),
        ),
      ),
    ).toBe('prompts_import_invalid');
    expect(await codeOf(library.importText(JSON.stringify({ conversations: [] })))).toBe(
      'prompts_import_invalid',
    );
    expect(await readFile(join(dir, PROMPTS_FILE), 'utf8')).toBe(before);
  });

  it('a write the disk refuses changes nothing and says so', async () => {
    const library = await open();
    await library.create(fields({ name: 'Kept' }));
    // A directory where the file should be: the atomic rename over it fails.
    await rm(join(dir, PROMPTS_FILE));
    await mkdir(join(dir, PROMPTS_FILE, 'blocker'), { recursive: true });
    expect(await codeOf(library.create(fields({ name: 'Lost' })))).toBe('prompts_write_failed');
    expect(
      library
        .list('en')
        .prompts.filter((p) => !p.builtin)
        .map((p) => p.name),
    ).toEqual(['Kept']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('moves a damaged prompts.json aside and starts empty', async () => {
    await writeFile(join(dir, PROMPTS_FILE), '{"version":1,"prompts":[{"name":42}]}');
    const library = await open();
    expect(library.notice?.text.code).toBe('prompts_reset');
    expect(library.list('en').prompts.every((p) => p.builtin)).toBe(true);
    const names = await readdir(dir);
    expect(names.some((n) => n.startsWith('prompts.corrupt-'))).toBe(true);
  });
});
