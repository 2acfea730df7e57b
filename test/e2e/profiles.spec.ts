import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeRelay, textToTokens, tokensScript } from '../fixtures/fake-relay';
import { startNginx } from '../fixtures/nginx';
import { startHarnessProcess } from './harnessProcess';
import { expect, lastAssistant, sendMessage, setUpProfile, test, TEST_KEY } from './fixtures';

const SECOND_KEY = 'hsa-second-0123456789abcdef7b7b';

test('adding a second profile leaves the first intact: base URL and key', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  const second = await startFakeRelay({ apiKey: SECOND_KEY });
  try {
    await app.getByRole('button', { name: 'Settings', exact: true }).click();
    await app.getByRole('button', { name: 'Add profile' }).click();
    const dialog = app.getByRole('dialog', { name: 'Add a profile' });
    await dialog.getByLabel('Start from').selectOption('custom');
    await dialog.getByLabel('Name').fill('Second relay');
    await dialog.getByLabel('Base URL').fill(second.baseUrl);
    await dialog.getByLabel('API key').fill(SECOND_KEY);
    await dialog.getByRole('button', { name: 'Create profile' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      app.getByRole('status').filter({ hasText: 'Profile “Second relay” created.' }),
    ).toBeVisible();

    // The new profile is the one on screen, with its own server and key.
    await expect(app.getByRole('textbox', { name: 'Base URL', exact: true })).toHaveValue(
      second.baseUrl,
    );
    await expect(app.getByTestId('key-status')).toHaveText(
      'Key hsa-…7b7b is stored in the OS keychain.',
    );
    // The first one kept its server and its key.
    await app.getByRole('button', { name: 'Profile Second relay' }).click();
    await app.getByRole('menuitemradio', { name: /Custom/ }).click();
    await expect(app.getByRole('textbox', { name: 'Base URL', exact: true })).toHaveValue(
      relay.baseUrl,
    );
    await expect(app.getByTestId('key-status')).toHaveText(
      'Key hsa-…3f9a is stored in the OS keychain.',
    );
    // And it still chats.
    await app.getByRole('button', { name: 'New chat' }).click();
    relay.enqueue(tokensScript(['Still ', 'here.']));
    await sendMessage(app, 'First profile?');
    await expect(lastAssistant(app)).toContainText('Still here.');
  } finally {
    await second.close();
  }
});

test('deleting a profile asks in the app’s dialog: Cancel keeps it, Delete removes it', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('button', { name: 'Add profile' }).click();
  const add = app.getByRole('dialog', { name: 'Add a profile' });
  await add.getByLabel('Start from').selectOption('custom');
  await add.getByLabel('Name').fill('Spare relay');
  await add.getByLabel('Base URL').fill(relay.baseUrl);
  await add.getByLabel('API key').fill(TEST_KEY);
  await add.getByRole('button', { name: 'Create profile' }).click();
  await expect(add).toBeHidden();

  await app.getByRole('button', { name: 'Delete profile' }).click();
  const confirm = app.getByRole('dialog', { name: 'Delete this profile?' });
  await expect(confirm).toContainText('Delete the profile “Spare relay” and its stored key?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByRole('button', { name: 'Profile Spare relay' })).toBeVisible();

  await app.getByRole('button', { name: 'Delete profile' }).click();
  await confirm.getByRole('button', { name: 'Delete profile' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByRole('button', { name: 'Profile Spare relay' })).toHaveCount(0);
  await expect(app.getByRole('textbox', { name: 'Base URL', exact: true })).toHaveValue(
    relay.baseUrl,
  );
});

test('first run without a keychain says the key is kept for this session only', async ({
  page,
}) => {
  const harness = await startHarnessProcess({ secrets: 'memory' });
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Fleece' })).toBeVisible();
    await expect(
      page.getByText(
        'No system keychain this time: your key is kept for this session only, never written to disk.',
      ),
    ).toBeVisible();
    await expect(page.getByText('Your key is kept in the system keychain')).toHaveCount(0);
  } finally {
    await harness.stop();
  }
});

test('check on save in onboarding: a base URL without /v1 is fixed in one click', async ({
  app,
  relay,
}) => {
  // Before any relay is set up, the empty sidebar points at the setup, not at New chat.
  await expect(app.getByText('Connect a relay on the right to start.')).toBeVisible();
  // This harness has a keychain, and first run says that is where the key goes.
  await expect(
    app.getByText("Your key is kept in the system keychain, not in Fleece's files."),
  ).toBeVisible();
  await app.getByLabel('Provider').selectOption('custom');
  await app.getByLabel('Base URL').fill(relay.origin);
  await app.getByLabel('API key').fill(TEST_KEY);
  await app.getByLabel('Model').fill('deepseek-chat');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'missing /v1' })).toBeVisible();
  // Nothing was kept: the check runs before the profile exists.
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeHidden();
  await expect(app.getByTestId('offline-banner')).toBeHidden();
  await app.getByRole('button', { name: `Use ${relay.origin}/v1` }).click();
  await expect(app.getByLabel('Base URL')).toHaveValue(`${relay.origin}/v1`);
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeVisible();
  await expect(app.getByText('Start one with New chat', { exact: false })).toBeVisible();
  relay.enqueue(tokensScript(['Fixed.']));
  await sendMessage(app, 'Hello');
  await expect(lastAssistant(app)).toContainText('Fixed.');
});

test('check on save in onboarding: a buffering proxy is explained at the base URL, and Save anyway keeps it', async ({
  app,
  relay,
}) => {
  const proxy = await startNginx({ upstream: relay.origin, buffering: true });
  try {
    // The probe's answer, sixty numbers: large enough to show how the stream travels.
    const numbers = Array.from({ length: 60 }, (_, i) => String(i + 1)).join(' ');
    relay.enqueue(tokensScript(textToTokens(numbers), { delayMs: 10 }));
    await app.getByLabel('Provider').selectOption('custom');
    await app.getByLabel('Base URL').fill(`${proxy.origin}/v1`);
    await app.getByLabel('API key').fill(TEST_KEY);
    await app.getByLabel('Model').fill('deepseek-chat');
    await app.getByRole('button', { name: 'Save' }).click();
    const problem = app.getByRole('alert').filter({ hasText: /buffers the stream/ });
    await expect(problem).toBeVisible();
    await expect(problem).toContainText('proxy_buffering off');
    await expect(app.locator('[data-kind="buffering"]')).toHaveCount(1);
    await expect(app.getByRole('textbox', { name: 'Message' })).toBeHidden();
    await app.getByRole('button', { name: 'Save anyway' }).click();
    await expect(app.getByRole('textbox', { name: 'Message' })).toBeVisible();
    relay.enqueue(tokensScript(['Through ', 'the ', 'proxy.']));
    await sendMessage(app, 'Hello');
    await expect(lastAssistant(app)).toContainText('Through the proxy.');
  } finally {
    await proxy.close();
  }
});

test('check on save names a wrong key at the key field, never "Offline", and Save anyway keeps it', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByLabel('API key').fill('hsa-wrong-0123456789abcdef0000');
  await app.getByRole('button', { name: 'Save' }).click();
  const problem = app.getByRole('alert').filter({ hasText: /key/i }).first();
  await expect(problem).toBeVisible();
  await expect(app.getByTestId('offline-banner')).toBeHidden();
  // The stored key is untouched until the user decides.
  await expect(app.getByTestId('key-status')).toHaveText(
    'Key hsa-…3f9a is stored in the OS keychain.',
  );
  await app.getByRole('button', { name: 'Save anyway' }).click();
  await expect(app.getByTestId('key-status')).toHaveText(
    'Key hsa-…0000 is stored in the OS keychain.',
  );
  await expect(app.getByTestId('offline-banner')).toBeHidden();
});

test('history opens, reads, searches and deletes with no profile', async ({ page, relay }) => {
  // Two harness starts and two chats: more than the default budget on a busy machine.
  test.setTimeout(180_000);
  const first = await startHarnessProcess({ secrets: 'memory' });
  const dataDir = first.dataDir;
  try {
    await page.goto(first.url);
    await setUpProfile(page, relay);
    relay.enqueue(tokensScript(['Kept ', 'for ', 'later.']));
    await sendMessage(page, 'Remember this');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
    relay.enqueue(tokensScript(['Second ', 'answer.']));
    await page.getByRole('button', { name: 'New chat' }).click();
    await sendMessage(page, 'Another one');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
  } finally {
    await first.stop();
  }
  // No profile at all now: the settings file is gone, the history stays.
  rmSync(join(dataDir, 'settings.json'), { force: true });
  const harness = await startHarnessProcess({ secrets: 'memory', dataDir });
  try {
    await page.goto(harness.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Fleece' })).toBeVisible();
    await page.getByRole('button', { name: 'Remember this', exact: true }).click();
    await expect(lastAssistant(page)).toContainText('Kept for later.');
    await expect(page.getByRole('heading', { name: 'Welcome to Fleece' })).toBeHidden();
    // Setup is offered in place of the composer.
    const card = page.getByRole('region', { name: 'Connect a relay to send messages' });
    await expect(card).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeHidden();

    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('later');
    await expect(page.getByTestId('search-result').first()).toContainText('later');
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill('');

    // Setup is a screen the user can leave.
    await card.getByRole('button', { name: 'Set up a connection' }).click();
    await expect(page.getByLabel('Provider')).toBeVisible();
    await page.getByRole('button', { name: 'Back to conversations' }).click();
    await page.getByRole('button', { name: 'Another one', exact: true }).click();
    await expect(lastAssistant(page)).toContainText('Second answer.');

    await page.getByRole('button', { name: 'More actions for “Another one”' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(page.getByTestId('undo-toast')).toContainText('“Another one” moved to the trash.');
    await expect(page.getByRole('button', { name: 'Another one', exact: true })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Remember this', exact: true })).toBeVisible();
  } finally {
    await harness.stop();
  }
});
