import { errorResponse, tokensScript } from '../fixtures/fake-relay';
import {
  chatRequests,
  expect,
  lastAssistant,
  messages,
  sendMessage,
  setUpProfile,
  test,
} from './fixtures';

test('continue an interrupted answer appends to the same message', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  // The stream ends without [DONE] and without a finish_reason: interrupted.
  relay.enqueue(
    tokensScript(['Một ', 'hai ', 'ba '], { finishReason: null, done: false, usage: null }),
  );
  await sendMessage(app, 'Đếm đi');
  const answer = lastAssistant(app);
  await expect(answer).toHaveAttribute('data-status', 'interrupted');
  await expect(answer.getByTestId('error-card')).toHaveAttribute('data-kind', 'interrupted');
  relay.enqueue(tokensScript(['bốn ', 'năm.']));
  await answer.getByRole('button', { name: 'Continue' }).first().click();
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer.locator('.message-body')).toContainText('Một hai ba bốn năm.');
  await expect(messages(app)).toHaveCount(2);
  // The continuation request carried the partial answer so the model can go on from it.
  const last = chatRequests(relay).at(-1);
  expect(JSON.stringify(last?.body)).toContain('Một hai ba');
});

test('regenerate replaces the last answer', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['First ', 'answer.']));
  await sendMessage(app, 'Say something');
  await expect(lastAssistant(app)).toContainText('First answer.');
  relay.enqueue(tokensScript(['Second ', 'answer.']));
  await app.getByRole('button', { name: 'Regenerate' }).click();
  await expect(lastAssistant(app)).toContainText('Second answer.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(messages(app)).toHaveCount(2);
  await expect(app.getByText('First answer.')).toHaveCount(0);
});

test('edit and resend replaces what followed the edited message', async ({ app, relay }) => {
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
  await expect(messages(app)).toHaveCount(2);
  await expect(app.locator('[data-role="user"]')).toHaveText(/Question one, edited/);
});

test('switching conversations mid-stream keeps the stream going into its own conversation', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Short.']));
  await sendMessage(app, 'First conversation');
  await expect(lastAssistant(app)).toContainText('Short.');

  await app.getByRole('button', { name: 'New chat' }).click();
  const tokens = Array.from({ length: 40 }, (_, i) => `t${i} `);
  relay.enqueue(tokensScript(tokens, { delayMs: 50 }));
  await sendMessage(app, 'Second conversation');
  await expect(lastAssistant(app)).toContainText('t2 ');

  // Go back to the first conversation while the second still streams.
  await app.getByRole('button', { name: 'First conversation', exact: true }).click();
  await expect(lastAssistant(app)).toContainText('Short.');
  await expect(app.getByText('t10 ')).toHaveCount(0);

  await app.getByRole('button', { name: 'Second conversation', exact: true }).click();
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  await expect(lastAssistant(app)).toContainText(tokens.join('').trim());
});

test('error cards explain auth and unknown-model failures and offer the fix', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(errorResponse(401, 'Invalid API key', { type: 'authentication_error' }));
  await sendMessage(app, 'hello');
  const card = lastAssistant(app).getByTestId('error-card');
  await expect(card).toHaveAttribute('data-kind', 'auth');
  await expect(card).toContainText('The relay refused the API key');
  await expect(card).not.toContainText('{');

  relay.enqueue(errorResponse(400, 'Model not found: gpt-4-turbo', { code: 'model_not_found' }));
  await app.getByRole('button', { name: 'New chat' }).click();
  await sendMessage(app, 'hello again');
  const card2 = lastAssistant(app).getByTestId('error-card');
  await expect(card2).toHaveAttribute('data-kind', 'model_not_found');
  await card2.getByRole('button', { name: 'Choose another model' }).click();
  await expect(app.getByRole('combobox', { name: 'Model' })).toBeFocused();

  await app.getByRole('button', { name: 'New chat' }).click();
  relay.enqueue(errorResponse(401, 'Invalid API key'));
  await sendMessage(app, 'third');
  await lastAssistant(app).getByRole('button', { name: 'Open key settings' }).click();
  await expect(app.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
