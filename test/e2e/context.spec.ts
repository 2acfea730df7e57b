import type { Page } from '@playwright/test';
import { tokensScript, type FakeRelay } from '../fixtures/fake-relay';
import {
  chatRequests,
  expect,
  lastAssistant,
  messages,
  sendMessage,
  setUpProfile,
  test,
} from './fixtures';

type Body = { messages: { role: string; content: string }[] };

/** The first words of each message of the last answer's prompt. */
function lastPrompt(relay: FakeRelay): string[] {
  const body = chatRequests(relay).at(-1)?.body as Body | undefined;
  return (body?.messages ?? []).map(
    (m) => `${m.role}: ${m.content.split(' ').slice(0, 2).join(' ')}`,
  );
}

async function ask(app: Page, text: string, answer: string): Promise<void> {
  await sendMessage(app, text);
  await expect(lastAssistant(app)).toContainText(answer);
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
}

test('a conversation that outgrows a small context says so before sending and sends the newest turns', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  // deepseek-chat is known at 128K; the price table sets it to the smallest window allowed.
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'Models & prices' }).click();
  const context = app.getByLabel('Context (tokens): deepseek-chat', { exact: true });
  await expect(context).toHaveAttribute('placeholder', '128\u202f000');
  await context.fill('1024');
  await app.getByRole('button', { name: 'Save prices' }).click();
  await expect(app.getByText('Saved. New answers use these prices.')).toBeVisible();
  await app.getByRole('button', { name: 'New chat' }).click();

  relay.enqueue(
    tokensScript(['Answer ', 'one.']),
    tokensScript(['Answer ', 'two.']),
    tokensScript(['Answer ', 'three.']),
  );
  // About 380 tokens each: two turns fit in 1,024 less the answer's 128, three do not.
  await ask(app, `First question: ${'alpha '.repeat(250)}`, 'Answer one.');
  await ask(app, `Second question: ${'bravo '.repeat(250)}`, 'Answer two.');
  const meter = app.getByTestId('context-meter');
  await expect(meter).toHaveText(/^\d+ \/ 1K$/);
  await expect(app.getByTestId('context-notice')).toHaveCount(0);
  await expect(app.getByTestId('context-cut')).toHaveCount(0);

  // Typed, not sent yet: Fleece says what will happen, and shows where the prompt will start.
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill(`Third question: ${'charlie '.repeat(200)}`);
  await expect(app.getByTestId('context-notice')).toContainText(
    "This conversation no longer fits deepseek-chat's context (1K tokens): the oldest turns (1) will not be sent",
  );
  const cut = app.getByTestId('context-cut');
  await expect(cut).toHaveText('Earlier messages are not sent');
  await expect(cut.locator('xpath=..').getByTestId('message')).toContainText('Second question');

  await app.getByRole('button', { name: 'Send' }).click();
  await expect(lastAssistant(app)).toContainText('Answer three.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  expect(lastPrompt(relay)).toEqual([
    'user: Second question:',
    'assistant: Answer two.',
    'user: Third question:',
  ]);
  // Nothing was deleted: the first turn is still in the conversation.
  await expect(messages(app)).toHaveCount(6);
  await expect(messages(app).first()).toContainText('First question');
});

test('"Summarise instead" adds an editable summary that later prompts send in place of the earlier turns', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'Models & prices' }).click();
  await app.getByLabel('Context (tokens): deepseek-chat', { exact: true }).fill('1024');
  await app.getByRole('button', { name: 'Save prices' }).click();
  await expect(app.getByText('Saved. New answers use these prices.')).toBeVisible();
  await app.getByRole('button', { name: 'New chat' }).click();

  relay.enqueue(
    tokensScript(['Answer ', 'one.']),
    tokensScript(['Answer ', 'two.']),
    tokensScript(['The user asked about ', 'alpha and bravo.']),
    tokensScript(['Answer ', 'three.']),
  );
  await ask(app, `First question: ${'alpha '.repeat(250)}`, 'Answer one.');
  await ask(app, `Second question: ${'bravo '.repeat(250)}`, 'Answer two.');
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill(`Third question: ${'charlie '.repeat(200)}`);
  await expect(app.getByTestId('context-notice')).toBeVisible();
  await app.getByRole('button', { name: 'Summarise instead' }).click();

  const summary = app.locator('[data-testid="message"][data-role="system"]');
  await expect(summary).toContainText('Summary of the earlier conversation');
  await expect(summary).toContainText('The user asked about alpha and bravo.');
  await expect(app.getByTestId('context-notice')).toHaveCount(0);
  await expect(
    app.getByTestId('context-cut').locator('xpath=..').getByTestId('message'),
  ).toHaveAttribute('data-role', 'system');
  // The summary request carried the conversation, the draft kept its text.
  expect(JSON.stringify(chatRequests(relay).at(-1)?.body)).toContain('Second question');
  await expect(app.getByRole('textbox', { name: 'Message' })).toHaveValue(/^Third question/);

  await app.getByRole('button', { name: 'Send' }).click();
  await expect(lastAssistant(app)).toContainText('Answer three.');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  expect(lastPrompt(relay)).toEqual(['system: Summary of', 'user: Third question:']);
  await expect(messages(app)).toHaveCount(7);
});

test("a conversation's limit on past turns is what its prompts carry", async ({ app, relay }) => {
  await setUpProfile(app, relay);
  relay.enqueue(
    tokensScript(['One.']),
    tokensScript(['Two.']),
    tokensScript(['Three.']),
    tokensScript(['Four.']),
  );
  await ask(app, 'Question one', 'One.');
  await ask(app, 'Question two', 'Two.');
  await ask(app, 'Question three', 'Three.');
  await expect(app.getByTestId('context-cut')).toHaveCount(0);

  await app.getByRole('button', { name: 'Conversation settings' }).click();
  await app.getByLabel('Past turns sent').fill('1');
  await app.getByRole('button', { name: 'Apply' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(
    app.getByTestId('context-cut').locator('xpath=..').getByTestId('message'),
  ).toContainText('Question three');

  await ask(app, 'Question four', 'Four.');
  expect(lastPrompt(relay)).toEqual([
    'user: Question three',
    'assistant: Three.',
    'user: Question four',
  ]);
});
