/**
 * A conversation of 50 questions carrying 100 screenshot-like images (1440×900 PNG, each its own
 * file) and 50 answers: what attaching costs per image, what opening the conversation costs
 * (its messages with their attachment references, then the first screenful of thumbnails, cold
 * and from memory), building the request of the last question (images read, downscaled to
 * 2048 px when larger, base64) and the disk the files and the history take.
 * Run: npm run bench:attachments
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { HistoryStore } from '../src/main/history/HistoryStore';
import { AttachmentFiles } from '../src/main/attachments/AttachmentFiles';
import { AttachmentService } from '../src/main/attachments/AttachmentService';
import { assemblePrompt } from '../src/main/chat/promptAssembly';

const IMAGES = 100;
const PER_QUESTION = 2;
const OPENS = 30;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A screenshot-like picture: flat panels, lines of "text" and some noise, so PNG compresses as real ones do. */
async function screenshot(i: number): Promise<Buffer> {
  const w = 1440;
  const h = 900;
  const rows = Array.from({ length: 40 }, (_, r) => {
    const width = 300 + ((i * 37 + r * 53) % 900);
    return `<rect x="40" y="${20 + r * 21}" width="${width}" height="9" fill="#${((i * 97 + r * 31) % 200).toString(16).padStart(2, '0')}4060"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#f4f4f6"/><rect width="260" height="${h}" fill="#e2e4ea"/>${rows}</svg>`;
  const noise = await sharp({
    create: {
      width: w,
      height: h,
      channels: 3,
      background: { r: 128, g: 128, b: 128 },
      noise: { type: 'gaussian', mean: 128, sigma: 6 },
    },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .png()
    .toBuffer();
}

const dir = mkdtempSync(join(tmpdir(), 'fleece-attachments-bench-'));
try {
  const { store } = await HistoryStore.open({ dataDir: dir });
  const files = new AttachmentFiles(store.attachmentsDir);
  const service = new AttachmentService({ history: store, files, maxImageSide: () => 2048 });
  const conversation = store.createConversation({ title: 'Screenshots' });

  const addTimes: number[] = [];
  let originalBytes = 0;
  for (let q = 0; q < IMAGES / PER_QUESTION; q++) {
    const refs = [];
    for (let k = 0; k < PER_QUESTION; k++) {
      const bytes = await screenshot(q * PER_QUESTION + k);
      originalBytes += bytes.byteLength;
      const t = performance.now();
      refs.push(await service.add(`Screenshot ${q}-${k}.png`, bytes));
      addTimes.push(performance.now() - t);
    }
    store.appendMessage({
      conversationId: conversation.id,
      role: 'user',
      content: `What is on screen ${q}?`,
      attachments: service.check(refs),
    });
    store.appendMessage({
      conversationId: conversation.id,
      role: 'assistant',
      content: `Screen ${q} shows a list.`,
    });
  }
  addTimes.sort((a, b) => a - b);

  const opens: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const t = performance.now();
    const page = store.listMessages(conversation.id);
    opens.push(performance.now() - t);
    if (page.messages.length !== IMAGES) throw new Error(`read ${page.messages.length} messages`);
  }
  opens.sort((a, b) => a - b);

  const page = store.listMessages(conversation.id);
  const screenful = page.messages.slice(-10).flatMap((m) => m.attachments);
  let t = performance.now();
  let thumbBytes = 0;
  await Promise.all(
    screenful.map(async (a) => {
      thumbBytes += (await service.read(a.hash, 'thumb')).data.byteLength;
    }),
  );
  const coldThumbs = performance.now() - t;
  t = performance.now();
  await Promise.all(screenful.map((a) => service.read(a.hash, 'thumb')));
  const warmThumbs = performance.now() - t;

  const all = store.allMessages(conversation.id);
  t = performance.now();
  const prompt = await service.expandPrompt(assemblePrompt(conversation, all));
  const expand = performance.now() - t;
  const requestBytes = Buffer.byteLength(JSON.stringify(prompt.messages));

  const usage = files.usage();
  const dbBytes = ['', '-wal'].reduce((sum, s) => {
    try {
      return sum + statSync(store.path + s).size;
    } catch {
      return sum;
    }
  }, 0);
  store.close();

  console.log(
    `attachments bench: ${IMAGES} images (1440×900 PNG) in ${IMAGES / PER_QUESTION} questions + answers`,
  );
  console.log(
    `attach one image (hash, full decode, store): p50 ${ms(pct(addTimes, 50))}, p95 ${ms(pct(addTimes, 95))}`,
  );
  console.log(
    `open the conversation (${IMAGES} messages with references): p50 ${ms(pct(opens, 50))}, p95 ${ms(pct(opens, 95))}`,
  );
  console.log(
    `first screenful of thumbnails (${screenful.length}): cold ${ms(coldThumbs)}, from memory ${ms(warmThumbs)}; ${(thumbBytes / 1024).toFixed(0)} kB to the window`,
  );
  console.log(
    `request with every image of the conversation (${prompt.images} images): built in ${ms(expand)}, ${mb(requestBytes)} of JSON`,
  );
  console.log(
    `disk: ${usage.files} files, ${mb(usage.bytes)} (originals ${mb(originalBytes)}); history file ${mb(dbBytes)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
