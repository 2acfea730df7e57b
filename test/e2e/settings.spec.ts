import { tokensScript } from '../fixtures/fake-relay';
import { startHarnessProcess } from './harnessProcess';
import {
  chatRequests,
  chooseModel,
  expect,
  lastAssistant,
  sendMessage,
  setUpProfile,
  test,
} from './fixtures';

test('Test connection shows the probe findings and time to first token', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Hi', ' there', '!'], { delayMs: 30 }));
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('button', { name: 'Test connection' }).click();
  const result = app.getByTestId('probe-result');
  await expect(result).toContainText(/Time to first token: \d+/);
  await expect(result.locator('li[data-status="ok"]').first()).toBeVisible();
  await expect(result.locator('li')).not.toHaveCount(0);
});

test('the theme switch applies dark and light', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'General' }).click();
  await app.getByLabel('Theme').selectOption('dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.getByLabel('Theme').selectOption('light');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('offline: browsing and search keep working and a banner says why sending fails', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Saved ', 'before ', 'going ', 'offline.']));
  await sendMessage(app, 'Kept offline');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await relay.close();

  await app.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(app, 'Are you there?');
  await expect(app.getByTestId('offline-banner')).toBeVisible();
  await expect(app.getByTestId('offline-banner')).toContainText('sending is unavailable');
  await expect(lastAssistant(app).getByTestId('error-card')).toHaveAttribute(
    'data-kind',
    'network',
  );

  await app.getByRole('button', { name: 'Kept offline', exact: true }).click();
  await expect(lastAssistant(app)).toContainText('Saved before going offline.');
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('offline');
  await expect(app.getByTestId('search-result').first()).toContainText('offline');
});

test('first run offers the key from the environment and imports it only on request', async ({
  page,
  relay,
}) => {
  const harness = await startHarnessProcess({
    secrets: 'keychain',
    env: { OPENAI_API_KEY: 'hsa-e2e-0123456789abcdef3f9a', OPENAI_BASE_URL: relay.baseUrl },
  });
  try {
    await page.goto(harness.url);
    const offer = page.getByRole('region', { name: 'Key found in the environment' });
    await expect(offer).toContainText('hsa-…3f9a');
    await expect(page.getByLabel('Provider')).toBeVisible();
    await offer.getByRole('button', { name: 'Import from environment' }).click();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    relay.enqueue(tokensScript(['Imported ', 'profile ', 'works.']));
    await chooseModel(page, 'deepseek-chat');
    await sendMessage(page, 'hello');
    await expect(lastAssistant(page)).toContainText('Imported profile works.');
  } finally {
    await harness.stop();
  }
});

test('a profile’s default system prompt and temperature apply to new conversations', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByText('Defaults, fallbacks and timeouts').click();
  await app
    .getByLabel('Default system prompt for new conversations')
    .fill('Trả lời bằng tiếng Việt.');
  await app.getByLabel(/Default temperature/).fill('0.3');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await app.getByRole('button', { name: 'New chat' }).click();
  relay.enqueue(tokensScript(['Vâng.']));
  await sendMessage(app, 'Hello');
  await expect(lastAssistant(app)).toContainText('Vâng.');
  const request = chatRequests(relay).at(-1);
  expect(request?.body).toMatchObject({
    temperature: 0.3,
    messages: [
      { role: 'system', content: 'Trả lời bằng tiếng Việt.' },
      { role: 'user', content: 'Hello' },
    ],
  });
});
