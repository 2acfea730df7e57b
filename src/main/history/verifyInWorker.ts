import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain JS evaluated in the worker: no bundling or TS loader needed, in Electron or in Node.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let reason = null;
let failure = null;
try {
  const Database = require(workerData.modulePath);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    const problems = db.pragma('quick_check(20)').map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) reason = problems.join('; ');
  } finally {
    db.close();
  }
} catch (error) {
  const code = error && error.code ? String(error.code) : '';
  const message = error && error.message ? error.message : String(error);
  // Only SQLite's own verdict counts as damage; anything else (a busy file, a missing module)
  // must never get a healthy history moved aside.
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') reason = message;
  else failure = message;
}
parentPort.postMessage({ reason, failure });
`;

/**
 * The whole-file `quick_check` on a read-only connection in a worker thread, so the main process
 * stays responsive (WAL lets it keep reading and writing meanwhile). Resolves to null when sound.
 */
export function verifyInWorker(file: string): Promise<string | null> {
  // The CommonJS main bundle has __filename; ESM (vitest, tsx) has import.meta.url.
  const base = typeof __filename === 'string' ? __filename : import.meta.url;
  const modulePath = createRequire(base).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { modulePath, file } });
    worker.once('message', (result: { reason: string | null; failure: string | null }) => {
      if (result.failure !== null)
        reject(new Error(`integrity check could not run: ${result.failure}`));
      else resolve(result.reason);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`integrity worker exited with code ${code}`));
    });
  });
}
