import type { Page } from '@playwright/test';
import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

async function expectAllControlsNamed(page: Page): Promise<number> {
  const controls = page.locator(
    'button:visible, input:visible, select:visible, textarea:visible, a[href]:visible',
  );
  const count = await controls.count();
  for (let i = 0; i < count; i++) await expect(controls.nth(i)).toHaveAccessibleName(/\S/);
  return count;
}

test('every control has an accessible name, on every screen', async ({ app, relay }) => {
  expect(await expectAllControlsNamed(app)).toBeGreaterThan(3);
  await setUpProfile(app, relay);
  relay.enqueue(
    tokensScript(['Here ', 'is ', '`code` ', 'and ', '[a link](https://example.com).'], {
      reasoning: ['Thinking.'],
    }),
  );
  await sendMessage(app, 'Hello');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  expect(await expectAllControlsNamed(app)).toBeGreaterThan(8);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  expect(await expectAllControlsNamed(app)).toBeGreaterThan(8);
});

test('keyboard shortcuts: Ctrl+K search, Ctrl+, settings, Ctrl+N new chat, Esc stops', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.keyboard.press('Control+k');
  await expect(app.getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();
  await app.keyboard.press('Control+,');
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await app.keyboard.press('Control+n');
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeFocused();

  relay.enqueue(
    tokensScript(
      Array.from({ length: 100 }, (_, i) => `x${i} `),
      { delayMs: 40 },
    ),
  );
  await sendMessage(app, 'long one');
  await expect(lastAssistant(app)).toContainText('x3 ');
  await app.keyboard.press('Escape');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'stopped');
});

test('the conversation list works from the keyboard: rename (F2), pin (P), delete and undo', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['One.']), tokensScript(['Two.']));
  await sendMessage(app, 'First topic');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await app.keyboard.press('Control+n');
  await sendMessage(app, 'Second topic');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  const first = app.getByRole('button', { name: 'First topic', exact: true });
  await first.focus();
  await app.keyboard.press('F2');
  await app.getByRole('textbox', { name: 'Conversation title' }).fill('Renamed topic');
  await app.keyboard.press('Enter');
  const renamed = app.getByRole('button', { name: 'Renamed topic', exact: true });
  await expect(renamed).toBeVisible();

  await renamed.focus();
  await app.keyboard.press('p');
  await expect(
    app
      .getByRole('region', { name: 'Pinned' })
      .getByRole('button', { name: /Renamed topic/ })
      .first(),
  ).toBeVisible();

  await renamed.focus();
  await app.keyboard.press('Delete');
  await expect(renamed).toHaveCount(0);
  await app.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByRole('button', { name: /Renamed topic/ }).first()).toBeVisible();
});
