import { useEffect } from 'react';
import { useAppStore } from './store/StoreContext';

export type ResolvedTheme = 'light' | 'dark';

export function resolveTheme(pref: string, systemDark: boolean): ResolvedTheme {
  if (pref === 'light' || pref === 'dark') return pref;
  return systemDark ? 'dark' : 'light';
}

/** Applies the theme preference to <html data-theme>, following the OS when set to system. */
export function useTheme(): void {
  const pref = useAppStore((s) => s.preferences?.theme ?? 'system');
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      document.documentElement.dataset['theme'] = resolveTheme(pref, media.matches);
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [pref]);
}
