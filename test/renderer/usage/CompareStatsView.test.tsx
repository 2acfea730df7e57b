import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CompareStatsView } from '../../../src/renderer/src/components/usage/CompareStatsView';
import { createAppStore } from '../../../src/renderer/src/store';
import type { CompareStats } from '../../../src/shared/types/compare';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from '../components/renderWithStore';

const stats: CompareStats = {
  comparisons: 3,
  rows: [
    {
      model: 'gpt-4o',
      profileId: 'p1',
      profileName: 'Relay',
      answers: 3,
      kept: 2,
      failed: 1,
      ttftMsMedian: 420,
      ttftMsP90: 1250,
      tokensPerSecondMedian: 61.25,
      costMean: 0.0042,
      estimated: false,
    },
    {
      model: 'qwen3:8b',
      profileId: null,
      profileName: null,
      answers: 3,
      kept: 0,
      failed: 0,
      ttftMsMedian: null,
      ttftMsP90: null,
      tokensPerSecondMedian: null,
      costMean: null,
      estimated: true,
    },
  ],
};

function show(answer: (last: number) => CompareStats) {
  const fake = createFakeClient({
    'compare.stats': ({ last }) => answer(last),
    'usage.settings.get': () => ({
      prices: [],
      pricesAreDefault: true,
      currency: 'USD',
      rates: { CNY: 7.1, VND: 25_400 },
      budgets: {},
    }),
  });
  const store = createAppStore(fake.client);
  renderWithStore(<CompareStatsView />, store, fake.client);
  return fake;
}

describe('CompareStatsView', () => {
  it('shows a row per model and profile, formatted like the Usage page, and loads another N', async () => {
    const fake = show(() => stats);
    const rows = await screen.findAllByTestId('compare-stats-row');
    expect(rows).toHaveLength(2);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('gpt-4o');
    expect(cells(rows[0]!)).toEqual([
      'Relay',
      '3 1 failed',
      '2 (67%)',
      '420 ms',
      '1.3 s',
      '61',
      '$0.0042',
    ]);
    expect(cells(rows[1]!)).toEqual(['Deleted profile', '3', '0 (0%)', '—', '—', '—', '—']);
    // In a narrow window each figure is shown under a label of its own: its column's heading.
    const headings = screen
      .getAllByRole('columnheader')
      .slice(1)
      .map((h) => h.textContent);
    expect(headings).toHaveLength(7);
    for (const row of rows)
      expect(
        within(row)
          .getAllByRole('cell')
          .map((c) => c.dataset['label']),
      ).toEqual(headings);
    expect(screen.getByText(/Comparisons counted: 3\./)).toBeTruthy();
    expect(fake.calls.find((c) => c.route === 'compare.stats')?.input).toEqual({ last: 20 });

    await userEvent.click(screen.getByRole('button', { name: /Comparisons counted/ }));
    await userEvent.click(await screen.findByRole('menuitemradio', { name: 'Last 50' }));
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.route === 'compare.stats').at(-1)?.input).toEqual({
        last: 50,
      }),
    );
  });

  it('says how to run a comparison when there is none', async () => {
    show(() => ({ comparisons: 0, rows: [] }));
    expect(await screen.findByText('No comparisons yet')).toBeTruthy();
    expect(screen.getByText(/choose 2 to 4 models and send a question/)).toBeTruthy();
    expect(screen.queryByTestId('compare-stats-table')).toBeNull();
  });
});
