import type { Page } from '@playwright/test';
import { tokensScript } from '../fixtures/fake-relay';
import type { FakeRelay } from '../fixtures/fake-relay';
import {
  chatRequests,
  expect,
  lastAssistant,
  messages,
  sendMessage,
  setUpProfile,
  test,
} from './fixtures';

/** The answers' requests (check on save's probe left out). */
function chatBodies(relay: FakeRelay) {
  return chatRequests(relay).map((r) => r.body);
}

function lastUser(app: Page) {
  return app.locator('[data-testid="message"][data-role="user"]').last();
}

test('regenerate twice keeps every answer; previous and next walk the versions', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(
    tokensScript(['First ', 'answer.']),
    tokensScript(['Second ', 'answer.']),
    tokensScript(['Third ', 'answer.']),
  );
  await sendMessage(app, 'Say something');
  await expect(lastAssistant(app)).toContainText('First answer.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  await lastAssistant(app).getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAssistant(app)).toContainText('Second answer.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(app).getByTestId('version-position')).toHaveText('2 / 2');

  await lastAssistant(app).getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAssistant(app)).toContainText('Third answer.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(app).getByTestId('version-position')).toHaveText('3 / 3');
  await expect(messages(app)).toHaveCount(2);
  // Each version was asked with the same question, and only it.
  for (const body of chatBodies(relay).slice(1)) {
    expect((body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'Say something' },
    ]);
  }

  const previous = () => lastAssistant(app).getByRole('button', { name: 'Previous version' });
  const next = () => lastAssistant(app).getByRole('button', { name: 'Next version' });
  await expect(next()).toBeDisabled();
  await previous().click();
  await expect(lastAssistant(app)).toContainText('Second answer.');
  await expect(lastAssistant(app).getByTestId('version-position')).toHaveText('2 / 3');
  await previous().click();
  await expect(lastAssistant(app)).toContainText('First answer.');
  await expect(lastAssistant(app).getByTestId('version-position')).toHaveText('1 / 3');
  await expect(previous()).toBeDisabled();
  await next().click();
  await next().click();
  await expect(lastAssistant(app)).toContainText('Third answer.');
  await expect(messages(app)).toHaveCount(2);

  // The version on screen is what the next question follows, and what its prompt carries.
  await previous().click();
  await expect(lastAssistant(app)).toContainText('Second answer.');
  relay.enqueue(tokensScript(['Fourth.']));
  await sendMessage(app, 'And then?');
  await expect(lastAssistant(app)).toContainText('Fourth.');
  expect((chatBodies(relay).at(-1) as { messages: unknown[] }).messages).toEqual([
    { role: 'user', content: 'Say something' },
    { role: 'assistant', content: 'Second answer.' },
    { role: 'user', content: 'And then?' },
  ]);

  // Switching survives a reload: the path on screen is kept in the history.
  await app.reload();
  await app.getByRole('button', { name: 'Say something', exact: true }).click();
  await expect(messages(app)).toHaveCount(4);
  await expect(messages(app).nth(1)).toContainText('Second answer.');
  await expect(messages(app).nth(1).getByTestId('version-position')).toHaveText('2 / 3');
});

test('edit and resend starts a branch; switching back shows the first branch and its answers', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Answer ', 'one.']), tokensScript(['Answer ', 'two.']));
  await sendMessage(app, 'Question one');
  await expect(lastAssistant(app)).toContainText('Answer one.');
  await sendMessage(app, 'Question two');
  await expect(lastAssistant(app)).toContainText('Answer two.');
  await expect(messages(app)).toHaveCount(4);

  relay.enqueue(tokensScript(['Edited ', 'answer.']));
  const firstUser = app.locator('[data-testid="message"][data-role="user"]').first();
  await firstUser.getByRole('button', { name: 'Edit' }).click();
  await app.getByRole('textbox', { name: 'Edit message' }).fill('Question one, edited');
  await app.getByRole('button', { name: 'Save and resend' }).click();
  await expect(lastAssistant(app)).toContainText('Edited answer.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(messages(app)).toHaveCount(2);
  await expect(lastUser(app)).toContainText('Question one, edited');
  await expect(lastUser(app).getByTestId('version-position')).toHaveText('2 / 2');
  expect((chatBodies(relay).at(-1) as { messages: unknown[] }).messages).toEqual([
    { role: 'user', content: 'Question one, edited' },
  ]);

  await lastUser(app).getByRole('button', { name: 'Previous version' }).click();
  await expect(messages(app)).toHaveCount(4);
  await expect(messages(app).nth(0)).toContainText('Question one');
  await expect(messages(app).nth(0).getByTestId('version-position')).toHaveText('1 / 2');
  await expect(messages(app).nth(1)).toContainText('Answer one.');
  await expect(messages(app).nth(2)).toContainText('Question two');
  await expect(lastAssistant(app)).toContainText('Answer two.');
  await expect(app.getByText('Edited answer.')).toHaveCount(0);

  // Search finds the other branch's text and opening it shows that branch.
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('Edited');
  await app.getByTestId('search-result').filter({ hasText: 'Edited answer' }).first().click();
  await expect(lastAssistant(app)).toContainText('Edited answer.');
  await expect(messages(app)).toHaveCount(2);
});

test('an answer is edited in place, marked edited; a deleted message comes back with Undo', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Teh ', 'answer.']), tokensScript(['Later.']));
  await sendMessage(app, 'Question');
  await expect(lastAssistant(app)).toContainText('Teh answer.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  await lastAssistant(app).getByRole('button', { name: 'Edit' }).click();
  await expect(app.getByRole('button', { name: 'Save and resend' })).toHaveCount(0);
  await app.getByRole('textbox', { name: 'Edit message' }).fill('The answer.');
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(lastAssistant(app)).toContainText('The answer.');
  await expect(lastAssistant(app).getByTestId('message-edited')).toBeVisible();
  expect(chatBodies(relay)).toHaveLength(1);

  await sendMessage(app, 'More');
  await expect(lastAssistant(app)).toContainText('Later.');
  await expect(messages(app)).toHaveCount(4);
  // The fixed text is what the next prompt carried.
  expect((chatBodies(relay).at(-1) as { messages: unknown[] }).messages).toContainEqual({
    role: 'assistant',
    content: 'The answer.',
  });

  const fixedAnswer = messages(app).nth(1);
  await fixedAnswer.hover();
  await fixedAnswer.getByRole('button', { name: 'Delete' }).click();
  await expect(messages(app)).toHaveCount(3);
  await expect(app.getByText('The answer.')).toHaveCount(0);
  const toast = app.getByTestId('message-undo-toast');
  await expect(toast).toContainText('Message deleted');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(messages(app)).toHaveCount(4);
  await expect(messages(app).nth(1)).toContainText('The answer.');
  await expect(messages(app).nth(2)).toContainText('More');
});
