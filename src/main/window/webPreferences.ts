import type { WebPreferences } from 'electron';

/** The one place window security is decided. Every BrowserWindow uses this. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    // A middle click on a link in model output must not open anything either.
    disableBlinkFeatures: 'Auxclick',
  };
}
