import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, HOLYSHEEP, listPresets, PRESETS } from '../../../src/shared/rules/presets';
import enSettings from '../../../src/renderer/src/i18n/en/settings';
import viSettings from '../../../src/renderer/src/i18n/vi/settings';
import zhSettings from '../../../src/renderer/src/i18n/zh-CN/settings';

describe('provider presets (one module for main and the window)', () => {
  it('imports nothing but types: both processes can load it as it is', () => {
    const source = readFileSync('src/shared/rules/presets.ts', 'utf8');
    const imports = [...source.matchAll(/^import .*$/gm)].map((m) => m[0]);
    expect(imports.every((line) => line.startsWith('import type '))).toBe(true);
  });

  it('HolySheep first and the default; every id matches its key', () => {
    expect(DEFAULT_PRESET).toBe('holysheep');
    expect(listPresets()[0]?.id).toBe('holysheep');
    for (const [id, preset] of Object.entries(PRESETS)) expect(preset.id).toBe(id);
  });

  it('labels are proper names, or a key translated in en, vi and zh-CN', () => {
    for (const preset of listPresets()) {
      if (preset.labelKey === undefined) {
        expect(preset.label, preset.id).toMatch(/^[A-Z][A-Za-z ]+$/);
        continue;
      }
      const [group, name] = preset.labelKey.split('.') as ['presets', 'custom'];
      const texts = [enSettings, viSettings, zhSettings].map((c) => c[group][name]);
      expect(texts.every((t) => t.length > 0)).toBe(true);
      expect(new Set(texts).size).toBe(3);
    }
    expect(PRESETS.custom.labelKey).toBe('presets.custom');
  });

  it('key pages are fixed https links; the HolySheep one comes from its one place', () => {
    expect(PRESETS.holysheep.keyUrl).toBe(HOLYSHEEP.keyUrl);
    for (const preset of listPresets()) {
      if (preset.keyUrl === undefined) continue;
      expect(new URL(preset.keyUrl).protocol, preset.id).toBe('https:');
    }
  });

  it('listPresets hands out copies: a change to one does not reach the table', () => {
    const first = listPresets()[0] as { label: string };
    first.label = 'Changed';
    expect(PRESETS.holysheep.label).toBe('HolySheep');
  });
});
