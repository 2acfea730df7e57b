import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a worker-thread entry of this folder runs from. The built app runs the bundled
 * `<name>.js` beside the main bundle (each is its own entry, see electron.vite.config.ts); from
 * sources (tests, the harness) the TypeScript entry runs through tsx.
 */
export function workerEntry(
  name: string,
  /** The `import.meta.url` of a module in the entry's folder, when that is not this one. */
  sourceUrl?: string,
): { file: string; execArgv?: string[] } {
  const here =
    typeof __filename === 'string' ? dirname(__filename) : dirname(fileURLToPath(import.meta.url));
  // Beside the main bundle, or one level up if the bundler moved this code into a chunk.
  for (const built of [join(here, `${name}.js`), join(here, '..', `${name}.js`)])
    if (existsSync(built)) return { file: built };
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  return {
    file: join(sourceUrl ? dirname(fileURLToPath(sourceUrl)) : here, `${name}.ts`),
    ...(hasTsx ? {} : { execArgv: [...process.execArgv, '--import', 'tsx'] }),
  };
}
