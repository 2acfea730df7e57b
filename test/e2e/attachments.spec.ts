import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tokensScript } from '../fixtures/fake-relay';
import { pdfWithText, png } from '../fixtures/attachments/files';
import { HARNESS_OPEN_PATH_FILE } from '../harness/openDialogHook';
import { startHarnessProcess } from './harnessProcess';
import { chatRequests, expect, lastAssistant, setUpProfile, test } from './fixtures';

interface FileSpec {
  name: string;
  type: string;
  base64: string;
}

/** Pastes files into the composer as a screenshot tool or a file manager puts them on the clipboard. */
async function paste(page: Page, files: FileSpec[]): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).evaluate((box, specs) => {
    const data = new DataTransfer();
    for (const f of specs) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], f.name, { type: f.type }));
    }
    box.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, files);
}

/** Drops files onto the conversation, as dragged from a file manager. */
async function drop(page: Page, files: FileSpec[]): Promise<void> {
  const data = await page.evaluateHandle((specs) => {
    const dt = new DataTransfer();
    for (const f of specs) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, files);
  const chat = page.getByRole('region', { name: 'Conversation' });
  await chat.dispatchEvent('dragover', { dataTransfer: data });
  await chat.dispatchEvent('drop', { dataTransfer: data });
}

test('a pasted screenshot, a dropped log and a PDF are sent as content parts, kept across a restart, searchable, exported and imported', async ({
  app,
  relay,
  harness,
}) => {
  // A chat, a restart of the harness, an export and a second harness to import into: 27 s on an
  // idle machine, over a minute on a busy one.
  test.setTimeout(180_000);
  await setUpProfile(app, relay, 'gpt-4o');
  const shot = await png(64, 40, { r: 250, g: 10, b: 10 });
  const log = '2026-12-01 10:00:01 ERROR upstream timed out\n2026-12-01 10:00:02 retrying\n';
  const pdf = pdfWithText(['Deployment guide', 'Rotate the flamingo certificate yearly']);

  await paste(app, [{ name: 'image.png', type: 'image/png', base64: shot.toString('base64') }]);
  await drop(app, [
    { name: 'server.log', type: 'text/plain', base64: Buffer.from(log).toString('base64') },
    { name: 'guide.pdf', type: 'application/pdf', base64: pdf.toString('base64') },
  ]);
  const chips = app.getByRole('list', { name: 'Attached files' }).getByTestId('attachment-chip');
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(0)).toContainText(/Screenshot .*\.png/);
  await expect(chips.nth(0)).toContainText('64×40');
  await expect(chips.nth(1)).toContainText('server.log');
  await expect(chips.nth(2)).toContainText('guide.pdf');
  const screenshotName = (await chips.nth(0).locator('.attachment-name').innerText()).trim();

  relay.enqueue(tokensScript(['The ', 'upstream ', 'timed ', 'out.']));
  await app.getByRole('textbox', { name: 'Message' }).fill('Why does it fail?');
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(chips).toHaveCount(0);

  const request = chatRequests(relay)[0];
  const body = request?.body as { messages: unknown[]; model: string };
  expect(body.model).toBe('gpt-4o');
  expect(body.messages).toEqual([
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Why does it fail?' },
        {
          type: 'image_url',
          image_url: { url: `data:image/png;base64,${shot.toString('base64')}` },
        },
        { type: 'text', text: `<file name="server.log">\n${log}\n</file>` },
        {
          type: 'text',
          text: '<file name="guide.pdf">\nDeployment guide\nRotate the flamingo certificate yearly\n</file>',
        },
      ],
    },
  ]);

  // After a restart the question still shows its files, read back from the data folder.
  await harness.restart();
  await app.goto(harness.url);
  await app.getByRole('button', { name: 'Why does it fail?', exact: true }).click();
  const question = app.locator('[data-testid="message"][data-role="user"]');
  await expect(question.getByRole('img', { name: screenshotName })).toBeVisible();
  await expect(question.getByTestId('attachment-chip')).toHaveCount(2);
  await question.getByRole('button', { name: `View ${screenshotName}` }).click();
  const viewer = app.getByRole('dialog', { name: screenshotName });
  await expect(viewer.getByRole('img', { name: screenshotName })).toBeVisible();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer.getByText('150%')).toBeVisible();
  await app.keyboard.press('Escape');

  // A word only the PDF holds finds the question.
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('flamingo');
  const result = app.getByTestId('search-result').first();
  await expect(result).toContainText('flamingo certificate');
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('');

  // Export, then import into another data folder: the files come back with the messages.
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('button', { name: 'Export all conversations (JSON)' }).click();
  await expect(app.getByText(/Saved 1 conversations/)).toBeVisible();
  const exports = join(harness.dataDir, 'exports');
  const file = join(exports, readdirSync(exports)[0] ?? '');
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { attachments: { data: string }[] };
  expect(exported.attachments).toHaveLength(3);

  const other = await startHarnessProcess({ secrets: 'memory' });
  try {
    await app.goto(other.url);
    await setUpProfile(app, relay, 'gpt-4o');
    writeFileSync(join(other.dataDir, HARNESS_OPEN_PATH_FILE), file);
    await app.getByRole('button', { name: 'Settings', exact: true }).click();
    await app.getByRole('tab', { name: 'Data' }).click();
    await app.getByRole('button', { name: 'Import conversations (JSON)' }).click();
    const preview = app.getByRole('group', { name: 'Found in this Fleece export file' });
    await expect(preview).toContainText('1 conversations, 2 messages');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(app.getByText(/Imported 1 new conversations/)).toBeVisible();
    await app.getByRole('button', { name: 'Why does it fail?', exact: true }).click();
    const imported = app.locator('[data-testid="message"][data-role="user"]');
    await expect(imported.getByRole('img', { name: screenshotName })).toBeVisible();
    await expect(imported.getByTestId('attachment-chip')).toHaveCount(2);
    await app.getByRole('searchbox', { name: 'Search conversations' }).fill('flamingo');
    await expect(app.getByTestId('search-result').first()).toContainText('flamingo');
  } finally {
    await other.stop();
  }
});

test('bad files get a clear message and the typed text stays', async ({ app, relay }) => {
  await setUpProfile(app, relay, 'gpt-4o');
  const box = app.getByRole('textbox', { name: 'Message' });
  const toast = app.getByTestId('toast');
  await box.fill('Keep this text');
  const whole = await png(50, 50);
  await paste(app, [
    {
      name: 'cut.png',
      type: 'image/png',
      base64: whole.subarray(0, whole.length - 30).toString('base64'),
    },
  ]);
  await expect(
    toast.getByText('“cut.png” is damaged or incomplete: the image could not be decoded.'),
  ).toBeVisible();
  await drop(app, [
    { name: 'photo.png', type: 'image/png', base64: Buffer.from('not a png').toString('base64') },
  ]);
  await expect(
    toast.getByText('“photo.png” is named like an image but its content is not one.'),
  ).toBeVisible();
  await drop(app, [{ name: 'empty.log', type: 'text/plain', base64: '' }]);
  await expect(toast.getByText('“empty.log” is empty: there is nothing to attach.')).toBeVisible();
  // 10,000 files at once: the first ten are taken and the rest refused by count.
  await app.getByRole('textbox', { name: 'Message' }).evaluate((el) => {
    const data = new DataTransfer();
    for (let i = 0; i < 10_000; i++)
      data.items.add(new File([`line ${i}\n`], `f${i}.txt`, { type: 'text/plain' }));
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await expect(
    toast.getByText(
      'A message can carry 10 files; 10000 were given, so only the first ones were added.',
    ),
  ).toBeVisible();
  await expect(
    app.getByRole('list', { name: 'Attached files' }).getByTestId('attachment-chip'),
  ).toHaveCount(10);
  await expect(box).toHaveValue('Keep this text');
});
