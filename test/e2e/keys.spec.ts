import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test, TEST_KEY } from './fixtures';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the key is stored in the keychain, shown masked, and found in no file after a full chat', async ({
  app,
  relay,
  harness,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['The ', 'key ', 'stays ', 'in ', 'the ', 'keychain.']));
  await sendMessage(app, `Is my key ${TEST_KEY.slice(0, 6)} safe?`);
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(app.getByTestId('key-status')).toHaveText(
    'Key hsa-…3f9a is stored in the OS keychain.',
  );

  // Export everything, as a user would (the harness saves exports in <data-dir>/exports).
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('button', { name: 'Export all conversations (JSON)' }).click();
  await expect(
    app.getByRole('status').filter({ hasText: /Saved 1 conversations \(2 messages\)/ }),
  ).toBeVisible();
  // Stop the harness so the database, its WAL and the logs are flushed as they would be on quit.
  await harness.stop();

  const files = filesUnder(harness.dataDir);
  expect(files.some((f) => f.endsWith('history.sqlite'))).toBe(true);
  expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
  expect(files.some((f) => /exports\/fleece-history-.*\.json$/.test(f))).toBe(true);
  expect(files.some((f) => f.includes('main.log'))).toBe(true);
  const needles = [
    TEST_KEY,
    Buffer.from(TEST_KEY, 'utf16le').toString('latin1'),
    Buffer.from(TEST_KEY).toString('base64'),
  ];
  for (const file of files) {
    const bytes = readFileSync(file).toString('latin1');
    for (const needle of needles)
      expect(bytes.includes(needle), `${file} contains the key`).toBe(false);
  }
});

test('a key with inner whitespace is refused with a clear message, and an sk- key on HolySheep warns', async ({
  app,
}) => {
  await app.getByLabel('API key').fill('hsa-abc def-1234567890');
  await app.getByLabel('Model').fill('deepseek-chat');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('alert')).toContainText(/space|whitespace/i);

  await app.getByLabel('API key').fill('sk-proj-0123456789abcdefghij');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'hsa-' })).toBeVisible();
});
