import type { Locator, Page } from '@playwright/test';
import {
  completionChunk,
  tokensScript,
  type FakeRelay,
  type RecordedRequest,
  type Script,
} from '../fixtures/fake-relay';
import {
  chatRequests,
  expect,
  lastAssistant,
  messages,
  sendMessage,
  setUpProfile,
  test,
} from './fixtures';

/** What each model answers: its own text, so the columns differ. */
function answerOf(model: string): string {
  return `Answer from ${model}.`;
}

/**
 * Every chat request gets an answer naming its model; `hanging` models write a few words and
 * then hold the stream open (until the app stops it).
 */
function answerPerModel(relay: FakeRelay, hanging: readonly string[] = []): void {
  relay.setDefault((request: RecordedRequest): Script => {
    const model = (request.body as { model?: string } | undefined)?.model ?? 'unknown';
    if (!hanging.includes(model))
      return tokensScript(['Answer ', 'from ', `${model}.`], { model, delayMs: 5 });
    return {
      type: 'stream',
      steps: [
        { data: completionChunk({ role: 'assistant', content: '', model }) },
        { data: completionChunk({ content: 'Still ', model }) },
        { data: completionChunk({ content: 'thinking', model }) },
        'hang',
      ],
    };
  });
}

function group(app: Page): Locator {
  return app.getByTestId('compare-group');
}

function column(app: Page, model: string): Locator {
  return group(app).locator(`[data-testid="compare-column"][data-model="${model}"]`);
}

/** Opens compare mode from the composer and ticks the given models in the picker. */
async function compareModels(app: Page, models: readonly string[]): Promise<void> {
  await app
    .getByRole('group', { name: 'Message options' })
    .getByRole('button', { name: 'Compare models' })
    .click();
  for (const model of models)
    await app.getByTestId('model-option').filter({ hasText: model }).first().click();
}

test('ask three models through the fake relay, stop one, keep the second and go on with it', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  answerPerModel(relay, ['claude-3.5-sonnet']);
  const before = chatRequests(relay).length;

  // Compare mode starts with the model in use; two more are ticked.
  await compareModels(app, ['gpt-4o', 'claude-3.5-sonnet']);
  await expect(app.getByTestId('compare-count')).toHaveText('3 chosen · up to 4');

  // A fourth (typed) fills the four places: a fifth cannot be added.
  await app.getByRole('combobox', { name: 'Search by name or profile' }).fill('my-model');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('compare-count')).toHaveText('Up to 4 models at once');
  await app.getByRole('combobox', { name: 'Search by name or profile' }).fill('fifth-model');
  await expect(app.getByRole('option', { name: /fifth-model/ })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await app.getByRole('button', { name: 'Done' }).click();
  const chips = app.getByTestId('compare-chip');
  await expect(chips).toHaveCount(4);
  await app.getByRole('button', { name: 'Remove my-model' }).click();
  await expect(chips).toHaveCount(3);
  await expect(chips.nth(0)).toHaveAttribute('data-model', 'deepseek-chat');
  await expect(chips.nth(1)).toHaveAttribute('data-model', 'gpt-4o');
  await expect(chips.nth(2)).toHaveAttribute('data-model', 'claude-3.5-sonnet');

  await sendMessage(app, 'Which of you is best?');
  await expect(group(app)).toHaveCount(1);
  const columns = group(app).getByTestId('compare-column');
  await expect(columns).toHaveCount(3);
  // Each column is its model's answer, streamed on its own.
  for (const model of ['deepseek-chat', 'gpt-4o']) {
    const answer = column(app, model).getByTestId('message');
    await expect(answer).toHaveAttribute('data-status', 'complete');
    await expect(answer).toHaveText(answerOf(model));
    await expect(answer).toHaveAttribute('data-role', 'assistant');
  }
  const slow = column(app, 'claude-3.5-sonnet');
  await expect(slow.getByTestId('message')).toContainText('Still thinking');
  await expect(slow.getByTestId('message')).toHaveAttribute('data-status', 'streaming');
  // The model's own Stop, in its column; the others are done and offer Keep.
  await expect(column(app, 'gpt-4o').getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await slow.getByRole('button', { name: 'Stop' }).click();
  await expect(slow.getByTestId('message')).toHaveAttribute('data-status', 'stopped');
  for (const model of ['deepseek-chat', 'gpt-4o'])
    await expect(column(app, model).getByTestId('message')).toHaveAttribute(
      'data-status',
      'complete',
    );
  await expect(column(app, 'gpt-4o').getByTestId('compare-ttft')).not.toHaveText('—');
  expect(chatRequests(relay).length - before).toBe(3);
  // Until one is kept the conversation waits.
  await expect(app.getByTestId('compare-pending-note')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Send' })).toBeDisabled();

  // Keep the second: it is the answer on screen, the others its versions.
  await column(app, 'gpt-4o').getByRole('button', { name: 'Keep this answer' }).click();
  await expect(group(app)).toHaveCount(0);
  await expect(messages(app)).toHaveCount(2);
  await expect(lastAssistant(app)).toHaveText(new RegExp(answerOf('gpt-4o').replace('.', '\\.')));
  await expect(lastAssistant(app).getByTestId('version-position')).toHaveText('2 / 3');
  await expect(app.getByTestId('model-trigger-model')).toHaveText('gpt-4o');

  // The follow-up goes to the kept model, with the kept answer (and only it) in its prompt.
  await sendMessage(app, 'And then?');
  // The new turn first: until it shows, the last answer is the kept one, already complete.
  await expect(messages(app)).toHaveCount(4);
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(app)).toContainText(answerOf('gpt-4o'));
  const requests = chatRequests(relay);
  expect(requests.length - before).toBe(4);
  const body = requests.at(-1)?.body as { model: string; messages: unknown[] };
  expect(body.model).toBe('gpt-4o');
  expect(body.messages).toEqual([
    { role: 'user', content: 'Which of you is best?' },
    { role: 'assistant', content: answerOf('gpt-4o') },
    { role: 'user', content: 'And then?' },
  ]);

  // The Compare tab of the Usage page has a row per model compared.
  await app.getByTestId('sidebar').getByRole('button', { name: 'Usage', exact: true }).click();
  await app.getByRole('tab', { name: 'Compare' }).click();
  const rows = app.getByTestId('compare-stats-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.and(app.locator('[data-model="gpt-4o"]'))).toHaveCount(1);
  await expect(rows.and(app.locator('[data-model="deepseek-chat"]'))).toHaveCount(1);
  await expect(rows.and(app.locator('[data-model="claude-3.5-sonnet"]'))).toHaveCount(1);
  // Every figure in sight, unscrolled: in a wide window as a table, in a narrow one (the sidebar
  // open) as a card per row, each figure under its label.
  for (const width of [1280, 900]) {
    await app.setViewportSize({ width, height: 800 });
    for (const row of await rows.all())
      await expect(row.getByRole('cell').last()).toBeInViewport({ ratio: 1 });
  }
  await expect(rows.first().getByRole('cell').last()).toHaveCSS('display', 'block');
});

test('the columns stand side by side in a wide window and stack in a narrow one', async ({
  app,
  relay,
}) => {
  await app.setViewportSize({ width: 1400, height: 800 });
  await setUpProfile(app, relay);
  answerPerModel(relay);
  await compareModels(app, ['gpt-4o']);
  await app.keyboard.press('Escape');
  await sendMessage(app, 'Side by side?');
  const columns = group(app).getByTestId('compare-column');
  await expect(columns).toHaveCount(2);
  for (const model of ['deepseek-chat', 'gpt-4o'])
    await expect(column(app, model).getByTestId('message')).toHaveAttribute(
      'data-status',
      'complete',
    );
  const wide = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
  expect(wide[0] && wide[1]).toBeTruthy();
  expect(wide[1]!.x).toBeGreaterThan(wide[0]!.x + wide[0]!.width - 1);
  expect(Math.abs(wide[1]!.y - wide[0]!.y)).toBeLessThan(2);
  expect(Math.abs(wide[1]!.width - wide[0]!.width)).toBeLessThan(2);

  // The smallest window: one column under the other, each as wide as the group.
  await app.setViewportSize({ width: 900, height: 600 });
  await expect
    .poll(async () => {
      const [a, b] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
      return a && b ? b.y >= a.y + a.height - 1 && Math.abs(a.x - b.x) < 2 : false;
    })
    .toBe(true);

  // A reload shows the comparison still waiting for a choice.
  await app.reload();
  await app.getByRole('button', { name: 'Side by side?', exact: true }).click();
  await expect(group(app).getByTestId('compare-column')).toHaveCount(2);
  await expect(column(app, 'gpt-4o').getByTestId('message')).toHaveText(answerOf('gpt-4o'));
  await column(app, 'deepseek-chat').getByRole('button', { name: 'Keep this answer' }).click();
  await expect(group(app)).toHaveCount(0);
  await expect(lastAssistant(app)).toContainText(answerOf('deepseek-chat'));

  // In a conversation that goes on: the next question to two models, after the kept answer.
  const before = chatRequests(relay).length;
  await compareModels(app, ['claude-3.5-sonnet']);
  await app.keyboard.press('Escape');
  await sendMessage(app, 'And a second opinion?');
  await expect(group(app).getByTestId('compare-column')).toHaveCount(2);
  await expect(column(app, 'claude-3.5-sonnet').getByTestId('message')).toHaveText(
    answerOf('claude-3.5-sonnet'),
  );
  // Both answers done, so both requests have reached the relay.
  await expect(column(app, 'deepseek-chat').getByTestId('message')).toHaveAttribute(
    'data-status',
    'complete',
  );
  await expect(messages(app).first()).toContainText('Side by side?');
  const asked = chatRequests(relay).slice(before);
  expect(asked.map((r) => (r.body as { model: string }).model).sort()).toEqual([
    'claude-3.5-sonnet',
    'deepseek-chat',
  ]);
  for (const r of asked)
    expect((r.body as { messages: unknown[] }).messages).toEqual([
      { role: 'user', content: 'Side by side?' },
      { role: 'assistant', content: answerOf('deepseek-chat') },
      { role: 'user', content: 'And a second opinion?' },
    ]);
});
