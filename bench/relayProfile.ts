import type { Page } from '@playwright/test';

/**
 * Points the app at the fake relay: a custom profile with its key, made active, then the page
 * reloaded so it starts on it. Through the contract rather than the onboarding form, because the
 * shared history (bench/seed.ts) may already hold a profile from an earlier benchmark.
 */
export async function useRelayProfile(page: Page, baseUrl: string, key: string): Promise<void> {
  const made = await page.evaluate<{ ok: boolean; error?: unknown }>(`(async () => {
    const made = await window.fleece.invoke('profiles.create', {
      preset: 'custom', name: 'Benchmark relay', baseUrl: ${JSON.stringify(baseUrl)}, defaultModel: 'deepseek-chat',
    });
    if (!made.ok) return made;
    const keyed = await window.fleece.invoke('keys.set', { profileId: made.data.id, key: ${JSON.stringify(key)} });
    if (!keyed.ok) return keyed;
    return window.fleece.invoke('profiles.setActive', { id: made.data.id });
  })()`);
  if (!made.ok)
    throw new Error(`could not set up the relay profile: ${JSON.stringify(made.error)}`);
  await page.reload();
}
