import { tokensScript } from '../fixtures/fake-relay';
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
