import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

// Lints virtual files placed in each process folder, proving the import fences hold.
const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function fenceErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('process fences (ESLint no-restricted-imports)', () => {
  it.each([
    "import { ipcRenderer } from 'electron';",
    "import { readFileSync } from 'node:fs';",
    "import Database from 'better-sqlite3';",
    "import keytar from 'keytar';",
    "import { composeServices } from '../../main/compose';",
    "import '../../preload/index';",
  ])('the renderer may not: %s', async (line) => {
    expect(await fenceErrors('src/renderer/src/Fence.ts', `${line}\nexport {};\n`)).not.toEqual([]);
  });

  it('the renderer may import src/shared', async () => {
    expect(
      await fenceErrors(
        'src/renderer/src/Fence.ts',
        "import { ok } from '../../shared/result';\nexport const x = ok;\n",
      ),
    ).toEqual([]);
  });

  it.each([
    ['src/main/Fence.ts', "import { App } from '../renderer/src/App';\nexport { App };\n"],
    ['src/preload/Fence.ts', "import { App } from '../renderer/src/App';\nexport { App };\n"],
    [
      'src/preload/Fence.ts',
      "import { composeServices } from '../main/compose';\nexport { composeServices };\n",
    ],
    ['src/shared/Fence.ts', "import { app } from 'electron';\nexport { app };\n"],
    ['src/shared/Fence.ts', "import { join } from 'node:path';\nexport { join };\n"],
    [
      'src/shared/Fence.ts',
      "import { composeServices } from '../main/compose';\nexport { composeServices };\n",
    ],
  ])('%s may not import across the fence', async (file, code) => {
    expect(await fenceErrors(file, code)).not.toEqual([]);
  });

  it('main may import electron, node built-ins and src/shared', async () => {
    expect(
      await fenceErrors(
        'src/main/Fence.ts',
        "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { ok } from '../shared/result';\nexport { app, join, ok };\n",
      ),
    ).toEqual([]);
  });
});
