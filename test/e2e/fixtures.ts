import { test as base, expect, type Page } from '@playwright/test';
import { startFakeRelay, type FakeRelay } from '../fixtures/fake-relay';
import { startHarnessProcess, type HarnessProcess } from './harnessProcess';
import { PROBE_PROMPT } from '../../src/main/relay/probe-prompt';

export const TEST_KEY = 'hsa-e2e-0123456789abcdef3f9a';

export interface Fixtures {
  relay: FakeRelay;
  harness: HarnessProcess;
  /** The app open in Chromium, through the harness, with no profile yet. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  relay: async ({}, use) => {
    const relay = await startFakeRelay({ apiKey: TEST_KEY });
    await use(relay);
    await relay.close();
  },
  // eslint-disable-next-line no-empty-pattern
  harness: async ({}, use) => {
    // The specs check what reaches the keychain: they run under scripts/with-keyring.sh.
    const harness = await startHarnessProcess({ secrets: 'keychain' });
    await use(harness);
    await harness.stop();
  },
  app: async ({ page, harness }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(harness.url);
    // Ready once the sidebar is drawn (the language and preferences have loaded).
    await expect(page.getByRole('navigation', { name: /./ })).toBeVisible();
    await use(page);
    // A CSP violation, a failed bridge call or an uncaught exception fails the test.
    expect(errors, 'browser errors').toEqual([]);
  },
});

export { expect };

/** Completes onboarding with a Custom profile pointing at the fake relay. */
export async function setUpProfile(
  page: Page,
  relay: FakeRelay,
  model = 'deepseek-chat',
): Promise<void> {
  await page.getByLabel('Provider').selectOption('custom');
  await page.getByLabel('Base URL').fill(relay.baseUrl);
  await page.getByLabel('API key').fill(TEST_KEY);
  await page.getByLabel('Model').fill(model);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
}

/** Picks a model in the chat's model picker: open it, type the name, Enter. */
export async function chooseModel(page: Page, model: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model', exact: true }).click();
  await page.getByRole('combobox', { name: 'Search by name or profile' }).fill(model);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toContainText(model);
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

export function messages(page: Page) {
  return page.getByTestId('message');
}

export function lastAssistant(page: Page) {
  return page.locator('[data-testid="message"][data-role="assistant"]').last();
}

/**
 * The chat requests the relay received for conversations: check on save's short probe answer
 * (sent when a model is known) is left out.
 */
export function chatRequests(relay: FakeRelay) {
  return relay.requests.filter((r) => {
    if (r.method !== 'POST' || !r.path.endsWith('/chat/completions')) return false;
    const body = r.body as { messages?: { content?: unknown }[] } | undefined;
    return body?.messages?.[0]?.content !== PROBE_PROMPT;
  });
}
