import type { Page } from '@playwright/test';
import { tokensScript, type FakeRelay } from '../fixtures/fake-relay';
import { chatRequests, expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

test('a message streams its full answer token by token', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  const tokens = ['Xin ', 'chào! ', 'Tiết ', 'kiệm ', 'chi ', 'phí ', 'với ', '中转站 ', '🎉'];
  // Slow enough that the streaming state is seen on a busy machine.
  relay.enqueue(tokensScript(tokens, { delayMs: 150 }));
  await sendMessage(app, 'Chào bạn');
  const answer = lastAssistant(app);
  await expect(answer).toHaveAttribute('data-status', 'streaming');
  // Part of the answer shows while the stream is still going.
  await expect(answer).toContainText('Xin chào!');
  await expect(answer).toHaveAttribute('data-status', 'complete');
  await expect(answer).toContainText(tokens.join(''));
  await expect(app.locator('[data-role="user"]').last()).toContainText('Chào bạn');
  const request = chatRequests(relay)[0];
  expect(request?.headers['authorization']).toBe('Bearer hsa-e2e-0123456789abcdef3f9a');
  expect(request?.body).toMatchObject({ model: 'deepseek-chat', stream: true });
});

test('stop midway keeps the partial answer', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  const tokens = Array.from({ length: 200 }, (_, i) => `w${i} `);
  relay.enqueue(tokensScript(tokens, { delayMs: 40 }));
  await sendMessage(app, 'Write a long text');
  const answer = lastAssistant(app);
  await expect(answer).toContainText('w5 ');
  await app.getByRole('button', { name: 'Stop' }).first().click();
  await expect(answer).toHaveAttribute('data-status', 'stopped');
  const text = (await answer.locator('.message-body').innerText()).trim();
  expect(text.startsWith('w0 w1 w2 w3 w4 w5')).toBe(true);
  expect(text).not.toContain('w199');
  // The partial answer is what was saved: it survives a reload.
  await app.reload();
  await app.getByTestId('conversation').first().getByRole('button').first().click();
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'stopped');
  await expect(lastAssistant(app)).toContainText('w0 w1 w2 w3 w4 w5');
  await expect(app.getByRole('button', { name: 'Continue' })).toBeVisible();
});

test('the title is renamed in place in the header', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Một ', 'câu ', 'trả ', 'lời.']));
  await sendMessage(app, 'Kế hoạch tiết kiệm');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  const chat = app.getByRole('region', { name: 'Conversation' });
  await chat.getByRole('button', { name: 'Rename' }).click();
  const field = chat.getByRole('textbox', { name: 'Conversation title' });
  await expect(field).toBeFocused();
  await field.fill('  Ngân sách 2026  ');
  await field.press('Enter');
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Ngân sách 2026');
  // The sidebar shows the new title, and it was saved: it survives a reload.
  await expect(app.getByRole('button', { name: 'Ngân sách 2026', exact: true })).toBeVisible();
  await app.reload();
  await app.getByRole('button', { name: 'Ngân sách 2026', exact: true }).click();
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Ngân sách 2026');

  // F2 opens the field from the conversation; Escape leaves the title as it was.
  await app.getByRole('log', { name: 'Messages' }).focus();
  await app.keyboard.press('F2');
  await expect(field).toBeFocused();
  await field.fill('Not kept');
  await field.press('Escape');
  await expect(chat.getByRole('heading', { level: 1 })).toHaveText('Ngân sách 2026');
});

test('the view stays at the end of the conversation when the window or the composer changes height', async ({
  app,
  relay,
}) => {
  const { list, below } = await longAnswerAtTheEnd(app, relay);

  // A shorter window: the last lines stay in view.
  const size = app.viewportSize() ?? { width: 1280, height: 800 };
  await app.setViewportSize({ width: size.width, height: size.height - 250 });
  await expect.poll(below).toBeLessThan(2);

  // A composer that grows with a message of several lines does the same.
  const composer = app.getByRole('textbox', { name: 'Message' });
  await composer.fill('one\ntwo\nthree\nfour\nfive\nsix');
  await expect.poll(() => composer.evaluate((el) => el.clientHeight)).toBeGreaterThan(80);
  await expect.poll(below).toBeLessThan(2);

  // A reader who scrolled up is left where they are.
  await list.evaluate((el) => el.scrollBy(0, -600));
  await expect.poll(below).toBeGreaterThan(500);
  await app.setViewportSize(size);
  await app.waitForTimeout(300);
  expect(await below()).toBeGreaterThan(300);
});

test('a question sent at the end of a long conversation, taller than a usual one, and its answer are followed into view', async ({
  app,
  relay,
}) => {
  const { below } = await longAnswerAtTheEnd(app, relay);

  // Twelve lines of question: its row is measured only once it is on the page.
  const question = Array.from({ length: 12 }, (_, i) => `Điểm ${i + 1}: chi phí 第${i + 1}项`).join(
    '\n',
  );
  relay.enqueue(tokensScript(['Đã rõ. ', '明白了。'], { delayMs: 2 }));
  await sendMessage(app, question);
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await expect(lastAssistant(app)).toContainText('明白了。');
  await expect.poll(below).toBeLessThan(2);
  const asked = app.locator('[data-testid="message"][data-role="user"]').last();
  await expect(asked).toContainText('Điểm 12: chi phí 第12项');
  await expect(asked).toBeInViewport();
  await expect(lastAssistant(app)).toBeInViewport();
});

/**
 * A conversation whose one answer is 60 paragraphs long, streamed to its end; `below` is how far
 * the message list's view is from its end, in pixels (the view starts there).
 */
async function longAnswerAtTheEnd(app: Page, relay: FakeRelay) {
  await setUpProfile(app, relay);
  const lines = Array.from({ length: 60 }, (_, i) => `Line ${i + 1} of a long answer.\n\n`);
  relay.enqueue(tokensScript(lines, { delayMs: 5 }));
  await sendMessage(app, 'A long answer, please');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  const list = app.getByRole('log', { name: 'Messages' });
  const below = (): Promise<number> =>
    list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  await expect.poll(below).toBeLessThan(2);
  return { list, below };
}
