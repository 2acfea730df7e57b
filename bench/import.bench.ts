/**
 * Imports a ~50 MB export through the worker and prints the longest main-thread stall meanwhile
 * (event-loop delay) and the wall time. Run: node --import tsx bench/import.bench.ts [MB]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { HistoryStore } from '../src/main/history/HistoryStore';

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
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  let events = 0;
  const report = await store.importFile(file, () => (events += 1)).result;
  const wall = performance.now() - started;
  delay.disable();
  console.log(
    `import of ${(json.length / 1e6).toFixed(1)} MB (${report.conversationsAdded} conversations, ` +
      `${report.messagesAdded} messages): ${(wall / 1000).toFixed(1)} s in the worker, ` +
      `${events} progress events, longest main-thread stall ${(delay.max / 1e6).toFixed(1)} ms`,
  );
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
