import type { Page } from '@playwright/test';
import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test as base } from './fixtures';

// The page's uncaught errors fail a test here. Not its console errors, as the `app` fixture's do:
// these tests refuse requests on purpose, and Chromium logs each refused file as an error.
const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

// The conversation view's code (a chunk of its own, fetched after start-up).
const CONVERSATION_CHUNK = /\/assets\/MessageList-[\w-]+\.js$/;

test('a chunk that does not load is said, and a reload brings it with the unsent text kept', async ({
  page,
  harness,
  relay,
}) => {
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
});

/** Opens a screen (its sidebar button) with its chunk refused: the screen's error and the notice. */
async function openRefused(page: Page, chunk: RegExp, button: string): Promise<void> {
  await page.route(chunk, (route) => route.abort('failed'));
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('This screen could not be displayed.');
  await expect(page.getByTestId('chunk-banner')).toBeVisible();
  await page.unroute(chunk);
}

test('a screen whose code did not arrive is fetched again by its Try again, or when shown again', async ({
  page,
  harness,
  relay,
}) => {
  await page.goto(harness.url);
  await setUpProfile(page, relay);
  await openRefused(page, /\/assets\/SettingsView-[\w-]+\.js$/, 'Settings');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Profiles/ })).toBeVisible();
  // Nothing is missing any more: the notice has gone by itself.
  await expect(page.getByTestId('chunk-banner')).toHaveCount(0);

  // Leaving for another screen and coming back fetches it again too.
  await openRefused(page, /\/assets\/UsageView-[\w-]+\.js$/, 'Usage');
  await page.getByRole('button', { name: 'New chat' }).click();
  await page.getByRole('button', { name: 'Usage', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Usage and cost' })).toBeVisible();
  await expect(page.getByTestId('chunk-banner')).toHaveCount(0);
});

test('a conversation whose view did not arrive says so in its place, and Try again shows it', async ({
  page,
  harness,
  relay,
}) => {
  await page.route(CONVERSATION_CHUNK, (route) => route.abort('failed'));
  await page.goto(harness.url);
  await setUpProfile(page, relay);
  await expect(page.getByTestId('chunk-banner')).toBeVisible();

  // The question is sent and answered while the view that shows it is missing.
  relay.enqueue(tokensScript(['Kept ', 'safe.']));
  await sendMessage(page, 'Where does my answer go?');
  await expect(page.getByRole('alert')).toContainText('This conversation could not be shown');

  await page.unroute(CONVERSATION_CHUNK);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(lastAssistant(page)).toContainText('Kept safe.');
  await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('chunk-banner')).toHaveCount(0);
});

test('a language whose catalog did not arrive says so in that language, and comes when the window is focused', async ({
  browser,
  harness,
  relay,
}) => {
  // Both languages' catalogs have this name; a Vietnamese window asks for the Vietnamese one.
  const catalog = /\/assets\/catalog-[\w-]+\.js$/;
  const context = await browser.newContext({ locale: 'vi' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.route(catalog, (route) => route.abort('failed'));
    await page.goto(harness.url);
    const banner = page.getByTestId('chunk-banner');
    await expect(banner).toContainText('Một phần của Fleece không tải được.');
    await expect(banner.getByRole('button', { name: 'Tải lại' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Thông báo' })).toBeVisible();
    // The rest of the window is in English meanwhile, and works.
    await setUpProfile(page, relay);
    await expect(page.getByRole('button', { name: 'New chat' })).toBeVisible();

    await page.unroute(catalog);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(page.getByRole('button', { name: 'Trò chuyện mới' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(page.getByTestId('chunk-banner')).toHaveCount(0);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  } finally {
    await context.close();
  }
});
