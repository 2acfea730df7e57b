import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { ModelPicker } from '../../../src/renderer/src/components/chat/ModelPicker';
import {
  MAX_MODEL_OPTIONS,
  modelOptions,
} from '../../../src/renderer/src/components/chat/modelOptions';
import { createAppStore } from '../../../src/renderer/src/store';
import { createFakeClient } from '../fakeClient';
import { renderWithStore } from './renderWithStore';

const HUGE = Array.from(
  { length: 300_000 },
  (_, i) => `vendor/model-${String(i).padStart(6, '0')}`,
);

describe('modelOptions', () => {
  it('offers at most the cap and says how many were left out', () => {
    const { shown, hidden } = modelOptions(HUGE, '');
    expect(shown).toHaveLength(MAX_MODEL_OPTIONS);
    expect(shown[0]).toBe('vendor/model-000000');
    expect(hidden).toBe(300_000 - MAX_MODEL_OPTIONS);
  });

  it('narrows by what was typed, case-insensitively', () => {
    expect(modelOptions(HUGE, 'MODEL-12345')).toEqual({
      shown: Array.from({ length: 10 }, (_, i) => `vendor/model-12345${i}`),
      hidden: 0,
    });
  });

  it('the chosen model itself is not a filter', () => {
    const list = ['a', 'b', 'c'];
    expect(modelOptions(list, 'b')).toEqual({ shown: list, hidden: 0 });
  });
});

function Picker() {
  const [value, setValue] = useState('');
  return <ModelPicker value={value} onChange={setValue} />;
}

describe('ModelPicker with a 300,000-name list', () => {
  it('renders a bounded list and narrows it as the user types', async () => {
    const fake = createFakeClient({
      'models.list': () => ({ models: HUGE, fromCache: false, fetchedAt: 0 }),
    });
    const store = createAppStore(fake.client, () => 1000);
    store.setState({ activeProfileId: 'p1' });
    const { container } = renderWithStore(<Picker />, store, fake.client);
    await waitFor(() =>
      expect(container.querySelectorAll('#model-options option')).toHaveLength(MAX_MODEL_OPTIONS),
    );
    expect(screen.getByTestId('model-options-hidden')).toHaveTextContent('299,800 more models');
    fireEvent.change(screen.getByRole('combobox', { name: 'Model' }), {
      target: { value: 'model-29999' },
    });
    expect(container.querySelectorAll('#model-options option')).toHaveLength(10);
    expect(screen.queryByTestId('model-options-hidden')).toBeNull();
  });
});
