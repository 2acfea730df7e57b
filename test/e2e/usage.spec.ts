import { readFile } from 'node:fs/promises';
import { tokensScript } from '../fixtures/fake-relay';
import { expect, lastAssistant, sendMessage, setUpProfile, test } from './fixtures';

/**
 * Three answers with usage the fake relay reports, priced at $2 input / $8 output per million
 * tokens: 100k+50k → $0.60, 200k+25k → $0.60, 50k+100k → $0.90. The page must show exactly
 * $2.10, 3 answers and 525,000 tokens, in USD and then in yuan at the user's rate.
 */
const CHATS: [prompt: number, completion: number][] = [
  [100_000, 50_000],
  [200_000, 25_000],
  [50_000, 100_000],
];

test('the Usage page shows the exact totals of priced chats', async ({ app, relay }) => {
  await setUpProfile(app, relay, 'gpt-4.1');

  // The default table knows GPT-4.1's output price only; add the input price.
  await app.getByRole('button', { name: 'Usage' }).click();
  await expect(app.getByRole('heading', { name: 'Usage and cost', level: 1 })).toBeVisible();
  await expect(app.getByTestId('usage-answers')).toHaveText('0');
  await app.getByLabel('Input price: gpt-4.1').fill('2');
  await expect(app.getByLabel('Output price: gpt-4.1')).toHaveValue('8');
  await app.getByRole('button', { name: 'Save prices' }).click();
  await expect(app.getByText('Saved. New answers use these prices.')).toBeVisible();

  await app.getByRole('button', { name: 'New chat' }).click();
  for (const [i, [prompt_tokens, completion_tokens]] of CHATS.entries()) {
    relay.enqueue(
      tokensScript(['Rẻ ', 'hơn ', 'nhiều.'], {
        model: 'gpt-4.1',
        usage: { prompt_tokens, completion_tokens },
      }),
    );
    await sendMessage(app, `Câu hỏi ${i + 1}`);
    await expect(app.locator('[data-testid="message"][data-role="assistant"]')).toHaveCount(i + 1);
    await expect(lastAssistant(app)).toHaveAttribute('data-status', 'complete');
  }

  await app.getByRole('button', { name: 'Usage' }).click();
  await expect(app.getByTestId('usage-spent')).toHaveText('$2.10');
  await expect(app.getByTestId('usage-answers')).toHaveText('3');
  await expect(app.getByTestId('usage-tokens')).toHaveText('525,000');
  // "This month" is the month so far: no second card with the same figure.
  await expect(app.getByTestId('usage-mtd')).toHaveCount(0);
  await app.getByRole('combobox', { name: 'Range' }).selectOption({ label: 'Last 30 days' });
  await expect(app.getByTestId('usage-mtd')).toHaveText('$2.10');
  await app.getByRole('combobox', { name: 'Range' }).selectOption({ label: 'This month' });
  await expect(app.getByTestId('usage-mtd')).toHaveCount(0);
  const model = app.getByTestId('usage-model-row');
  await expect(model).toHaveCount(1);
  await expect(model.getByRole('rowheader')).toHaveText('gpt-4.1');
  await expect(model.getByRole('cell')).toHaveText([
    '3',
    '350,000',
    '175,000',
    '$2.10',
    /ms|s$/,
    /ms|s$/,
    /\d|—/,
  ]);
  // The accessible table beside the chart has today's spend.
  const days = app.getByRole('table', { name: 'Spend per day' });
  await expect(days.getByRole('row').filter({ hasText: '$2.10' })).toHaveCount(1);
  await expect(app.getByRole('img', { name: /Bar chart of spend per day/ })).toBeVisible();

  // The same money in yuan at the user's rate (stored amounts stay in USD).
  await app.getByLabel('Show amounts in').selectOption('CNY');
  await expect(app.getByTestId('usage-spent')).toHaveText('CN¥14.91');
  await app.getByLabel('Yuan per US dollar').fill('7');
  await app.getByRole('button', { name: 'Save currency' }).click();
  await expect(app.getByTestId('usage-spent')).toHaveText('CN¥14.70');

  // A budget typed in yuan, 82 % used: shown as a warning, never a block.
  await app.getByLabel(/^Monthly budget for /).fill('18');
  await app.getByRole('button', { name: 'Save budgets' }).click();
  await expect(app.getByTestId('budget-status')).toHaveText(
    'CN¥14.70 of CN¥18.00 this month (82%)',
  );

  // CSV export: one row per answer, costs in USD and in yuan.
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^fleece-usage-\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toContain('cost_usd,cost_cny');
  const costs = lines.slice(1).map((l) => l.split(',').slice(9, 11).join(' '));
  expect(costs).toEqual(['0.6 4.2', '0.6 4.2', '0.9 6.3']);
});
