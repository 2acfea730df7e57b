import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HARNESS_OPEN_PATH_FILE } from '../harness/openDialogHook';
import { expect, setUpProfile, test } from './fixtures';

function exportWith(conversations: number, version = 1): string {
  return JSON.stringify({
    format: 'fleece-history',
    version,
    exportedAt: 1,
    conversations: Array.from({ length: conversations }, (_, c) => ({
      id: `imp-${c}`,
      title: `Nhập ${c}`,
      createdAt: 1_700_000_000_000 + c,
      updatedAt: 1_700_000_000_000 + c,
      messages: [
        { id: `imp-${c}-u`, role: 'user', content: `câu hỏi ${c}`, createdAt: 1, updatedAt: 1 },
        {
          id: `imp-${c}-a`,
          role: 'assistant',
          content: `trả lời ${c}`,
          createdAt: 2,
          updatedAt: 2,
        },
      ],
    })),
  });
}

test('import: the file chosen in main’s dialog is imported in the background, and a newer export says so', async ({
  app,
  relay,
  harness,
}) => {
  await setUpProfile(app, relay);
  const file = join(harness.dataDir, '..', `import-${Date.now()}.json`);
  writeFileSync(file, exportWith(450));
  writeFileSync(join(harness.dataDir, HARNESS_OPEN_PATH_FILE), file);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('button', { name: 'Import conversations (JSON)' }).click();
  await expect(
    app.getByText('Imported 450 new conversations and 900 messages (0 already present).'),
  ).toBeVisible();

  writeFileSync(file, exportWith(1, 7));
  writeFileSync(join(harness.dataDir, HARNESS_OPEN_PATH_FILE), file);
  await app.getByRole('button', { name: 'Import conversations (JSON)' }).click();
  await expect(
    app.getByText('This export was made by a newer version of Fleece (format 7).', {
      exact: false,
    }),
  ).toBeVisible();
});
