import { copyFileSync, writeFileSync } from 'node:fs';
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
  const preview = app.getByRole('group', { name: 'Found in this Fleece export file' });
  await expect(preview).toContainText('450 conversations, 900 messages');
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
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

test('import: a ChatGPT export brings its branches as versions, the last seen on screen, and importing it twice adds nothing', async ({
  app,
  relay,
  harness,
}) => {
  await setUpProfile(app, relay);
  const file = join(harness.dataDir, '..', `conversations-${Date.now()}.json`);
  copyFileSync(join(import.meta.dirname, '../fixtures/imports/chatgpt-conversations.json'), file);
  await app.getByRole('button', { name: 'Settings', exact: true }).click();
  await app.getByRole('tab', { name: 'Data' }).click();
  for (const expected of [
    'Imported 2 new conversations and 7 messages (0 already present).',
    'Imported 0 new conversations and 0 messages (7 already present).',
  ]) {
    writeFileSync(join(harness.dataDir, HARNESS_OPEN_PATH_FILE), file);
    await app.getByRole('button', { name: 'Import conversations (JSON)' }).click();
    const preview = app.getByRole('group', { name: 'Found in this ChatGPT file' });
    // The edited question, its answer and the first of the regenerated answers are counted.
    await expect(preview).toContainText('2 conversations, 7 messages');
    const skipped = preview.getByTestId('import-skipped');
    await expect(skipped).toContainText('Tool calls and their results: 2');
    await expect(skipped).not.toContainText('other branches');
    await preview.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(app.getByText(expected)).toBeVisible();
  }
  await expect(app.getByTestId('import-skipped')).toContainText('Tool calls and their results: 2');

  // The branch last seen in ChatGPT is on screen; the edited question is a version to walk to.
  await app.getByRole('button', { name: 'Phở recipe', exact: true }).click();
  const shown = app.getByTestId('message');
  await expect(shown).toHaveCount(2);
  const question = shown.nth(0);
  await expect(question).toContainText('Cách nấu phở bò như trong ảnh?');
  await expect(question.getByTestId('version-position')).toHaveText('2 / 2');
  await expect(shown.nth(1)).toContainText('Ninh xương bò 6 tiếng');
  await question.getByRole('button', { name: 'Previous version' }).click();
  await expect(shown.nth(0)).toContainText('How do I make pho?');
  await expect(shown.nth(1)).toContainText('Pho is a noodle soup…');
  await expect(shown.nth(0).getByTestId('version-position')).toHaveText('1 / 2');
});
