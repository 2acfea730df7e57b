import { readFileSync } from 'node:fs';
import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

const FLOWCHART = [
  'Here is the flow:\n\n',
  '```mermaid\n',
  'flowchart TD\n',
  '  Start[Bắt đầu] --> Check{Có khóa?}\n',
  '  Check -->|có| Send[Gửi]\n',
  '  Check -->|không| Ask[Hỏi khóa]\n',
  '```\n',
  '\nDone.',
];

test('a streamed mermaid block becomes a diagram, with its source, copy and save actions', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(FLOWCHART, { delayMs: 60 }));
  await sendMessage(app, 'Draw the flow');
  const answer = lastAssistant(app);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  const image = answer.getByRole('img', { name: 'Diagram' });
  await expect(image).toBeVisible();
  // Drawn (an image of an SVG that decoded), never the raw fence in its place.
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const src = (await image.getAttribute('src')) ?? '';
  expect(src.startsWith('data:image/svg+xml')).toBe(true);
  const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
  expect(svg).toContain('<svg');
  // Labels are SVG text (a word per tspan), not HTML.
  for (const word of ['Bắt', 'đầu', 'khóa?', 'Gửi']) expect(svg).toContain(word);
  expect(svg).not.toMatch(/<script|javascript:|<foreignObject/i);
  await expect(answer.getByText('flowchart TD')).toHaveCount(0);

  await answer.getByRole('button', { name: 'Show diagram source' }).click();
  await expect(answer.getByText('flowchart TD', { exact: false })).toBeVisible();
  await answer.getByRole('button', { name: 'Show diagram' }).click();
  await expect(image).toBeVisible();

  const [svgDownload] = await Promise.all([
    app.waitForEvent('download'),
    answer.getByRole('button', { name: 'Save diagram as SVG' }).click(),
  ]);
  expect(svgDownload.suggestedFilename()).toBe('diagram.svg');
  expect(readFileSync((await svgDownload.path()) ?? '', 'utf8')).toContain('Gửi');

  const [pngDownload] = await Promise.all([
    app.waitForEvent('download'),
    answer.getByRole('button', { name: 'Save diagram as PNG' }).click(),
  ]);
  expect(pngDownload.suggestedFilename()).toBe('diagram.png');
  const png = readFileSync((await pngDownload.path()) ?? '');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
});

test('a broken diagram shows the error and its source', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['```mermaid\n', 'flowchart TD\n', '  A -->\n', '```\n']));
  await sendMessage(app, 'Draw something broken');
  const answer = lastAssistant(app);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.getByRole('alert')).toContainText('This diagram could not be drawn:');
  await expect(answer.getByText(/^flowchart TD\s+A -->$/)).toBeVisible();
  await expect(answer.getByRole('img', { name: 'Diagram' })).toHaveCount(0);
});
