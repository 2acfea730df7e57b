import { useSyncExternalStore } from 'react';

/** The theme on <html data-theme> (set by useTheme), followed as it changes. */
export function useDocumentTheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, read, () => 'light');
}

function read(): 'light' | 'dark' {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
