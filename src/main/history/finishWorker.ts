/**
 * Worker-thread entry (its own bundle, see electron.vite.config.ts): writes the final record of
 * a long answer on its own connection, so the main process never spends the time SQLite takes
 * to store megabytes of text (WAL lets main keep reading meanwhile).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isFleeceError } from '../errors/FleeceError';
import { finishMessage } from './messageRepository';
import { forgetPendingText } from './searchIndex';
import type { FinishRequest, FinishReply, FinishWorkerData } from './finishInWorker';

const input = workerData as FinishWorkerData;
const db = new Database(input.dbPath, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const decoder = new TextDecoder();

function text(part: FinishRequest['content']): string {
  return decoder.decode(new Uint8Array(part.buffer, 0, part.length));
}

parentPort?.on('message', (request: FinishRequest) => {
  let reply: FinishReply;
  try {
    const outcome = {
      ...request.outcome,
      content: text(request.content),
      reasoning: text(request.reasoning),
    };
    // IMMEDIATE: the write lock is taken before the row is read, so no other writer can slip in.
    db.transaction(() => finishMessage(db, request.id, outcome, request.now)).immediate();
    reply = { requestId: request.requestId, ok: true };
  } catch (error) {
    reply = {
      requestId: request.requestId,
      ok: false,
      name: error instanceof Error ? error.name : 'Error',
      code: isFleeceError(error)
        ? error.code
        : typeof (error as { code?: unknown }).code === 'string'
          ? (error as { code: string }).code
          : null,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  // The indexer of the main connection has the text; this one must not keep megabytes alive.
  forgetPendingText(db);
  parentPort?.postMessage(reply);
});
