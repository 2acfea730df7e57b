import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokensScript } from '../fixtures/fake-relay';
import { HARNESS_OPEN_PATH_FILE } from '../harness/openDialogHook';
import type { FakeRelay } from '../fixtures/fake-relay';
import { builtinPrompts } from '../../src/shared/prompts/builtinPrompts';
import { chatRequests, expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

interface ChatBody {
  messages: { role: string; content: unknown }[];
  temperature?: number;
}

function lastBody(relay: FakeRelay): ChatBody {
  const chats = chatRequests(relay);
  return chats[chats.length - 1]?.body as ChatBody;
}

test('"/" in the composer picks a built-in prompt; its system prompt reaches the relay', async ({
  app,
  relay,
}) => {
  const commit = builtinPrompts('en').find((p) => p.id === 'builtin:commit-message');
  if (!commit) throw new Error('the commit message prompt ships');
  await setUpProfile(app, relay);
  const box = app.getByRole('textbox', { name: 'Message' });

  // "commit" alone also finds the translators (their prompts name the word); both words narrow it.
  await box.fill('/commit');
  const popover = app.getByTestId('prompt-popover');
  await expect(popover.getByRole('option').first()).toContainText('Commit message');
  await box.fill('/commit mess');
  await expect(popover.getByRole('option')).toHaveCount(1);
  await expect(popover.getByRole('option', { selected: true })).toContainText('Commit message');
  await box.press('Enter');
  await expect(popover).toBeHidden();
  await expect(box).toHaveValue(commit.firstMessage);
  await expect(app.getByTestId('new-chat-prompt')).toContainText('Commit message');

  relay.enqueue(tokensScript(['Add the README']));
  await sendMessage(app, 'Write a commit message for: a README was added');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  const body = lastBody(relay);
  expect(body.messages[0]).toEqual({ role: 'system', content: commit.systemPrompt });
  expect(body.messages.at(-1)).toEqual({
    role: 'user',
    content: 'Write a commit message for: a README was added',
  });
  expect(body.temperature).toBe(commit.temperature);

  // Escape closes the popover and keeps what was typed.
  await box.fill('/sql');
  await expect(popover).toBeVisible();
  await box.press('Escape');
  await expect(popover).toBeHidden();
  await expect(box).toHaveValue('/sql');
});

test('a conversation saved as a prompt starts the next chat with its system prompt', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Arr, ', 'hello.']), tokensScript(['Ahoy!']));
  await sendMessage(app, 'Hello');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  await app.getByRole('button', { name: 'Conversation settings' }).click();
  const settings = app.getByRole('form', { name: 'This conversation' });
  await settings.getByLabel('System prompt').fill('You answer like a pirate.');
  await settings.getByLabel('Temperature (0–2)').fill('0.7');
  await settings.getByRole('button', { name: 'Apply' }).click();
  await expect(settings.getByRole('status')).toHaveText('Saved');

  await app.getByRole('button', { name: 'Save as prompt' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save as prompt' });
  await expect(dialog.getByLabel('System prompt')).toHaveValue('You answer like a pirate.');
  await expect(dialog.getByLabel('Temperature')).toHaveValue('0.7');
  await expect(dialog.getByLabel('Model for this prompt')).toHaveValue('deepseek-chat');
  await dialog.getByLabel('Name').fill('Pirate');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The new chat screen offers it first.
  await app.getByRole('button', { name: 'New chat' }).click();
  const ideas = app.getByRole('list', { name: 'Start from a prompt' });
  await ideas.getByRole('button', { name: 'Pirate' }).click();
  await expect(app.getByTestId('new-chat-prompt')).toContainText('Pirate');
  await sendMessage(app, 'Who are you?');
  await expect(lastAssistant(app)).toContainText('Ahoy!');
  const body = lastBody(relay);
  expect(body.messages[0]).toEqual({ role: 'system', content: 'You answer like a pirate.' });
  expect(body.temperature).toBe(0.7);

  // Settings → Prompts lists it with the built-ins.
  await app.getByRole('button', { name: 'Settings' }).first().click();
  await app.getByRole('tab', { name: /Prompts/ }).click();
  const library = app.getByRole('list', { name: 'Prompts', exact: true });
  await expect(library.getByTestId('prompt-row').first()).toContainText('Pirate');
  await expect(library.getByRole('button', { name: 'Edit “Pirate”' })).toBeVisible();
  await expect(library.getByRole('button', { name: 'Hide “Code review”' })).toBeVisible();
});

test('prompts are exported and imported as JSON; a bad file is refused with a translated message', async ({
  app,
  relay,
  harness,
}) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings' }).first().click();
  await app.getByRole('tab', { name: /Prompts/ }).click();

  // From scratch.
  await app.getByRole('button', { name: 'New prompt' }).click();
  const dialog = app.getByRole('dialog', { name: 'New prompt' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the prompt a name.');
  await dialog.getByLabel('Name').fill('Haiku');
  await dialog.getByLabel('System prompt').fill('Answer in a haiku.');
  await dialog.getByLabel('First message (put in the message box)').fill('Write about ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const library = app.getByRole('list', { name: 'Prompts', exact: true });
  await expect(library.getByTestId('prompt-row').first()).toContainText('Haiku');

  await app.getByRole('button', { name: 'Export…' }).click();
  await expect(app.getByTestId('prompts-status')).toContainText('Prompts exported: 1');
  const exported = JSON.parse(
    readFileSync(join(harness.dataDir, 'exports', 'fleece-prompts.json'), 'utf8'),
  ) as { format: string; prompts: { name: string; systemPrompt: string }[] };
  expect(exported.format).toBe('fleece-prompts');
  expect(exported.prompts).toEqual([
    expect.objectContaining({ name: 'Haiku', systemPrompt: 'Answer in a haiku.' }),
  ]);

  const bad = join(harness.dataDir, '..', `prompts-bad-${Date.now()}.json`);
  writeFileSync(bad, JSON.stringify({ format: 'fleece-prompts', version: 1, prompts: [{}] }));
  writeFileSync(join(harness.dataDir, HARNESS_OPEN_PATH_FILE), bad);
  await app.getByRole('button', { name: 'Import…' }).click();
  await expect(app.getByTestId('toast')).toContainText(
    'This is not a Fleece prompt file (problem at “prompts.0.name”)',
  );
  await expect(library.getByTestId('prompt-row').filter({ hasText: 'Haiku' })).toHaveCount(1);

  const good = join(harness.dataDir, '..', `prompts-good-${Date.now()}.json`);
  writeFileSync(
    good,
    JSON.stringify({
      ...exported,
      prompts: [...exported.prompts, { name: 'Limerick', systemPrompt: 'Answer in a limerick.' }],
    }),
  );
  writeFileSync(join(harness.dataDir, HARNESS_OPEN_PATH_FILE), good);
  await app.getByRole('button', { name: 'Import…' }).click();
  await expect(app.getByTestId('prompts-status')).toHaveText(
    'Prompts imported: 1. Already in the library, skipped: 1.',
  );
  await expect(library.getByTestId('prompt-row').nth(1)).toContainText('Limerick');

  // Deleting asks first.
  await library.getByRole('button', { name: 'Delete “Limerick”' }).click();
  await app
    .getByRole('dialog', { name: 'Delete “Limerick”?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(library.getByTestId('prompt-row').filter({ hasText: 'Limerick' })).toHaveCount(0);
});
