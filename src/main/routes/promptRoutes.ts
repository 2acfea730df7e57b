import { readFile, stat, writeFile } from 'node:fs/promises';
import type { HandlersFor } from '../../shared/contract';
import type { promptRoutes } from '../../shared/contract/prompts';
import { FleeceError } from '../errors/FleeceError';
import { PROMPT_FILE_MAX_BYTES } from '../prompts/promptFile';
import type { PromptLibrary } from '../prompts/PromptLibrary';

export function promptHandlers(deps: {
  prompts: PromptLibrary;
  chooseSavePath: (defaultName: string) => Promise<string | null>;
  chooseOpenPath: () => Promise<string | null>;
}): HandlersFor<typeof promptRoutes> {
  const { prompts } = deps;
  return {
    'prompts.list': ({ language }) => prompts.list(language),
    'prompts.create': ({ fields }) => prompts.create(fields),
    'prompts.update': ({ id, fields }) => prompts.update(id, fields),
    'prompts.delete': async ({ id }) => {
      await prompts.delete(id);
      return { deleted: true };
    },
    'prompts.setHidden': async ({ id, hidden }) => {
      await prompts.setHidden(id, hidden);
      return { hidden };
    },
    'prompts.import': async () => {
      const path = await deps.chooseOpenPath();
      if (path === null) return { path: null, added: 0, skipped: 0 };
      const size = (await stat(path)).size;
      if (size > PROMPT_FILE_MAX_BYTES)
        throw new FleeceError('bad_import', { text: 'prompts_import_too_large' });
      const counts = await prompts.importText(await readFile(path, 'utf8'));
      return { path, ...counts };
    },
    'prompts.export': async () => {
      const path = await deps.chooseSavePath('fleece-prompts.json');
      if (path === null) return { savedTo: null, count: 0 };
      const text = prompts.exportText();
      await writeFile(path, text, 'utf8');
      return { savedTo: path, count: (JSON.parse(text) as { prompts: unknown[] }).prompts.length };
    },
  };
}
