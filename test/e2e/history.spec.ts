import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

test('search finds Vietnamese without diacritics and Chinese substrings, and jumps to the message', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Dùng ', 'relay ', 'giúp ', 'tiết ', 'kiệm ', 'chi ', 'phí.']));
  await sendMessage(app, 'Làm sao để tiết kiệm?');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await app.getByRole('button', { name: 'New chat' }).click();
  relay.enqueue(tokensScript(['中转站', '很', '便宜', '。']));
  await sendMessage(app, '介绍一下中转站');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  const search = app.getByRole('searchbox', { name: 'Search conversations' });
  await search.fill('tiet kiem');
  const results = app.getByTestId('search-result');
  await expect(results.first()).toBeVisible();
  await expect(results.first().locator('mark').first()).toHaveText(/tiết/i);
  await results.filter({ hasText: 'chi phí' }).first().click();
  await expect(app.locator('.message-row-focus')).toContainText('tiết kiệm chi phí');

  await search.fill('中转');
  await expect(results.first()).toContainText('中转');
  await search.fill('');
  await expect(app.getByTestId('conversation')).toHaveCount(2);
});

test('history survives a restart of the harness', async ({ app, relay, harness }) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['Persisted ', 'answer.']));
  await sendMessage(app, 'Remember this');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await harness.restart();
  await app.goto(harness.url);
  await app.getByRole('button', { name: 'Remember this', exact: true }).click();
  await expect(lastAssistant(app)).toContainText('Persisted answer.');
  await expect(app.locator('[data-role="user"]')).toContainText('Remember this');
});

test('the language switch translates the interface', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'General' }).click();
  await app.getByLabel('Language').selectOption('vi');
  await expect(app.getByRole('button', { name: 'Trò chuyện mới' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'vi');
  await app.getByLabel('Ngôn ngữ').selectOption('zh-CN');
  await expect(app.getByRole('button', { name: '新对话' })).toBeVisible();
  await app.getByLabel('语言').selectOption('en');
  await expect(app.getByRole('button', { name: 'New chat' })).toBeVisible();
});

test('a conversation exports to Markdown from its menu', async ({ app, relay }) => {
  await setUpProfile(app, relay);
  relay.enqueue(tokensScript(['**Bold** ', 'answer.']));
  await sendMessage(app, 'Export me');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await app.getByRole('button', { name: 'More actions for “Export me”' }).click();
  const downloadPromise = app.waitForEvent('download');
  await app.getByRole('menuitem', { name: 'Export as Markdown' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Export me.md');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(path, 'utf8');
  expect(text).toContain('Export me');
  expect(text).toContain('**Bold** answer.');
});

test('search groups hits per conversation with their kind, shows Markdown as text, and highlights the words in the opened answer', async ({
  app,
  relay,
}) => {
  await setUpProfile(app, relay);
  relay.enqueue(
    tokensScript([
      '## Kết quả\n\n',
      'Dùng relay giúp **tiết ',
      'kiệm** chi phí, xem [bảng giá](https://example.com).\n\n',
      '中转站很便宜。',
    ]),
  );
  await sendMessage(app, 'Làm sao để tiết kiệm?');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  await app.getByRole('button', { name: 'New chat' }).click();
  relay.enqueue(tokensScript(['Không liên quan.']));
  await sendMessage(app, 'Một câu hỏi khác về tiết kiệm');
  await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');

  const search = app.getByRole('searchbox', { name: 'Search conversations' });
  await search.fill('tiet kiem');
  const groups = app.getByTestId('search-group');
  await expect(groups).toHaveCount(2);
  const first = groups.filter({ hasText: 'Làm sao để tiết kiệm?' });
  // Title, question and answer of one conversation under one header with their count.
  await expect(first.getByTestId('search-group-count')).toContainText('3');
  await expect(first.getByTestId('search-result-kind')).toHaveText(['Title', 'Answer', 'Question']);
  const answer = first.getByTestId('search-result').filter({ hasText: 'Answer' });
  await expect(answer).toContainText('Kết quả Dùng relay giúp tiết kiệm chi phí, xem bảng giá.');
  await expect(answer).not.toContainText('**');
  await expect(answer).not.toContainText('##');
  await expect(answer.locator('mark')).toHaveText(['tiết', 'kiệm']);

  await answer.click();
  await expect(app.locator('.message-row-focus')).toContainText('tiết kiệm chi phí');
  const highlighted = () =>
    app.evaluate(() => {
      const h = CSS.highlights.get('fleece-search');
      return h ? [...h].map((r) => r.toString()) : [];
    });
  await expect.poll(highlighted).toEqual(['tiết', 'kiệm']);

  // A Chinese substring highlights inside the longer word.
  await search.fill('中转');
  // As below: click a result of this search, not one of "tiet kiem" still shown while it runs.
  const chinese = app.getByTestId('search-result').filter({ hasText: 'Answer' }).first();
  await expect(chinese.locator('mark')).toHaveText(['中转']);
  await chinese.click();
  await expect.poll(highlighted).toEqual(['中转']);

  // A new search, or leaving the conversation, removes the highlight.
  await search.fill('tiet');
  await expect.poll(highlighted).toEqual([]);
  await search.fill('tiet kiem');
  // Click the results of this search, not those of "tiet" still shown while it runs.
  await expect(answer.locator('mark')).toHaveText(['tiết', 'kiệm']);
  await answer.click();
  await expect.poll(highlighted).toEqual(['tiết', 'kiệm']);
  await app.getByRole('button', { name: 'New chat' }).click();
  await expect.poll(highlighted).toEqual([]);
});
