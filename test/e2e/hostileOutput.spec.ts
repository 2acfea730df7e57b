import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { tokensScript } from '../fixtures/fake-relay';
import { HARNESS_OPEN_PATH_FILE } from '../harness/openDialogHook';
import { expect, lastAssistant, messages, sendMessage, setUpProfile, test } from './fixtures';

const PLAIN_NOTE = 'Shown as plain text: this part is too large or too deeply nested to format.';

/** `text` in pieces of `size` characters, as a relay would stream it. */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function nestedList(levels: number): string {
  let text = '';
  for (let i = 0; i < levels; i++) text += `${'  '.repeat(i)}- item ${i}\n`;
  return text;
}

test('hostile Markdown streams in as plain text and the app stays usable', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);

  // 2,500 quote markers: this blanked the whole window with a stack overflow.
  relay.enqueue(tokensScript(pieces('>'.repeat(2500), 100), { delayMs: 5 }));
  await sendMessage(app, 'Quote storm');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(app).getByRole('note')).toHaveText(PLAIN_NOTE);

  // A 700-level nested list (490 KB): this froze the window for half a minute.
  const list = nestedList(700);
  relay.enqueue(tokensScript(pieces(list, 7_000), { delayMs: 5 }));
  await sendMessage(app, 'Nested list');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(app).getByRole('note')).toHaveText(PLAIN_NOTE);
  // Long enough to be collapsed; shown whole, it is still plain text.
  await lastAssistant(app).getByRole('button', { name: 'Show all' }).click();
  await expect(lastAssistant(app)).toContainText('- item 699');
  await expect(lastAssistant(app).getByRole('note')).toHaveText(PLAIN_NOTE);

  // The composer still works and the next answer is formatted as usual.
  relay.enqueue(
    tokensScript(['After ', '**all** ', 'that, ', 'a ', '[link](https://example.com).']),
  );
  await sendMessage(app, 'Still there?');
  const answer = lastAssistant(app);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.getByRole('strong')).toHaveText('all');
  await expect(answer.getByRole('link', { name: 'link' })).toBeVisible();
  await expect(messages(app)).toHaveCount(6);

  // Opening the conversation again (from disk) shows the same instead of a blank window.
  await app.reload();
  await app.getByTestId('conversation').first().getByRole('button').first().click();
  await expect(lastAssistant(app).getByRole('strong')).toHaveText('all');
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeEditable();

  // Another conversation opens and answers, and the way back shows the hostile one again.
  await app.getByRole('button', { name: 'New chat' }).click();
  relay.enqueue(tokensScript(['A ', 'fresh ', '*start*.']));
  await sendMessage(app, 'Fresh start');
  await expect(lastAssistant(app).getByRole('emphasis')).toHaveText('start');
  await app.getByRole('button', { name: 'Quote storm', exact: true }).click();
  await expect(messages(app).first()).toContainText('Quote storm');
  await expect(messages(app).getByRole('note').first()).toHaveText(PLAIN_NOTE);
  await app.getByRole('button', { name: 'Fresh start', exact: true }).click();
  await expect(lastAssistant(app)).toContainText('A fresh start.');
});

test('a formula or code nested thousands of levels deep is shown as written', async ({
  app,
  relay,
}) => {
  // Thousands of pieces through a busy machine: the waits below allow for it.
  test.setTimeout(180_000);
  await setUpProfile(app, relay);

  // 1,000 nested roots: KaTeX's layout of this took over half a minute.
  const tex = `${'\\sqrt{'.repeat(1000)}x${'}'.repeat(1000)}`;
  relay.enqueue(tokensScript(pieces(`$$\n${tex}\n$$\n`, 1_000), { delayMs: 5 }));
  await sendMessage(app, 'Deep formula');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });
  // The formula alone is shown as written, its title saying why; on a machine so busy that
  // parsing the block went over its time budget, the whole block is, under the same note.
  const answer = lastAssistant(app);
  await expect(
    answer.getByTitle(PLAIN_NOTE).or(answer.getByRole('note').filter({ hasText: PLAIN_NOTE })),
  ).toBeVisible();
  await expect(answer).toContainText(tex);
  await expect(answer.locator('.katex')).toHaveCount(0);

  // A template string nested 5,000 levels: highlighting it overflowed the stack.
  const code = `${'`${'.repeat(5000)}x${'}`'.repeat(5000)}`;
  relay.enqueue(tokensScript(pieces(`\`\`\`js\n${code}\n\`\`\`\n`, 5_000), { delayMs: 5 }));
  await sendMessage(app, 'Deep code');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });
  // Long enough to be collapsed: shown whole, all of it is there as written.
  await lastAssistant(app).getByRole('button', { name: 'Show all' }).click();
  await expect(lastAssistant(app).getByRole('button', { name: 'Show less' })).toBeVisible();
  const shown = await lastAssistant(app).getByRole('code').textContent();
  expect(shown?.length).toBe(code.length);
  expect(shown === code, 'the code block shows the code as written').toBe(true);

  relay.enqueue(tokensScript(['Then $x^2$ and ', '**bold**.']));
  await sendMessage(app, 'And now?');
  await expect(lastAssistant(app).getByRole('strong')).toHaveText('bold');
  await expect(messages(app)).toHaveCount(6);
});

test('a conversation with hostile output brought in by an import opens as plain text', async ({
  app,
  relay,
  harness,
}) => {
  await setUpProfile(app, relay);
  const message = (id: string, role: string, content: string, at: number) => ({
    id,
    role,
    content,
    createdAt: at,
    updatedAt: at,
  });
  const list = nestedList(700);
  const file = join(harness.dataDir, '..', `hostile-import-${Date.now()}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      format: 'fleece-history',
      version: 1,
      exportedAt: 1,
      conversations: [
        {
          id: 'hostile-import',
          title: 'Hostile import',
          createdAt: 1_700_000_000_000,
          updatedAt: 1_700_000_000_000,
          messages: [
            message('hi-1', 'user', 'Quotes', 1),
            message('hi-2', 'assistant', '>'.repeat(2500), 2),
            message('hi-3', 'user', 'List', 3),
            message('hi-4', 'assistant', list, 4),
          ],
        },
      ],
    }),
  );
  writeFileSync(join(harness.dataDir, HARNESS_OPEN_PATH_FILE), file);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('button', { name: 'Import conversations (JSON)' }).click();
  const preview = app.getByRole('group', { name: 'Found in this Fleece export file' });
  await expect(preview).toContainText('1 conversations, 4 messages');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();

  await app.getByRole('button', { name: 'Hostile import', exact: true }).click();
  await expect(messages(app)).toHaveCount(4);
  const answers = app.locator('[data-testid="message"][data-role="assistant"]');
  await expect(answers.nth(0).getByRole('note')).toHaveText(PLAIN_NOTE);
  await expect(answers.nth(1).getByRole('note')).toHaveText(PLAIN_NOTE);
  await expect(answers.nth(0)).toContainText('>>>>>>>>');

  // The window is still usable: the imported conversation continues.
  relay.enqueue(tokensScript(['Still ', '**here**.']));
  await sendMessage(app, 'Are you there?');
  await expect(lastAssistant(app).getByRole('strong')).toHaveText('here');
  await expect(messages(app)).toHaveCount(6);
});

async function openedLinks(page: Page, harnessUrl: string): Promise<string[]> {
  const res = await page.request.get(new URL('/__fleece/opened-links', harnessUrl).href);
  expect(res.ok()).toBe(true);
  return (await res.json()) as string[];
}

test('a link that shows another address, or leads into this computer, asks before it opens', async ({
  app,
  relay,
  harness,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(
    tokensScript([
      'Log in at [https://bank.example.com/](https://bank.example.net/login), ',
      'see [the router](http://192.168.1.1/admin) ',
      'or [the docs](https://docs.example.com/guide).',
    ]),
  );
  await sendMessage(app, 'Links please');
  const answer = lastAssistant(app);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  const dialog = app.getByRole('alertdialog', { name: 'Open this link?' });

  // An ordinary link opens at once.
  await answer.getByRole('link', { name: 'the docs' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => openedLinks(app, harness.url))
    .toEqual(['https://docs.example.com/guide']);

  // Text showing one address, link to another: the real one is shown; Cancel opens nothing.
  await answer.getByRole('link', { name: 'https://bank.example.com/' }).click();
  await expect(dialog).toContainText('The link text shows a different address');
  await expect(dialog.getByTestId('link-confirm-url')).toHaveText('https://bank.example.net/login');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // A local-network link asks too, and opens once confirmed.
  await answer.getByRole('link', { name: 'the router' }).click();
  await expect(dialog).toContainText('local network');
  await expect(dialog.getByTestId('link-confirm-url')).toHaveText('http://192.168.1.1/admin');
  await dialog.getByRole('button', { name: 'Open link' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => openedLinks(app, harness.url))
    .toEqual(['https://docs.example.com/guide', 'http://192.168.1.1/admin']);
  // The composer has the window back.
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeEditable();
});

test('a 1 MB single-line answer is collapsed behind Show all', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  const line = 'Lorem-ipsum-dolor-sit-amet;'.repeat(40_000);
  relay.enqueue(tokensScript(pieces(line, 20_000), { delayMs: 5 }));
  await sendMessage(app, 'One long line');
  const answer = lastAssistant(app);
  await expect(answer).toHaveAttribute('data-status', 'complete');
  const showAll = answer.getByRole('button', { name: 'Show all' });
  await expect(showAll).toBeVisible();
  // Collapsed, the answer is a few screens tall at most, not a quarter of a million pixels.
  const box = await answer.boundingBox();
  expect(box?.height ?? Infinity).toBeLessThan(3_000);

  await showAll.click();
  await expect(answer.getByRole('button', { name: 'Show less' })).toBeVisible();
  await answer.getByRole('button', { name: 'Show less' }).click();
  await expect(answer.getByRole('button', { name: 'Show all' })).toBeVisible();

  relay.enqueue(tokensScript(['Short ', 'answer.']));
  await sendMessage(app, 'And now?');
  await expect(lastAssistant(app)).toContainText('Short answer.');
});
