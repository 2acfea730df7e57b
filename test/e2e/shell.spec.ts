import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

test('Ctrl+B collapses the sidebar to icons that keep their names, and expands it again', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Kept.']));
  await sendMessage(app, 'Sidebar topic');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  const sidebar = app.getByTestId('sidebar');
  await expect(sidebar).toHaveAttribute('data-collapsed', 'false');
  await app.keyboard.press('Control+b');
  await expect(sidebar).toHaveAttribute('data-collapsed', 'true');
  // Collapsed: no list and no search box, but every action is still there by name.
  await expect(app.getByTestId('conversation')).toHaveCount(0);
  await expect(app.getByRole('searchbox', { name: 'Search conversations' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Expand sidebar' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await app.getByRole('button', { name: 'New chat' }).click();
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeVisible();

  // Search from the rail opens the sidebar with the search box focused.
  await app.getByRole('button', { name: 'Search conversations' }).click();
  await expect(sidebar).toHaveAttribute('data-collapsed', 'false');
  await expect(app.getByRole('searchbox', { name: 'Search conversations' })).toBeFocused();

  await app.keyboard.press('Control+b');
  await expect(sidebar).toHaveAttribute('data-collapsed', 'true');
  await app.getByRole('button', { name: 'Expand sidebar' }).click();
  await expect(sidebar).toHaveAttribute('data-collapsed', 'false');
  await expect(app.getByRole('button', { name: 'Sidebar topic', exact: true })).toBeVisible();
});

test('a conversation that is streaming is marked in the sidebar until its answer stops', async ({
  app,
  relay,
}) => {
  // Streams for a while and switches chats meanwhile: slow on a busy machine.
  test.slow();
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Short.']));
  await sendMessage(app, 'Long answer');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  const row = app.getByTestId('conversation').filter({ hasText: 'Long answer' });
  await expect(row.getByTestId('conversation-streaming')).toHaveCount(0);

  relay.enqueue(
    tokensScript(
      // A long answer (about a minute), stopped below once the marks are checked.
      Array.from({ length: 1500 }, (_, i) => `w${i} `),
      { delayMs: 40 },
    ),
  );
  await sendMessage(app, 'Go on, at length');
  await expect(lastAssistant(app)).toContainText('w2 ');
  await expect(row).toHaveAttribute('data-streaming', 'true');
  // The open conversation's growing text is the motion: its mark and the answer's dots stand still.
  const mark = row.getByTestId('conversation-streaming');
  await expect(mark).toHaveCSS('animation-name', 'none');
  await expect(lastAssistant(app).getByTestId('streaming-indicator')).toHaveAttribute(
    'data-pulse',
    'false',
  );
  // Still marked, and pulsing, while another chat is open.
  await app.getByRole('button', { name: 'New chat' }).click();
  await expect(mark).toBeVisible();
  await expect(mark).toHaveCSS('animation-name', 'pulse');
  await row.getByRole('button', { name: 'Long answer', exact: true }).click();
  await app.keyboard.press('Escape');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'stopped');
  await expect(row.getByTestId('conversation-streaming')).toHaveCount(0);
});

test('Ctrl+/ opens the shortcuts sheet listing every shortcut; Escape closes it', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.keyboard.press('Control+/');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  for (const [action, keys] of [
    ['New chat', 'CtrlN'],
    ['Search conversations', 'CtrlK'],
    ['Open settings', 'Ctrl,'],
    ['Show or hide the sidebar', 'CtrlB'],
    ['Show keyboard shortcuts', 'Ctrl/'],
    ['Stop the answer', 'Esc'],
    ['Rename', 'F2'],
  ] as const) {
    await expect(sheet.getByTestId('shortcut').filter({ hasText: action }).first()).toContainText(
      keys,
    );
  }
  await app.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // The same sheet opens from the sidebar, and shortcuts show in tooltips.
  await app.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toHaveCount(0);
  await app.getByRole('button', { name: 'Collapse sidebar' }).hover();
  await expect(app.getByRole('tooltip')).toContainText('CtrlB');
});

test('settings are in tabs; prices always show their table; About shows version and data folder', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(app.getByRole('tab', { name: 'Profiles' })).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('tab', { name: 'Models & prices' }).click();
  await expect(app.getByTestId('price-table')).toBeVisible();
  await app.getByRole('tab', { name: 'About' }).click();
  await expect(app.getByTestId('about-version')).toHaveText(/^\d+\.\d+\.\d+/);
  await expect(app.getByRole('tabpanel')).toContainText('Data folder');
  await app.getByRole('tab', { name: 'Data' }).click();
  await expect(app.getByTestId('data-folder')).not.toBeEmpty();
  await app.getByRole('button', { name: 'Open folder' }).click();
  await expect(app.getByRole('alert')).toHaveCount(0);
  await app.getByRole('tab', { name: 'General' }).click();
  await expect(app.getByLabel('Theme')).toBeVisible();
});

test('with Settings or Usage open the sidebar marks that page, not the chat, until the chat is back', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Short.']));
  await sendMessage(app, 'Marked question');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  const current = app.getByTestId('conversation').locator('[aria-current="page"]');
  await expect(current).toHaveText('Marked question');
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Settings', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(current).toHaveCount(0);
  await app.getByRole('button', { name: 'Usage', exact: true }).click();
  await expect(current).toHaveCount(0);
  await app.getByRole('button', { name: 'Marked question', exact: true }).click();
  await expect(current).toHaveText('Marked question');
  await expect(lastAssistant(app)).toContainText('Short.');
});

test('an undo toast can be closed, and a closed toast does not come back', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Bye.']));
  await sendMessage(app, 'Delete me');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await app.getByRole('button', { name: 'More actions for “Delete me”' }).click();
  await app.getByRole('menuitem', { name: 'Delete' }).click();
  const toast = app.getByTestId('undo-toast');
  await expect(toast).toContainText('“Delete me” moved to the trash.');
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(toast).toHaveCount(0);
  await expect(app.getByTestId('conversation')).toHaveCount(0);
});
