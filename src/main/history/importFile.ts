import { readFile, stat } from 'node:fs/promises';
import { FleeceError } from '../errors/FleeceError';
import {
  checkExportHeader,
  validateConversation,
  validateExport,
  type FileConversation,
} from './importHistory';
import { pickJsonValues } from './importStream';

/** The fields of a Fleece export that are read; `conversations` one element at a time. */
const FLEECE_PATHS = ['$.format', '$.version', '$.exportedAt', '$.conversations.*'];

/**
 * A file without a single conversation is small unless padded: it is parsed whole, so a missing
 * `conversations` or an empty file is refused with the same words as before.
 */
const WHOLE_PARSE_MAX_BYTES = 1024 * 1024;

/**
 * An import file's conversations in Fleece's export shape, checked, in batches as the file is
 * streamed (one batch per piece read). This is the one entry point of an import: a reader for
 * another format yields the same batches from its own file.
 */
export async function* readExportFile(file: string): AsyncGenerator<FileConversation[]> {
  const head: Record<string, unknown> = {};
  let index = 0;
  for await (const picked of pickJsonValues(file, FLEECE_PATHS)) {
    const batch: FileConversation[] = [];
    for (const { path, value } of picked) {
      const [field] = path;
      if (path.length === 1 && typeof field === 'string') {
        head[field] = value;
        continue;
      }
      // Our exports write the header first; a file that puts it after a conversation is not one.
      if (index === 0) checkExportHeader(head);
      batch.push(validateConversation(value, index));
      index += 1;
    }
    if (batch.length > 0) yield batch;
  }
  if (index > 0) return;
  if ((await stat(file)).size > WHOLE_PARSE_MAX_BYTES) {
    checkExportHeader(head);
    throw new FleeceError('bad_import', { text: 'import_not_export' });
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new FleeceError('bad_import', { text: 'import_not_json' });
  }
  validateExport(data);
}
