/**
 * The floor under token to pixel on this machine: the same path without the app. Node sends each
 * token over a loopback WebSocket with the time it was sent (as main stamps `receivedAt`), in
 * lists made by main's own DeltaChannel (in step with the frames the page reports, as the app's
 * window reports its own), and a bare page in the same Chromium appends it
 * to a paragraph in the next frame, as the app hands a frame's deltas over in a
 * requestAnimationFrame callback; a later callback of that frame finds it on the page, as
 * bench:ui's check does. What the app measures above this is its own work. With several streams,
 * each has a column of its own, side by side, as the answers of a comparison have.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { WebSocketServer, type WebSocket } from 'ws';
import { DeltaChannel } from '../src/main/chat/DeltaChannel';
import { FrameClock } from '../src/main/chat/FrameClock';
import { realSetTimer } from '../src/shared/sleep';

const PAGE = `<!doctype html><meta charset="utf-8"><title>floor</title>
<div id="out" style="display: flex; gap: 16px; font: 15px/1.6 sans-serif; white-space: pre-wrap"></div>
<script>
  const w = window;
  w.__ttp = [];
  w.__transit = [];
  // A column per stream, side by side, of paragraphs of 50 words (an answer's blocks: growing
  // text in one paragraph would be laid out whole again every frame, which no answer is).
  const columns = [];
  const columnOf = (stream) => {
    while (columns.length <= stream) {
      const el = document.getElementById('out').appendChild(document.createElement('div'));
      el.style.flex = '1';
      columns.push({ el, text: null, words: 0 });
    }
    return columns[stream];
  };
  const append = (stream, word) => {
    const column = columnOf(stream);
    if (column.text === null || column.words === 50) {
      column.text = column.el.appendChild(document.createElement('p')).appendChild(document.createTextNode(''));
      column.words = 0;
    }
    column.text.appendData(' ' + word);
    column.words++;
  };
  // The last two paragraphs: a frame's words can straddle a paragraph's end.
  const tailOf = (stream) => {
    const last = columnOf(stream).el.lastChild;
    return (last?.previousSibling?.textContent ?? '') + (last?.textContent ?? '');
  };
  // A frame loop of its own, as bench:ui's recorder keeps one. Every 500 ms it tells Node when
  // a frame began and the median spacing of the last five, as the app's window tells main.
  const stamps = [];
  let reported = 0;
  const tick = (stamp) => {
    stamps.push(stamp);
    if (stamps.length > 6) stamps.shift();
    if (stamps.length === 6 && stamp - reported >= 500 && w.__socket?.readyState === 1) {
      reported = stamp;
      const gaps = stamps.slice(1).map((s, i) => s - stamps[i]).sort((a, b) => a - b);
      w.__socket.send(JSON.stringify({ at: performance.timeOrigin + stamp, interval: gaps[2] }));
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  let queued = [];
  let waiting = [];
  let applying = false;
  let checking = false;
  const apply = () => {
    applying = false;
    for (const t of queued) append(t.stream, t.word);
    queued = [];
  };
  const check = () => {
    checking = false;
    const now = performance.timeOrigin + performance.now();
    const still = [];
    for (const t of waiting) {
      if (tailOf(t.stream).includes(t.word + ' ') || tailOf(t.stream).endsWith(t.word)) w.__ttp.push(now - t.at);
      else still.push(t);
    }
    waiting = still;
    if (waiting.length > 0 && !checking) { checking = true; requestAnimationFrame(check); }
  };
  const socket = new WebSocket('ws://' + location.host + '/floor');
  w.__socket = socket;
  socket.onmessage = (m) => {
    const arrived = performance.timeOrigin + performance.now();
    for (const t of JSON.parse(m.data)) {
      w.__transit.push(arrived - t.at);
      queued.push(t);
      waiting.push(t);
    }
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

/**
 * `tokens` tokens at `rate` a second into a bare page, in each of `streams` streams side by side
 * (their tokens interleaved); the delays of each.
 */
export async function screenFloor(
  browser: Browser,
  tokens: number,
  rate: number,
  streams = 1,
): Promise<Floor> {
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
    // Tokens leave in lists as main sends them: through main's own DeltaChannel, in step with
    // the frames the page reports.
    const frames = new FrameClock(() => performance.timeOrigin + performance.now());
    socket.on('message', (data) => {
      const { at, interval } = JSON.parse(String(data)) as { at: number; interval: number };
      frames.report(at, interval);
    });
    const channel = new DeltaChannel(
      (deltas) =>
        socket.send(
          JSON.stringify(
            deltas.map((d) => ({ stream: Number(d.messageId), word: d.content, at: d.receivedAt })),
          ),
        ),
      () => performance.now(),
      realSetTimer,
      frames,
    );
    const start = performance.now();
    for (let i = 0; i < tokens * streams; i++) {
      const wait = start + (i * 1000) / (rate * streams) - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const n = Math.floor(i / streams);
      channel.push({
        conversationId: 'floor',
        messageId: String(i % streams),
        seq: n + 1,
        content: `word${n}`,
        reasoning: '',
        receivedAt: performance.timeOrigin + performance.now(),
      });
    }
    channel.flush();
    await page.waitForTimeout(500);
    return await page.evaluate<Floor>('({ ttp: window.__ttp, transit: window.__transit })');
  } finally {
    await page.close();
    wss.close();
    server.close();
  }
}
