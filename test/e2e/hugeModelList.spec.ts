import { startFakeRelay } from '../fixtures/fake-relay';
import { expect, setUpProfile, test } from './fixtures';

test('a relay listing 300,000 models: main keeps 10,000, says so, and the picker stays usable', async ({
  app,
}) => {
  const names = Array.from({ length: 300_000 }, (_, i) => `model-${String(i).padStart(6, '0')}`);
  const relay = await startFakeRelay();
  // Short entries (6.6 MB): the check on save, then the model list.
  for (let i = 0; i < 2; i++)
    relay.enqueueModels({
      type: 'response',
      status: 200,
      body: { data: names.map((id) => ({ id })) },
    });
  try {
    await setUpProfile(app, relay, 'model-000001');
    await expect(app.getByTestId('toast')).toContainText(
      'The relay listed 300,000 models; Fleece keeps the first 10,000.',
    );

    const trigger = app.getByRole('combobox', { name: 'Model', exact: true });
    await trigger.click();
    await app.getByRole('combobox', { name: 'Search by name or profile' }).fill('model-009999');
    const rows = app.getByRole('listbox', { name: 'Models' }).getByTestId('model-option');
    await expect(rows).toHaveCount(1);
    // Past the first 10,000 the names were left out in main.
    await app.getByRole('combobox', { name: 'Search by name or profile' }).fill('model-010000');
    await expect(rows).toHaveCount(0);
  } finally {
    await relay.close();
  }
});
