// The renderer tests run in jsdom, which lacks Node's web streams; a test that drives the real
// main services (undici, the loopback fake relay) puts them back before those modules load.
import * as web from 'node:stream/web';
import { Blob, File } from 'node:buffer';
import { MessageChannel, MessagePort } from 'node:worker_threads';

const g = globalThis as Record<string, unknown>;
for (const [name, value] of Object.entries({ ...web, Blob, File, MessageChannel, MessagePort }))
  g[name] ??= value;
