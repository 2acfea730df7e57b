import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { createI18n } from '../../../src/renderer/src/i18n';
import { useI18n } from '../../../src/renderer/src/i18n/useI18n';
import { chunkFailure } from '../../../src/renderer/src/lazyModule';

// The Chinese catalog, refused until a test lets it arrive (a file missing from the app, then back).
const catalog = vi.hoisted(() => ({ refused: true }));
vi.mock('../../../src/renderer/src/i18n/zh-CN/catalog', async (importOriginal) => {
  if (catalog.refused) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

afterEach(() => {
  chunkFailure.recovered('catalog:zh-CN');
  vi.restoreAllMocks();
});

describe('a language whose catalog did not arrive', () => {
  it('still says in that language that part of Fleece did not load', () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('chunkFailed.title')).toBe('Fleece 的部分界面未能加载。');
    expect(i18n.t('chunkFailed.reload')).toBe('重新加载');
    expect(i18n.t('notices.count', { index: 1, total: 2 })).toBe('第 1 条，共 2 条');
    // The rest is the bundled English until the catalog comes.
    expect(i18n.t('close')).toBe('Close');
  });

  it('is fetched again when the window is focused, and then shows', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { result } = renderHook(() => useI18n('zh-CN'));
    await vi.waitFor(() => expect(result.current?.language).toBe('zh-CN'));
    expect(chunkFailure.failed()).toBe(true);
    expect(result.current?.t('close')).toBe('Close');

    catalog.refused = false;
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await vi.waitFor(() => expect(result.current?.t('close')).toBe('关闭'));
    expect(chunkFailure.failed()).toBe(false);
  });
});
