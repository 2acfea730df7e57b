/**
 * The floor under token to pixel on this machine: the same path without the app. Node sends each
 * token over a loopback WebSocket with the time it was sent (as main stamps `receivedAt`), and a
 * bare page in the same Chromium appends it to one text node in the next frame, as the app hands a
 * frame's deltas over in a requestAnimationFrame callback; a later callback of that frame finds
 * it on the page, as bench:ui's check does. What the app measures above this is its own work.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { WebSocketServer, type WebSocket } from 'ws';

const PAGE = `<!doctype html><meta charset="utf-8"><title>floor</title>
<p id="out" style="font: 15px/1.6 sans-serif; white-space: pre-wrap; width: 720px"></p>
<script>
  const w = window;
  w.__ttp = [];
  w.__transit = [];
  const text = document.getElementById('out').appendChild(document.createTextNode(''));
  // A frame loop of its own, as bench:ui's recorder keeps one.
  const tick = () => requestAnimationFrame(tick);
  tick();
  let queued = [];
  let waiting = [];
  let applying = false;
  let checking = false;
  const apply = () => {
    applying = false;
    text.appendData(queued.map((t) => ' ' + t.word).join(''));
    queued = [];
  };
  const check = () => {
    checking = false;
    const now = performance.timeOrigin + performance.now();
    const tail = text.data.slice(-400);
    const still = [];
    for (const t of waiting) {
      if (tail.includes(t.word)) w.__ttp.push(now - t.at);
      else still.push(t);
    }
    waiting = still;
    if (waiting.length > 0 && !checking) { checking = true; requestAnimationFrame(check); }
  };
  const socket = new WebSocket('ws://' + location.host + '/floor');
  socket.onmessage = (m) => {
    const t = JSON.parse(m.data);
    w.__transit.push(performance.timeOrigin + performance.now() - t.at);
    queued.push(t);
    waiting.push(t);
    if (!applying) { applying = true; requestAnimationFrame(apply); }
    if (!checking) { checking = true; requestAnimationFrame(check); }
  };
  socket.onopen = () => { w.__open = true; };
</script>`;

export interface Floor {
  /** ms from the send to the frame callback that found the token on the page. */
  ttp: number[];
  /** ms from the send to the page's message handler. */
  transit: number[];
}

/** `tokens` tokens at `rate` a second into a bare page; the delays of each. */
export async function screenFloor(browser: Browser, tokens: number, rate: number): Promise<Floor> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const wss = new WebSocketServer({ server, path: '/floor' });
  const connected = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const socket = await connected;
    await page.waitForFunction('window.__open === true');
    await page.waitForTimeout(500);
    const start = performance.now();
    for (let i = 0; i < tokens; i++) {
      const wait = start + (i * 1000) / rate - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      socket.send(
        JSON.stringify({ word: `word${i}`, at: performance.timeOrigin + performance.now() }),
      );
    }
    await page.waitForTimeout(500);
    return await page.evaluate<Floor>('({ ttp: window.__ttp, transit: window.__transit })');
  } finally {
    await page.close();
    wss.close();
    server.close();
  }
}
