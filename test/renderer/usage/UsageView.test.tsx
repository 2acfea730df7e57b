import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageView } from '../../../src/renderer/src/components/usage/UsageView';
import { createAppStore } from '../../../src/renderer/src/store';
import type { UsageSettings, UsageSummary, UsageTotals } from '../../../src/shared/types/usage';
import { renderWithStore } from '../components/renderWithStore';
import { createFakeClient } from '../fakeClient';

beforeAll(() => {
  // jsdom has no layout; recharts' ResponsiveContainer only needs the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

const totals = (over: Partial<UsageTotals>): UsageTotals => ({
  answers: 0,
  promptTokens: 0,
  completionTokens: 0,
  costUsd: 0,
  pricedAnswers: 0,
  unpricedAnswers: 0,
  estimatedAnswers: 0,
  ...over,
});

const summary: UsageSummary = {
  range: { from: '2025-03-01', to: '2025-03-03', timeZone: 'UTC' },
  totals: totals({
    answers: 3,
    promptTokens: 3000,
    completionTokens: 1500,
    costUsd: 1.5,
    pricedAnswers: 2,
    unpricedAnswers: 1,
    estimatedAnswers: 1,
  }),
  days: [
    {
      day: '2025-03-01',
      ...totals({
        answers: 3,
        costUsd: 1.5,
        pricedAnswers: 2,
        promptTokens: 3000,
        completionTokens: 1500,
      }),
    },
    { day: '2025-03-02', ...totals({}) },
  ],
  models: [
    {
      model: 'gpt-4.1',
      ...totals({
        answers: 2,
        costUsd: 1.5,
        pricedAnswers: 2,
        promptTokens: 2000,
        completionTokens: 1000,
      }),
      ttftP50Ms: 420,
      ttftP95Ms: 1250,
      tokensPerSecond: 55.25,
      coverage: 'output_only',
    },
    {
      model: 'mystery',
      ...totals({
        answers: 1,
        unpricedAnswers: 1,
        estimatedAnswers: 1,
        promptTokens: 1000,
        completionTokens: 500,
      }),
      ttftP50Ms: null,
      ttftP95Ms: null,
      tokensPerSecond: null,
      coverage: 'none',
    },
  ],
  profiles: [{ profileId: 'gone', ...totals({ answers: 3, costUsd: 1.5, pricedAnswers: 2 }) }],
  monthToDate: { month: '2025-03', spentUsd: 1.5, projectedUsd: 23.25, elapsed: 2 / 31 },
  budgets: [],
  generatedAt: 0,
};

const settings: UsageSettings = {
  prices: [{ model: 'gpt-4.1', inputPerMTok: null, outputPerMTok: 8 }],
  pricesAreDefault: true,
  currency: 'CNY',
  rates: { CNY: 7, VND: 25_000 },
  budgets: {},
};

describe('Usage page', () => {
  it('shows totals in the chosen currency, "—" for unpriced models, marks and a table beside the chart', async () => {
    const fake = createFakeClient({
      'usage.settings.get': () => settings,
      'usage.summary': () => summary,
    });
    const store = createAppStore(fake.client, () => Date.UTC(2025, 2, 2, 12));
    renderWithStore(<UsageView />, store, fake.client);
    expect(await screen.findByTestId('usage-spent')).toHaveTextContent('CN¥10.50');
    expect(screen.getByTestId('usage-answers')).toHaveTextContent('3');
    expect(screen.getByTestId('usage-tokens')).toHaveTextContent('≈ 4,500');
    expect(screen.getByTestId('usage-projected')).toHaveTextContent('CN¥162.75');
    expect(
      screen.getByText('Answers without a price (not included in the totals): 1.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/^† Output tokens only/)).toBeInTheDocument();

    const rows = screen.getAllByTestId('usage-model-row');
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '2,000', '1,000', 'CN¥10.50 †', '420 ms', '1.3 s', '55']);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '1,000 ≈', '500 ≈', '—', '—', '—', '—']);
    expect(screen.getByTestId('usage-profiles-table')).toHaveTextContent('Deleted profile (gone)');
    const days = screen.getByRole('table', { name: 'Spend per day' });
    expect(within(days).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('img', { name: /Bar chart of spend per day/ })).toBeInTheDocument();
  });

  it('saves an edited price table with blank prices as unknown', async () => {
    const fake = createFakeClient({
      'usage.settings.get': () => settings,
      'usage.summary': () => summary,
      'prices.update': ({ prices }) => prices,
    });
    const store = createAppStore(fake.client, () => Date.UTC(2025, 2, 2, 12));
    renderWithStore(<UsageView />, store, fake.client);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Input price: gpt-4.1'), '2');
    await user.click(screen.getByRole('button', { name: 'Add a model' }));
    await user.type(screen.getByLabelText('Model name 2'), 'deepseek-chat');
    await user.type(screen.getByLabelText('Output price: deepseek-chat'), '0.42');
    await user.click(screen.getByRole('button', { name: 'Save prices' }));
    expect(await screen.findByText('Saved. New answers use these prices.')).toBeInTheDocument();
    expect(fake.calls.find((c) => c.route === 'prices.update')?.input).toEqual({
      prices: [
        { model: 'gpt-4.1', inputPerMTok: 2, outputPerMTok: 8 },
        { model: 'deepseek-chat', inputPerMTok: null, outputPerMTok: 0.42 },
      ],
    });
  });

  it('shows context sizes in groups of three digits and saves them as numbers', async () => {
    const fake = createFakeClient({
      'usage.settings.get': () => ({
        ...settings,
        prices: [
          { model: 'gpt-4.1', inputPerMTok: null, outputPerMTok: 8, contextTokens: 200_000 },
        ],
      }),
      'usage.summary': () => summary,
      'prices.update': ({ prices }) => prices,
    });
    const store = createAppStore(fake.client, () => Date.UTC(2025, 2, 2, 12));
    renderWithStore(<UsageView />, store, fake.client);
    const user = userEvent.setup();
    expect(await screen.findByLabelText('Context (tokens): gpt-4.1')).toHaveValue('200\u202f000');
    await user.click(screen.getByRole('button', { name: 'Add a model' }));
    await user.type(screen.getByLabelText('Model name 2'), 'deepseek-chat');
    // Blank: the size Fleece knows for the model is the placeholder, grouped the same way.
    const known = screen.getByLabelText('Context (tokens): deepseek-chat');
    expect(known).toHaveAttribute('placeholder', '128\u202f000');
    await user.type(known, '64 000');
    await user.click(screen.getByRole('button', { name: 'Save prices' }));
    expect(await screen.findByText('Saved. New answers use these prices.')).toBeInTheDocument();
    expect(fake.calls.find((c) => c.route === 'prices.update')?.input).toEqual({
      prices: [
        { model: 'gpt-4.1', inputPerMTok: null, outputPerMTok: 8, contextTokens: 200_000 },
        { model: 'deepseek-chat', inputPerMTok: null, outputPerMTok: null, contextTokens: 64_000 },
      ],
    });
  });
});
