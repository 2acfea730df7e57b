/**
 * Start-up benchmark (Playwright + Chromium through the harness). A history of 500
 * conversations plus one of 1,000 messages (bench/seed.ts: built once, cached) is loaded cold
 * — a fresh browser context and page each time — at least 10 times. Printed: median and p95 of
 * the time to first contentful paint, to the sidebar populated and to the composer usable (the
 * renderer's own performance marks, see src/renderer/src/startupMarks.ts), the initial
 * JavaScript and CSS bytes of the built page, and the JS heap after load (after a forced GC).
 * Targets: sidebar populated ≤ 400 ms median, initial JS ≤ 1 MB, heap ≤ 30 MB.
 * `--runs=N` changes the number of loads; `--rebuild` rebuilds the history.
 */
import { readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/fixtures/chromium';
import { startHarnessProcess } from '../test/e2e/harnessProcess';
import { cachedHistory, CONVERSATIONS, LONG_MESSAGES } from './seed';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`));
const RUNS = Math.max(10, Number(arg('runs')?.split('=')[1] ?? 12));
const MB = 1_000_000;
const root = resolve(import.meta.dirname, '..');

/** The entry script and stylesheets of the built page, plus every chunk they import statically. */
function initialBytes(): { js: number; css: number; files: string[] } {
  const outDir = join(root, 'out/renderer');
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => join(outDir, m[1] ?? ''));
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) =>
    join(outDir, m[1] ?? ''),
  );
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); import("…") is lazy.
    for (const m of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      visit(join(dirname(file), m[1] ?? ''));
    }
  };
  scripts.forEach(visit);
  const size = (files: Iterable<string>) => [...files].reduce((n, f) => n + statSync(f).size, 0);
  return {
    js: size(seen),
    css: size(styles),
    files: [...seen, ...styles].map((f) => f.slice(outDir.length + 1)),
  };
}

interface Load {
  fcp: number;
  sidebar: number;
  composer: number;
  heap: number;
  /** Where the time to the sidebar goes (ms since navigation start, each step's end). */
  html: number;
  bridgeOpen: number;
  scriptStart: number;
  dataReady: number;
}

const MARKS_SET = `['fleece:sidebar-populated', 'fleece:composer-usable', 'first-contentful-paint']
  .every((name) => performance.getEntriesByName(name).length > 0)`;

/** One cold load: a new context (empty cache, no storage) and page. */
async function coldLoad(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    // Waits only until the marks exist; the figures are the marks' own times.
    // Waits only until the marks exist (polled: the page's CSP forbids waitForFunction's eval);
    // the figures are the marks' own times.
    const deadline = Date.now() + 30_000;
    while (!(await page.evaluate<boolean>(MARKS_SET))) {
      if (Date.now() > deadline) throw new Error('the start-up marks never appeared');
      await new Promise((ok) => setTimeout(ok, 20));
    }
    const times = await page.evaluate<Omit<Load, 'heap'>>(`(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return {
        fcp: at('first-contentful-paint'),
        sidebar: at('fleece:sidebar-populated'),
        composer: at('fleece:composer-usable'),
        html: performance.getEntriesByType('navigation')[0]?.responseEnd ?? NaN,
        bridgeOpen: at('fleece:bridge-open'),
        scriptStart: at('fleece:script-start'),
        dataReady: at('fleece:data-ready'),
      };
    })()`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { ...times, heap: usedSize };
  } finally {
    await context.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const dataDir = await cachedHistory(Boolean(arg('rebuild')));
  const bytes = initialBytes();
  const harness = await startHarnessProcess({ dataDir, secrets: 'memory' });
  // Chromium, unlike Electron, builds its address bar's popup (a WebUI page in a renderer of its
  // own) for every new window: on two cores that page loads alongside the app's, as no Electron
  // window ever does. The benchmark's browser leaves it out.
  const launch = chromiumLaunchOptions();
  const browser = await chromium.launch({
    ...launch,
    args: [
      ...launch.args,
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
    ],
  });
  try {
    // A profile that needs no key, so every load (memory secrets) goes straight to the chat.
    const setup = await browser.newPage();
    await setup.goto(harness.url);
    await setup.evaluate(`(async () => {
      const list = await window.fleece.invoke('profiles.list', {});
      if (list.ok && list.data.profiles.length > 0) return;
      const made = await window.fleece.invoke('profiles.create', { preset: 'ollama', defaultModel: 'qwen2.5:7b' });
      if (made.ok) await window.fleece.invoke('profiles.setActive', { id: made.data.id });
    })()`);
    await setup.close();
    // One load to warm the harness and the OS file cache; not counted.
    await coldLoad(browser, harness.url);
    const loads: Load[] = [];
    for (let i = 0; i < RUNS; i++) loads.push(await coldLoad(browser, harness.url));

    const stat = (pick: (l: Load) => number) => {
      const values = loads.map(pick);
      return { p50: percentile(values, 50), p95: percentile(values, 95) };
    };
    const fcp = stat((l) => l.fcp);
    const sidebar = stat((l) => l.sidebar);
    const composer = stat((l) => l.composer);
    const heap = stat((l) => l.heap);
    console.log(
      `\nFleece start-up benchmark: ${RUNS} cold loads, ${CONVERSATIONS + 1} conversations (one of ${LONG_MESSAGES} messages); ${cpus().length} cores (load average ${loadavg()[0]?.toFixed(1)}); ${new Date().toISOString().slice(0, 10)}`,
    );
    console.log(`initial files: ${bytes.files.join(', ')}`);
    const ms = (v: { p50: number; p95: number }) =>
      `median ${v.p50.toFixed(0)} ms, p95 ${v.p95.toFixed(0)} ms`;
    const rows: [string, string, string, boolean | null][] = [
      ['first contentful paint', ms(fcp), '', null],
      ['sidebar populated', ms(sidebar), 'median ≤ 400 ms', sidebar.p50 <= 400],
      ['composer usable', ms(composer), '', null],
      ['initial JavaScript', `${(bytes.js / MB).toFixed(3)} MB`, '≤ 1 MB', bytes.js <= MB],
      ['initial CSS', `${(bytes.css / 1000).toFixed(1)} kB`, '', null],
      [
        'JS heap after load (after GC)',
        `median ${(heap.p50 / MB).toFixed(1)} MB, p95 ${(heap.p95 / MB).toFixed(1)} MB`,
        '≤ 30 MB',
        heap.p50 <= 30 * MB,
      ],
    ];
    for (const [name, value, target, ok] of rows) {
      const verdict = ok === null ? '' : ok ? 'PASS' : 'FAIL';
      const goal = target ? `target ${target}` : '';
      console.log(`${name.padEnd(30)} ${value.padEnd(34)} ${goal.padEnd(24)} ${verdict}`);
    }
    // The same loads, cut into steps (medians, ms since navigation start). The harness's part is
    // the page's HTML and the WebSocket standing in for Electron's IPC (which needs no connect).
    const at = (pick: (l: Load) => number) => stat(pick).p50.toFixed(0);
    console.log(
      `where the time to the sidebar goes (medians): HTML received ${at((l) => l.html)} ms; ` +
        `app script running ${at((l) => l.scriptStart)} ms; harness WebSocket open ${at((l) => l.bridgeOpen)} ms; ` +
        `start-up data in ${at((l) => l.dataReady)} ms; sidebar painted ${at((l) => l.sidebar)} ms`,
    );
  } finally {
    await browser.close();
    await harness.stop();
  }
}

await main();
