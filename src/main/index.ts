import { app, dialog, shell, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServices } from './startup/startServices';
import { startupLocale } from './startup/startupTexts';
import { createRouter, createSenderPolicy } from './ipc/router';
import { bindElectronIpc, sendEvent } from './ipc/bindElectronIpc';
import { createMainWindow } from './window/createMainWindow';
import { createFileLogger } from './log/Logger';
import { applyHardening, networkSession, registerAppScheme } from './window/hardening';
import { sessionNetwork } from './window/sessionNetwork';
import { createElectronUpdater } from './app/electronUpdater';

const here = fileURLToPath(new URL('.', import.meta.url));
const preloadPath = join(here, '../preload/index.cjs');
const rendererDir = join(here, '../renderer');
const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

let mainWindow: BrowserWindow | null = null;

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const log = createFileLogger(join(dataDir, 'logs'), !app.isPackaged);
  const hardened = applyHardening(rendererDir, devUrl);
  // electron-updater fetches through its own session (its partition is `electron-updater`):
  // the Network settings (proxy, its credentials, the extra CA) apply there too, so update
  // checks take the same way as chats.
  const updaterSession = networkSession('electron-updater');
  const network = sessionNetwork([hardened.relaySession, updaterSession]);
  const composition = await startServices(
    {
      dataDir,
      fetch: hardened.relayFetch,
      network,
      lookupHost: hardened.lookupHost,
      secrets: 'keychain',
      emit: (name, payload) => sendEvent(mainWindow, name, payload),
      openExternal: (url) => shell.openExternal(url),
      chooseSavePath: async (defaultName) => {
        const options = { defaultPath: join(app.getPath('downloads'), defaultName) };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      chooseOpenPath: async () => {
        const options = {
          properties: ['openFile' as const],
          filters: [{ name: 'JSON, Markdown', extensions: ['json', 'md'] }],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      chooseAttachmentPaths: async () => {
        const options = { properties: ['openFile' as const, 'multiSelections' as const] };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : result.filePaths;
      },
      openPath: async (path) => {
        const failure = await shell.openPath(path);
        if (failure) throw new Error(failure);
      },
      log,
      platform: process.platform,
      env: process.env,
      updater: {
        packaged: app.isPackaged,
        create: (feedUrl) => createElectronUpdater(feedUrl, join(dataDir, 'updater')),
      },
    },
    startupLocale(app.getLocale()),
    async (box) => (await dialog.showMessageBox({ type: 'error', ...box })).response,
  );
  if (!composition) {
    app.exit(1);
    return;
  }

  const router = createRouter(
    composition.handlers,
    createSenderPolicy({
      isOurWindow: (id) => mainWindow !== null && mainWindow.webContents.id === id,
      isOurDocument: (url, origin) =>
        devUrl ? origin === new URL(devUrl).origin : url.split(/[?#]/)[0] === hardened.documentUrl,
    }),
    { error: (m, e) => log.error(m, e) },
  );
  bindElectronIpc(router);

  const openWindow = (): void => {
    mainWindow = createMainWindow({
      preloadPath,
      documentUrl: hardened.documentUrl,
      savedBounds: composition.windowState.get(),
      saveBounds: (b) => composition.windowState.set(b),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    void composition.dispose().finally(() => app.quit());
  });
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // Any web contents created later (there should be none) gets the same refusals as the window.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(start);
}
