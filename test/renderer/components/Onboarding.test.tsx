import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Onboarding } from '../../../src/renderer/src/components/Onboarding';
import { createAppStore } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

function setup(state: Partial<ReturnType<ReturnType<typeof createAppStore>['getState']>>) {
  const fake = createFakeClient({});
  const store = createAppStore(fake.client, () => 1000);
  store.setState(state);
  renderWithStore(<Onboarding />, store, fake.client);
}

describe('first run', () => {
  it('says the key goes to the system keychain when there is one', () => {
    setup({ keysInSession: false });
    expect(screen.getByRole('heading', { name: 'Welcome to Fleece' })).toBeTruthy();
    expect(
      screen.getByText("Your key is kept in the system keychain, not in Fleece's files."),
    ).toBeTruthy();
    expect(screen.queryByText(/for this session only/)).toBeNull();
  });

  it('says the key is kept for this session only when there is no keychain', () => {
    setup({ keysInSession: true });
    expect(screen.getByText(/kept for this session only, never written to disk/)).toBeTruthy();
    expect(screen.queryByText(/kept in the system keychain/)).toBeNull();
  });

  it('offers what it found, each with its own button, above the fields', () => {
    setup({
      firstRun: {
        needsSetup: true,
        envImport: { keyMasked: 'sk-…3f9a', baseUrl: 'https://api.openai.com/v1' },
        local: [{ preset: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', models: ['qwen3:8b'] }],
      },
    });
    const env = screen.getByRole('region', { name: 'Key found in the environment' });
    expect(env.textContent).toContain('sk-…3f9a');
    expect(within(env).getByRole('button', { name: 'Import from environment' })).toBeTruthy();
    const local = screen.getByRole('region', { name: 'Local server found' });
    expect(local.textContent).toContain('Ollama is running at http://127.0.0.1:11434/v1');
    expect(within(local).getByRole('button', { name: 'Use this server' })).toBeTruthy();
    // The offers come before the form's first field.
    const provider = screen.getByLabelText('Provider');
    expect(local.compareDocumentPosition(provider) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
