import { useEffect, useState } from 'react';
import type { i18n } from 'i18next';
import { detectLanguage, resolveLanguage } from '../../../shared/rules/languages';
import { createI18n, loadCatalog, type UiLanguage } from '.';
import { loadedCatalog } from './resources';
import { reported } from '../lazyModule';

/**
 * The i18next instance for the language preference, once that language's catalog has loaded.
 * `pref` is null until the preferences are known: nothing is shown before (the app is still
 * loading), so the UI never flashes English before a chosen language. On a switch the previous
 * instance stays until the new catalog arrives.
 */
export function useI18n(pref: string | null): i18n | null {
  const wanted: UiLanguage | null =
    pref === null ? null : resolveLanguage(pref, navigator.languages);
  const [instance, setInstance] = useState<i18n | null>(null);
  // A catalog already at hand is used in this very render (always so for English).
  let current = instance;
  if (wanted !== null && instance?.language !== wanted && loadedCatalog(wanted)) {
    current = createI18n(wanted);
    setInstance(current);
  }

  useEffect(() => {
    if (wanted === null) {
      // Fetch the likely language while the preferences are on their way.
      void loadCatalog(detectLanguage(navigator.languages)).catch(() => undefined);
      return;
    }
    if (current?.language === wanted) {
      if (loadedCatalog(wanted)) return;
      // The catalog did not arrive: English stands in (the notice offers a reload), and the
      // catalog is fetched again when the window is next focused or back online.
      let stillWanted = true;
      const again = (): void => {
        reported(`catalog:${wanted}`, loadCatalog(wanted)).then(
          () => {
            if (stillWanted) setInstance(createI18n(wanted));
          },
          () => undefined,
        );
      };
      window.addEventListener('focus', again);
      window.addEventListener('online', again);
      return () => {
        stillWanted = false;
        window.removeEventListener('focus', again);
        window.removeEventListener('online', again);
      };
    }
    let live = true;
    const show = (): void => {
      if (live) setInstance(createI18n(wanted));
    };
    // A catalog that fails to load leaves the bundled English in its place, and the notice
    // area offers to reload.
    reported(`catalog:${wanted}`, loadCatalog(wanted)).then(show, show);
    return () => {
      live = false;
    };
  }, [wanted, current]);

  return current;
}
