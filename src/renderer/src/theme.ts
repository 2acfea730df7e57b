import { useLayoutEffect } from 'react';
import { useAppStore } from './store/StoreContext';

export type ResolvedTheme = 'light' | 'dark';

export function resolveTheme(pref: string, systemDark: boolean): ResolvedTheme {
  if (pref === 'light' || pref === 'dark') return pref;
  return systemDark ? 'dark' : 'light';
}

/**
 * Applies the theme preference to <html data-theme>, following the OS when set to system. Before
 * the commit's other effects: a style change on the root element restyles the whole window, so it
 * lands before anything reads the layout (the composer's focus) rather than after.
 */
export function useTheme(): void {
  const pref = useAppStore((s) => s.preferences?.theme ?? 'system');
  useLayoutEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      document.documentElement.dataset['theme'] = resolveTheme(pref, media.matches);
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [pref]);
}
