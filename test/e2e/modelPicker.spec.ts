import type { Page } from '@playwright/test';
import { startFakeRelay, tokensScript, type FakeRelay } from '../fixtures/fake-relay';
import { TEST_KEY, expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

/**
 * A second profile, made through the same contract the Settings screen uses (the profile dialog
 * has specs of its own): a keyless server on loopback, like a local Ollama.
 */
async function addKeylessProfile(page: Page, name: string, baseUrl: string): Promise<void> {
  const res = await page.evaluate(
    ([n, url]) =>
      (
        window as unknown as {
          fleece: { invoke: (route: string, input: unknown) => Promise<{ ok: boolean }> };
        }
      ).fleece.invoke('profiles.create', {
        preset: 'custom',
        name: n,
        baseUrl: url,
        requiresKey: false,
      }),
    [name, baseUrl] as const,
  );
  expect(res.ok).toBe(true);
}

const chatRequests = (relay: FakeRelay) =>
  relay.requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');

test('the picker lists both profiles’ models, filters across them, and the chosen one answers', async ({
  app,
  relay,
}) => {
  const local = await startFakeRelay({ models: ['qwen3:8b', 'llama3.1:8b', 'gpt-4o-mini'] });
  try {
    await setUpProfile(app, relay, 'deepseek-chat');
    await addKeylessProfile(app, 'Local box', local.baseUrl);

    const trigger = app.getByRole('combobox', { name: 'Model', exact: true });
    await expect(trigger).toContainText('deepseek-chat');
    // Two profiles: the chat says which one it uses.
    await expect(app.getByTestId('model-trigger-profile')).toHaveText('Custom');

    await trigger.click();
    const search = app.getByRole('combobox', { name: 'Search by name or profile' });
    await expect(search).toBeFocused();
    const list = app.getByRole('listbox', { name: 'Models' });
    const rows = list.getByTestId('model-option');
    // Every model of both servers, grouped under each profile's name.
    await expect(rows).toHaveCount(6);
    await expect(list.getByRole('group')).toHaveCount(2);
    await expect(list).toContainText('Local box');
    await expect(rows.filter({ hasText: 'qwen3:8b' })).toContainText('Reasoning');

    // One query finds models on both servers.
    await search.fill('gpt-4o');
    await expect(rows).toHaveCount(2);
    await expect(list.getByRole('group')).toHaveCount(2);
    // The profile's name filters too.
    await search.fill('local llama');
    await expect(rows).toHaveCount(1);
    await search.fill('qwen');
    await expect(rows).toHaveCount(1);
    await app.keyboard.press('Enter');
    await expect(list).toBeHidden();
    await expect(trigger).toContainText('qwen3:8b');
    await expect(app.getByTestId('model-trigger-profile')).toHaveText('Local box');

    local.enqueue(tokensScript(['Xin chào ', 'from the local box.']));
    await sendMessage(app, 'Which server are you?');
    await expect(lastAssistant(app)).toContainText('from the local box.');
    const sent = chatRequests(local);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ model: 'qwen3:8b' });
    expect(chatRequests(relay)).toHaveLength(0);

    // A new chat starts on the active profile with its default model; the conversation keeps its own.
    await app.getByRole('button', { name: 'New chat' }).click();
    await expect(trigger).toContainText('deepseek-chat');
    await expect(app.getByTestId('model-trigger-profile')).toHaveText('Custom');
    await app.getByRole('button', { name: 'Which server are you?', exact: true }).click();
    await expect(trigger).toContainText('qwen3:8b');
    await expect(app.getByTestId('model-trigger-profile')).toHaveText('Local box');

    // Recently used comes first the next time.
    await trigger.click();
    await expect(rows.first()).toContainText('qwen3:8b');
    await expect(list).toContainText('Recent');
    await app.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(trigger).toBeFocused();
  } finally {
    await local.close();
  }
});

test('a relay listing 300,000 models: the picker opens on a bounded list, filters and picks', async ({
  app,
}) => {
  const names = Array.from({ length: 300_000 }, (_, i) => `model-${String(i).padStart(6, '0')}`);
  const big = await startFakeRelay({ apiKey: TEST_KEY, models: names, idsOnly: true });
  try {
    await setUpProfile(app, big, 'model-000001');
    const trigger = app.getByRole('combobox', { name: 'Model', exact: true });
    await trigger.click();
    const list = app.getByRole('listbox', { name: 'Models' });
    const rows = list.getByTestId('model-option');
    // Far fewer rows than names, and a note that says how to reach the rest.
    await expect(app.getByTestId('model-options-hidden')).toContainText(
      'more models match: type part of a name to narrow the list.',
    );
    // A few hundred rows at most (the unit tests pin the exact cap).
    expect(await rows.count()).toBeLessThanOrEqual(300);
    await expect(rows.first()).toBeVisible();

    const search = app.getByRole('combobox', { name: 'Search by name or profile' });
    await search.fill('model-000777');
    await expect(rows).toHaveCount(1);
    await expect(app.getByTestId('model-options-hidden')).toBeHidden();
    await app.keyboard.press('Enter');
    await expect(list).toBeHidden();
    await expect(trigger).toContainText('model-000777');

    // The composer works and the chosen model answers.
    await sendMessage(app, 'Which model?');
    await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
    expect(chatRequests(big).at(-1)?.body).toMatchObject({ model: 'model-000777' });
  } finally {
    await big.close();
  }
});
