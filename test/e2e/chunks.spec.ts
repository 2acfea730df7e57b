import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

// The conversation view's code (a chunk of its own, fetched after start-up).
const CONVERSATION_CHUNK = /\/assets\/MessageList-[\w-]+\.js$/;

test('a chunk that does not load is said, and a reload brings it with the unsent text kept', async ({
  page,
  harness,
  relay,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let refused = 0;
  await page.route(CONVERSATION_CHUNK, (route) => {
    refused += 1;
    return route.abort('failed');
  });
  await page.goto(harness.url);
  await setUpProfile(page, relay);
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Half a question, not sent yet: xin chào, 你好');

  // The view's code is asked for once the window is idle; its failure is a notice with a reload.
  const banner = page.getByTestId('chunk-banner');
  await expect(banner).toContainText('Part of Fleece did not load.');
  expect(refused).toBeGreaterThan(0);

  await page.unroute(CONVERSATION_CHUNK);
  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('navigation', { name: /./ })).toBeVisible();
  await expect(composer).toHaveValue('Half a question, not sent yet: xin chào, 你好');
  await expect(page.getByTestId('chunk-banner')).toHaveCount(0);

  // The view works after the reload: the question is sent and answered.
  relay.enqueue(tokensScript(['Loaded ', 'now.']));
  await sendMessage(page, 'Does it load now?');
  await expect(lastAssistant(page)).toContainText('Loaded now.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  expect(errors).toEqual([]);
});
