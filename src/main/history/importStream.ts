import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';
import { FleeceError } from '../errors/FleeceError';

/** A value picked out of a JSON file, with the keys that lead to it (`['conversations', 3]`). */
export interface PickedValue {
  path: (string | number)[];
  value: unknown;
}

/** Bytes read per step: the parser holds one such piece plus the value being built. */
const READ_BYTES = 1024 * 1024;

/**
 * Streams a JSON file and yields, per piece read, the values at `paths` (the parser's JSONPath
 * subset: `$.format`, `$.conversations.*`, `$.*`), in file order. Only those values are kept in
 * memory, never the whole document: an export of hundreds of megabytes is read in the memory of
 * its largest conversation. A file that is not JSON, or ends early, is `import_not_json`.
 * `onBytes` is told the bytes read so far.
 */
export async function* pickJsonValues(
  file: string,
  paths: string[],
  onBytes?: (bytes: number) => void,
): AsyncGenerator<PickedValue[]> {
  // Strings gathered in a byte buffer rather than by concatenation: a message can be megabytes.
  const parser = new JSONParser({ paths, keepStack: false, stringBufferSize: 64 * 1024 });
  let picked: PickedValue[] = [];
  parser.onValue = ({ value, key, stack }) => {
    const path = [...stack.slice(1).map((s) => s.key), key].filter(
      (k): k is string | number => k !== undefined,
    );
    picked.push({ path, value });
  };
  let bytes = 0;
  const notJson = (cause: unknown) =>
    new FleeceError('bad_import', { text: 'import_not_json', cause });
  for await (const chunk of createReadStream(file, { highWaterMark: READ_BYTES })) {
    const piece = chunk as Buffer;
    try {
      parser.write(piece);
    } catch (error) {
      throw notJson(error);
    }
    bytes += piece.byteLength;
    onBytes?.(bytes);
    if (picked.length > 0) {
      yield picked;
      picked = [];
    }
  }
  try {
    if (!parser.isEnded) parser.end();
  } catch (error) {
    throw notJson(error);
  }
  if (picked.length > 0) yield picked;
}
