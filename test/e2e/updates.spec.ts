import { expect, setUpProfile, test } from './fixtures';

test('Settings → About: updates are off in a development run, and a plain-http feed is refused', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'About' }).click();
  const updates = app.getByTestId('updates');
  await expect(updates.getByTestId('update-status')).toHaveText(
    'Updates are off in a development build.',
  );
  await expect(updates.getByRole('button', { name: 'Check for updates' })).toBeDisabled();

  await updates.getByLabel('Update feed').fill('http://updates.example.com/fleece');
  await updates.getByRole('button', { name: 'Save feed' }).click();
  await expect(updates.getByRole('alert')).toHaveText(
    'Update feeds must use https:// (plain http:// is only allowed on this computer, 127.0.0.1 or localhost).',
  );

  await updates.getByLabel('Update feed').fill('https://updates.example.com/fleece');
  await updates.getByRole('button', { name: 'Save feed' }).click();
  await expect(updates.getByRole('alert')).toHaveCount(0);
  // Kept: the About tab opened again shows the saved feed.
  await app.getByRole('tab', { name: 'General' }).click();
  await app.getByRole('tab', { name: 'About' }).click();
  await expect(app.getByTestId('updates').getByLabel('Update feed')).toHaveValue(
    'https://updates.example.com/fleece',
  );
});
