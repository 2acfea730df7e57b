/**
 * History at scale: a synthetic store of 10,000 conversations / 1,000,000 messages (English,
 * Vietnamese, Chinese), then open time, first page, last-200, search per query kind, inserts.
 * The built file is cached under os.tmpdir() keyed by schema + generator version, so reruns
 * skip the build. `--rebuild` forces it; `--messages=N` scales it (for quick experiments).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Conversation } from '../src/shared/types/history';
import { insertConversation } from '../src/main/history/conversationRepository';
import { HistoryStore } from '../src/main/history/HistoryStore';
import { insertMessageRow, type MessageInsert } from '../src/main/history/messageRepository';
import { LATEST_VERSION, MIGRATIONS } from '../src/main/history/migrations';
import { benchUsage } from './usage';
import { runMigrations } from '../src/main/history/migrate';
import { indexTitle } from '../src/main/history/searchIndex';
import { HISTORY_FILE } from '../src/main/history/openHistoryDb';
import { deriveTitle } from '../src/main/history/titles';

const GENERATOR_VERSION = 1;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
const MESSAGES = Number(arg('messages')?.split('=')[1] ?? 1_000_000);
const CONVERSATIONS = Math.max(10, Math.round(MESSAGES / 100));

// Deterministic PRNG so every build (and every machine) gets the same store.
let seed = 0x9e3779b9;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
/** Zipf-like: low indexes are much more frequent, so there are common and rare words. */
const zipf = <T>(items: readonly T[]): T => items[Math.floor(items.length * rand() ** 2.2)] as T;

const EN = `the of and to a in is it you that for this with on as are be can your by not or an
model api key request response token stream data time error relay server client endpoint base url
setting value function return code example use using need want would could should will make know
first new more most other some any each which when where how what why because about into over
after before through between under again further then once here there all both few many such only
own same than too very just also well even back good great little long right small large old
machine learning python javascript typescript sqlite database query index search message chat
history export import backup profile price cost latency retry timeout network proxy window
button screen theme language keyboard shortcut markdown table list image file folder path
install update version release build test benchmark memory cpu thread process socket buffer`.split(
  /\s+/,
);
const EN_PHRASES = ['machine learning', 'api key', 'base url', 'time to first token', 'rate limit'];
const EN_RARE = ['quokka', 'zygomorphic', 'axolotl', 'palimpsest', 'sesquipedalian'];
const VI = `của và là có không được những người cho một các trong này với để đã khi thì nhưng cũng
như từ theo về ra lại nào rất hơn vì nên phải làm biết muốn cần dùng thể sẽ đang tiền đồng tiết
kiệm ngân hàng lãi suất tài khoản chuyển khoản mật khẩu đăng nhập dữ liệu máy chủ mô hình câu hỏi
trả lời tiếng việt học sinh giáo viên công việc gia đình thời gian hôm nay ngày mai điện thoại`.split(
  /\s+/,
);
const VI_PHRASES = ['tiết kiệm', 'người dùng', 'đồng tiền', 'tài khoản', 'trí tuệ nhân tạo'];
const ZH = Array.from(
  `的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家
学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同
三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问
力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军
产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提
感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林
题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展
该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转房持调据底证根收`.replace(/\s+/g, ''),
);
const ZH_WORDS = ['中转', '模型', '接口', '数据', '服务器', '密钥', '流式', '搜索', '历史', '网络'];

function words(lang: number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = rand();
    // Rare words: about 2 per million words, so each appears in a few dozen messages.
    if (lang === 0) out.push(r < 0.02 ? pick(EN_PHRASES) : r < 0.020002 ? pick(EN_RARE) : zipf(EN));
    else if (lang === 1) out.push(r < 0.05 ? pick(VI_PHRASES) : r < 0.1 ? zipf(EN) : zipf(VI));
    else {
      let run = '';
      const n = 2 + Math.floor(rand() * 10);
      for (let k = 0; k < n; k++) run += rand() < 0.08 ? pick(ZH_WORDS) : zipf(ZH);
      out.push(rand() < 0.1 ? zipf(EN) : run + (rand() < 0.3 ? '。' : '，'));
      i += n;
    }
  }
  return lang === 2 ? out.join('') : out.join(' ');
}

function buildStore(dataDir: string): void {
  const building = `${dataDir}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  // Schema through the real migrations, rows through the real repository inserts; only the
  // durability pragmas differ (a half-built cache file is thrown away, never opened).
  const db = new Database(join(building, HISTORY_FILE));
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('foreign_keys = ON');
  runMigrations(db, MIGRATIONS);
  const started = performance.now();
  const t0 = Date.UTC(2024, 0, 1);
  // Conversation sizes: heavy tail, a few with thousands of messages; adjusted to the exact total.
  const sizes = Array.from(
    { length: CONVERSATIONS },
    () => 2 * Math.max(1, Math.round(8 / (1 - rand() * 0.985))),
  );
  let total = sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; total !== MESSAGES; i = (i + 1) % CONVERSATIONS) {
    const step = total > MESSAGES ? -2 : 2;
    const size = (sizes[i] ?? 0) + step;
    if (size >= 2) {
      sizes[i] = size;
      total += step;
    }
  }
  const pks: number[] = [];
  const ids: string[] = [];
  const langs: number[] = [];
  let count = 0;
  db.transaction(() => {
    for (let i = 0; i < CONVERSATIONS; i++) {
      const c: Conversation = {
        id: crypto.randomUUID(),
        title: '',
        titleIsCustom: false,
        pinned: rand() < 0.005,
        createdAt: t0,
        updatedAt: t0,
        deletedAt: null,
        model: 'gpt-4o-mini',
        profileId: 'holysheep',
        systemPrompt: null,
        temperature: null,
        contextTurns: null,
      };
      pks.push(insertConversation(db, c));
      ids.push(c.id);
      langs.push(rand() < 0.6 ? 0 : rand() < 0.5 ? 1 : 2);
    }
    // Sessions of 1–20 exchanges on random conversations: realistic interleaving on disk.
    const remaining = sizes.map((s) => s / 2);
    let open = CONVERSATIONS;
    let t = t0;
    const setTitle = db.prepare('UPDATE conversations SET title = ? WHERE pk = ?');
    while (open > 0) {
      let i = Math.floor(rand() * CONVERSATIONS);
      while ((remaining[i] ?? 0) === 0) i = (i + 1) % CONVERSATIONS;
      const pk = pks[i] ?? 0;
      const session = Math.min(remaining[i] ?? 0, 1 + Math.floor(rand() * 20));
      for (let k = 0; k < session; k++) {
        const lang = rand() < 0.9 ? (langs[i] ?? 0) : Math.floor(rand() * 3);
        for (const role of ['user', 'assistant'] as const) {
          t += 1000 + Math.floor(rand() * 30_000);
          const user = role === 'user';
          const content = words(
            lang,
            user ? 5 + Math.floor(rand() * 30) : 20 + Math.floor(rand() * 200),
          );
          const m: MessageInsert = {
            id: crypto.randomUUID(),
            conversationId: ids[i] ?? '',
            role,
            content,
            reasoning: '',
            status: 'complete',
            model: 'gpt-4o-mini',
            profileId: 'holysheep',
            promptTokens: user ? null : 300,
            completionTokens: user ? null : 200,
            tokensEstimated: false,
            cost: user ? null : 0.0003,
            ttftMs: user ? null : 400,
            durationMs: user ? null : 3000,
            reasoningMs: null,
            finishReason: user ? null : 'stop',
            errorKind: null,
            errorMessage: null,
            createdAt: t,
            updatedAt: t,
          };
          insertMessageRow(db, pk, m, true);
          if (user && k === 0 && remaining[i] === (sizes[i] ?? 0) / 2) {
            setTitle.run(deriveTitle(content), pk);
            indexTitle(db, pk, deriveTitle(content));
          }
          count += 1;
          if (count % 100_000 === 0) {
            const rate = Math.round(count / ((performance.now() - started) / 1000));
            console.log(`  built ${count} messages (${rate}/s)`);
          }
        }
      }
      remaining[i] = (remaining[i] ?? 0) - session;
      if (remaining[i] === 0) open -= 1;
    }
    db.prepare(
      'UPDATE conversations SET updated_at = (SELECT max(created_at) FROM messages WHERE conv_pk = pk)',
    ).run();
  })();
  const seconds = (performance.now() - started) / 1000;
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(building, dataDir);
  const mb = statSync(join(dataDir, HISTORY_FILE)).size / 1e6;
  console.log(
    `build: ${count} messages in ${seconds.toFixed(1)} s = ${Math.round(count / seconds)} messages/s ` +
      `(bulk, one transaction); file ${mb.toFixed(0)} MB`,
  );
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Wall time, plus this process's CPU time: on a shared, busy machine the two tell apart the
 * cost of an operation and the time it waited for a core. */
function time<T>(fn: () => T): [number, T, number] {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return [wall, result, (used.user + used.system) / 1000];
}

const verdicts: string[] = [];
/** The verdict is on wall time; CPU time is printed beside it. */
function target(name: string, value: number, limit: number, cpu?: number): void {
  const verdict = value <= limit ? 'PASS' : 'FAIL';
  verdicts.push(verdict);
  const cpuNote = cpu === undefined ? '' : `; CPU time p95 ${cpu.toFixed(2)} ms`;
  console.log(`${verdict}  ${name}: ${value.toFixed(2)} ms (target ≤ ${limit} ms${cpuNote})`);
}

const QUERY_KINDS: [string, string[]][] = [
  ['common word', ['model', 'the', 'data', 'time', 'error']],
  ['rare word', EN_RARE],
  [
    'Vietnamese without diacritics',
    ['tiet kiem', 'nguoi dung', 'dong tien', 'tai khoan', 'mat khau'],
  ],
  ['two Chinese characters', ['中转', '模型', '接口', '数据', '网络']],
  [
    'phrase',
    ['"machine learning"', '"api key"', '"time to first token"', '"rate limit"', '"tài khoản"'],
  ],
  // Broad or awkward: common terms that rarely or never meet, so FTS5 walks long doclists to the end.
  ['worst case: common terms, no match', ['the của 的', 'tiet 的', 'model 的 tiet', '"của 的"']],
  ['worst case: rare adjacency', ['"的 是"', '"the the"', '"中 的 一"', 'the 中']],
];

function measureSearch(store: HistoryStore): void {
  for (const [kind, queries] of QUERY_KINDS) {
    const samples: number[] = [];
    const cpuTimes: number[] = [];
    const nextPages: number[] = [];
    let found = 0;
    for (let round = 0; round < 10; round++) {
      for (const query of queries) {
        const [ms, page, cpu] = time(() => store.search({ query, limit: 20 }));
        samples.push(ms);
        cpuTimes.push(cpu);
        found += page.results.length;
        const cursor = page.nextCursor;
        if (cursor) nextPages.push(time(() => store.search({ query, cursor, limit: 20 }))[0]);
      }
    }
    const next = nextPages.length
      ? `, next page p95 ${percentile(nextPages, 95).toFixed(2)} ms`
      : '';
    console.log(
      `search ${kind}: p50 ${percentile(samples, 50).toFixed(2)} ms, ` +
        `${(found / samples.length).toFixed(1)} results/page${next}`,
    );
    if (kind.startsWith('worst case')) {
      // Not one of the issue's query kinds: cost grows with the doclists FTS5 must intersect.
      console.log(
        `info  search ${kind}: p95 ${percentile(samples, 95).toFixed(2)} ms; ` +
          `CPU time p95 ${percentile(cpuTimes, 95).toFixed(2)} ms`,
      );
    } else target(`search ${kind} (p95)`, percentile(samples, 95), 50, percentile(cpuTimes, 95));
  }
}

function measureWrites(store: HistoryStore): void {
  // The app path: one transaction per message, as the chat service writes (WAL, synchronous=NORMAL).
  const conv = store.createConversation({ title: 'bench inserts' });
  const n = 2000;
  const [ms] = time(() => {
    for (let i = 0; i < n; i++) {
      store.appendMessage({
        conversationId: conv.id,
        role: i % 2 ? 'assistant' : 'user',
        content: words(i % 3, 80),
      });
    }
  });
  console.log(
    `insert (app path, one transaction per message, indexed): ${Math.round(n / (ms / 1000))} messages/s`,
  );
  const streaming = store.appendMessage({
    conversationId: conv.id,
    role: 'assistant',
    status: 'streaming',
  });
  let text = '';
  const checkpoints: number[] = [];
  while (text.length < 20_000) {
    text += words(0, 40) + ' ';
    checkpoints.push(time(() => store.checkpointMessage(streaming.id, text, ''))[0]);
  }
  const [finishMs] = time(() =>
    store.finishMessage(streaming.id, {
      status: 'complete',
      content: text,
      reasoning: '',
      promptTokens: 1,
      completionTokens: 1,
      tokensEstimated: false,
      cost: null,
      ttftMs: 1,
      durationMs: 1,
      reasoningMs: null,
      finishReason: 'stop',
      errorKind: null,
      errorMessage: null,
    }),
  );
  console.log(
    `checkpoint UPDATE of a growing answer to 20 KB (not indexed while streaming): p50 ` +
      `${percentile(checkpoints, 50).toFixed(3)} ms, max ${Math.max(...checkpoints).toFixed(2)} ms; ` +
      `finish + index it once: ${finishMs.toFixed(2)} ms`,
  );
  store.purgeConversation(conv.id);
}

/** The whole-file check runs in a worker; the main thread keeps serving reads meanwhile. */
async function measureBackgroundCheck(store: HistoryStore, ids: string[]): Promise<void> {
  const started = performance.now();
  let finished = false;
  const check = store.verifyInBackground().finally(() => (finished = true));
  const during: number[] = [];
  for (let i = 0; !finished; i++) {
    during.push(time(() => store.listMessages(ids[i % ids.length] ?? '', { limit: 200 }))[0]);
    await new Promise((r) => setTimeout(r, 20));
  }
  const notice = await check;
  console.log(
    `whole-file quick_check in a worker: ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
      `${notice ? `DAMAGE: ${JSON.stringify(notice)}` : 'ok'}; last-200 meanwhile on the main thread: ` +
      `p95 ${percentile(during, 95).toFixed(2)} ms over ${during.length} loads`,
  );
}

async function main(): Promise<void> {
  const dataDir = join(
    tmpdir(),
    `fleece-history-bench-s${LATEST_VERSION}-g${GENERATOR_VERSION}-${MESSAGES}`,
  );
  if (arg('rebuild')) rmSync(dataDir, { recursive: true, force: true });
  console.log(`store: ${CONVERSATIONS} conversations, ${MESSAGES} messages at ${dataDir}`);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(
    `machine: ${cpus().length} cores, load average ${load} (timings below include waits for a core)`,
  );
  if (!existsSync(join(dataDir, HISTORY_FILE))) buildStore(dataDir);
  else console.log('build: reused the cached store (--rebuild to rebuild and measure the build)');

  // Open = header + bounded integrity check, pragmas, migration check, start-up sweep, trash expiry.
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [ms, opened] = await timeAsync(() => HistoryStore.open({ dataDir }));
    opens.push(ms);
    opened.store.close();
  }
  console.log(`open runs: ${opens.map((o) => o.toFixed(1)).join(', ')} ms`);
  target('open (median of 5)', percentile(opens, 50), 200);
  const { store, fullyChecked } = await HistoryStore.open({ dataDir });
  console.log(
    `whole-file check at open: ${fullyChecked ? 'yes' : 'no (file above the limit; runs in a worker)'}`,
  );

  const firstPages: number[] = [];
  for (let i = 0; i < 50; i++)
    firstPages.push(time(() => store.listConversations({ limit: 50 }))[0]);
  console.log(`first page of 50 conversations: p50 ${percentile(firstPages, 50).toFixed(2)} ms`);
  target('first page of conversations (p95)', percentile(firstPages, 95), 20);

  // Conversations with at least 200 messages, each loaded once: cold in SQLite's page cache.
  const big = store.db
    .prepare(
      `SELECT c.id FROM conversations c WHERE (SELECT count(*) FROM messages WHERE conv_pk = c.pk) >= 200
       ORDER BY random() LIMIT 200`,
    )
    .pluck()
    .all() as string[];
  const measured = big.map((id) => time(() => store.listMessages(id, { limit: 200 })));
  const loads = measured.map((m) => m[0]);
  console.log(
    `last 200 messages over ${big.length} conversations: p50 ${percentile(loads, 50).toFixed(2)} ms`,
  );
  target(
    'last 200 messages (p95)',
    percentile(loads, 95),
    5,
    percentile(
      measured.map((m) => m[2]),
      95,
    ),
  );

  measureSearch(store);
  const usage = benchUsage(store.db);
  console.log(
    `usage page data: this month ${usage.month.answers} answers p50 ${usage.month.p50.toFixed(2)} ms; ` +
      `whole history ${usage.all.answers} answers p50 ${usage.all.p50.toFixed(2)} ms p95 ${usage.all.p95.toFixed(2)} ms` +
      (usage.coveringIndex ? '' : ' (no usage index!)'),
  );
  target('usage page data, this month (p95)', usage.month.p95, 100);
  measureWrites(store);
  await measureBackgroundCheck(store, big);
  store.close();
  console.log(verdicts.every((v) => v === 'PASS') ? 'ALL TARGETS PASS' : 'SOME TARGETS FAIL');
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await fn();
  return [performance.now() - t, result];
}

void main();
