import { tokensScript } from '../fixtures/fake-relay';
import { chatRequests, expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';
import { startHarnessProcess } from './harnessProcess';

test('after the first answer a model writes a plain title; the switch in Settings turns it off', async ({
  page,
  relay,
}) => {
  const harness = await startHarnessProcess({ secrets: 'memory', autoTitles: true });
  try {
    await page.goto(harness.url);
    await setUpProfile(page, relay);
    relay.enqueue(
      tokensScript(['Turn off ', 'the air conditioner.']),
      tokensScript(['**Saving power', ' at home**.']),
    );
    await sendMessage(page, 'How do I **save** power?');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
    const sidebar = page.getByRole('navigation', { name: /./ });
    await expect(
      sidebar.getByRole('button', { name: 'Saving power at home', exact: true }),
    ).toBeVisible();
    const chats = chatRequests(relay);
    expect(chats).toHaveLength(2);
    expect(JSON.stringify(chats[1]?.body)).toContain('Write a short title');
    // The answer's own prompt never carries the title request.
    expect(JSON.stringify(chats[0]?.body)).not.toContain('Write a short title');

    // Off: the next conversation keeps its first question as title, and nothing more is asked.
    await page.getByRole('button', { name: 'Settings' }).first().click();
    await page.getByRole('tab', { name: /General/ }).click();
    const toggle = page.getByRole('switch', { name: 'Generate titles' });
    await expect(toggle).toBeChecked();
    await toggle.click();
    await expect(toggle).not.toBeChecked();
    await page.getByRole('button', { name: 'New chat' }).click();
    relay.enqueue(tokensScript(['Use LED bulbs.']));
    await sendMessage(page, 'Anything else?');
    await expect(lastAssistant(page)).toHaveAttribute('data-status', 'complete');
    await expect(
      sidebar.getByRole('button', { name: 'Anything else?', exact: true }),
    ).toBeVisible();
    expect(chatRequests(relay)).toHaveLength(3);
  } finally {
    await harness.stop();
  }
});
