import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';
import type { Page } from '@playwright/test';

// Each spec sends a few turns and restarts the harness: more than the default minute on a busy machine.
test.slow();

async function chatAbout(app: Page, relay: Parameters<typeof setUpProfile>[1], text: string) {
  await app.getByRole('button', { name: 'New chat' }).click();
  relay.enqueue(tokensScript(['Noted.']));
  await sendMessage(app, text);
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
}

async function deleteFromList(app: Page, title: string) {
  await app.getByRole('button', { name: `More actions for “${title}”` }).click();
  await app.getByRole('menuitem', { name: 'Delete' }).click();
}

test('a deleted conversation waits in the Trash, with when, and comes back on Restore', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await chatAbout(app, relay, 'Keep me');
  await chatAbout(app, relay, 'Forget me');
  const conversations = app.getByTestId('conversation');
  await expect(conversations).toHaveCount(2);

  await deleteFromList(app, 'Keep me');
  await deleteFromList(app, 'Forget me');
  await expect(conversations).toHaveCount(0);

  await app.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Trash' })).toBeVisible();
  await expect(app.getByText(/deleted for good automatically/)).toContainText('30 days');
  const items = app.getByTestId('trash-item');
  await expect(items).toHaveCount(2);
  // Most recently deleted first, with when.
  await expect(items.first()).toContainText('Forget me');
  await expect(items.first()).toContainText(
    /Deleted (just now|\d+ minutes? ago) · deleted for good in 30 days/,
  );

  await app.getByRole('button', { name: 'Restore “Keep me”' }).click();
  await expect(items).toHaveCount(1);
  await expect(conversations).toHaveCount(1);
  await expect(conversations.first()).toContainText('Keep me');
  await conversations.first().getByRole('button', { name: 'Keep me', exact: true }).click();
  await expect(app.locator('[data-role="user"]')).toContainText('Keep me');
});

test('Delete permanently asks first, and the conversation stays gone after a restart', async ({
  app,
  relay,
  harness,
}) => {
  await setUpProfile(app, relay);
  await chatAbout(app, relay, 'Forget me');
  await deleteFromList(app, 'Forget me');
  const conversations = app.getByTestId('conversation');
  await expect(conversations).toHaveCount(0);
  await app.getByRole('button', { name: 'Trash', exact: true }).click();
  const items = app.getByTestId('trash-item');
  await expect(items).toHaveCount(1);

  // Cancelling keeps it.
  await app.getByRole('button', { name: 'Delete “Forget me” permanently' }).click();
  const dialog = app.getByRole('dialog', { name: 'Delete this conversation permanently?' });
  await expect(dialog).toContainText('“Forget me” and its messages will be deleted for good.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(items).toHaveCount(1);
  await app.getByRole('button', { name: 'Delete “Forget me” permanently' }).click();
  await app.getByRole('dialog').getByRole('button', { name: 'Delete permanently' }).click();
  await expect(items).toHaveCount(0);
  await expect(app.getByText('The trash is empty')).toBeVisible();

  await harness.restart();
  await app.goto(harness.url);
  await app.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(app.getByText('The trash is empty')).toBeVisible();
  await expect(conversations).toHaveCount(0);
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('Forget');
  await expect(app.getByText('No matches.')).toBeVisible();
});

test('Empty trash deletes every conversation in it after a confirm', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  await chatAbout(app, relay, 'Tiết kiệm chi phí');
  await chatAbout(app, relay, '中转站');
  await deleteFromList(app, 'Tiết kiệm chi phí');
  await deleteFromList(app, '中转站');
  await app.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(app.getByTestId('trash-item')).toHaveCount(2);
  await app.getByRole('button', { name: 'Empty trash' }).click();
  const dialog = app.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(dialog).toContainText('(2)');
  await dialog.getByRole('button', { name: 'Empty trash' }).click();
  await expect(app.getByTestId('trash-item')).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Empty trash' })).toBeDisabled();
  await expect(app.getByTestId('conversation')).toHaveCount(0);
});
