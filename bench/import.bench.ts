/**
 * Imports a ~50 MB export through the worker while the main thread keeps writing as a streaming
 * answer does (a checkpoint every 250 ms, here every 50 ms), and prints the longest main-thread
 * stall meanwhile (busy, and by the wall clock: a write waiting for the worker's lock is a stall
 * that uses no CPU), the longest of those writes, and the wall time. Budget: 50 ms.
 * Run: npm run bench:import [-- MB]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../src/main/history/HistoryStore';
import { LagProbe } from './lagProbe';

const targetMb = Number(process.argv[2] ?? 50);
const text = 'Tiết kiệm điện thế nào? 中转站是什么 and some plain English words. '.repeat(20);
const perConversation = 20;
const conversations = Math.ceil((targetMb * 1024 * 1024) / (text.length * 1.3 * perConversation));
const dir = mkdtempSync(join(tmpdir(), 'fleece-import-bench-'));
try {
  const file = join(dir, 'export.json');
  const json = JSON.stringify({
    format: 'fleece-history',
    version: 1,
    exportedAt: 1,
    conversations: Array.from({ length: conversations }, (_, c) => ({
      id: `c-${c}`,
      title: `Conversation ${c}`,
      createdAt: c,
      updatedAt: c,
      messages: Array.from({ length: perConversation }, (_, m) => ({
        id: `m-${c}-${m}`,
        role: m % 2 ? 'assistant' : 'user',
        content: `${m} ${text}`,
        createdAt: c * 100 + m,
        updatedAt: c * 100 + m,
      })),
    })),
  });
  writeFileSync(file, json);
  const { store } = await HistoryStore.open({ dataDir: dir });
  const live = store.createConversation({ title: 'live' }).id;
  const answer = store.appendMessage({
    conversationId: live,
    role: 'assistant',
    content: '',
    status: 'streaming',
  }).id;
  let longestWrite = 0;
  let writes = 0;
  const writer = setInterval(() => {
    const t = performance.now();
    store.checkpointMessage(answer, text.repeat(1 + (writes++ % 50)), '');
    longestWrite = Math.max(longestWrite, performance.now() - t);
  }, 50);
  const probe = new LagProbe();
  const started = performance.now();
  let events = 0;
  const report = await store.importFile(file, () => (events += 1)).result;
  const ended = performance.now();
  clearInterval(writer);
  probe.stop();
  const stall = probe.longest(started, ended);
  console.log(
    `import of ${(json.length / 1e6).toFixed(1)} MB (${report.conversationsAdded} conversations, ` +
      `${report.messagesAdded} messages): ${((ended - started) / 1000).toFixed(1)} s in the worker, ` +
      `${events} progress events, ${writes} checkpoints meanwhile`,
  );
  const pass = Math.max(stall.busy, longestWrite) <= 50;
  console.log(
    `${pass ? 'PASS' : 'FAIL'}: longest main-thread task ${stall.busy.toFixed(1)} ms, longest ` +
      `stall by the wall clock ${stall.wall.toFixed(1)} ms, longest checkpoint write ` +
      `${longestWrite.toFixed(1)} ms (budget 50 ms)`,
  );
  if (!pass) process.exitCode = 1;
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
