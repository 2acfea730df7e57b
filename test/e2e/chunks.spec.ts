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

test('a screen whose code did not arrive is fetched again by its Try again, or when shown again', async ({
  page,
  harness,
  relay,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const settingsChunk = /\/assets\/SettingsView-[\w-]+\.js$/;
  await page.goto(harness.url);
  await setUpProfile(page, relay);
  await page.route(settingsChunk, (route) => route.abort('failed'));
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This screen could not be displayed.');
  await expect(page.getByTestId('chunk-banner')).toBeVisible();

  await page.unroute(settingsChunk);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Profiles/ })).toBeVisible();
  // Nothing is missing any more: the notice has gone by itself.
  await expect(page.getByTestId('chunk-banner')).toHaveCount(0);

  // Leaving for another screen and coming back fetches it again too.
  const usageChunk = /\/assets\/UsageView-[\w-]+\.js$/;
  await page.route(usageChunk, (route) => route.abort('failed'));
  await page.getByRole('button', { name: 'Usage', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This screen could not be displayed.');
  await expect(page.getByTestId('chunk-banner')).toBeVisible();
  await page.unroute(usageChunk);
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('button', { name: 'Usage', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Usage and cost' })).toBeVisible();
  await expect(page.getByTestId('chunk-banner')).toHaveCount(0);
  expect(errors).toEqual([]);
});
