/* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */
// (electronegativity cannot follow secureWebPreferences(); test/main/window checks its values.)
import { BrowserWindow, screen } from 'electron';
import { secureWebPreferences } from './webPreferences';
import { restoreBounds, type WindowBounds } from './bounds';
// Linux takes the window icon from here; macOS and Windows use the packaged app's icon.
import appIcon from '../../../build/icons/512x512.png?asset';

export interface MainWindowOptions {
  preloadPath: string;
  /** The dev server's URL, or the built renderer's on the app scheme. */
  documentUrl: string;
  savedBounds: WindowBounds | undefined;
  saveBounds: (bounds: WindowBounds) => void;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const bounds = restoreBounds(
    opts.savedBounds,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(bounds.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Fleece',
    ...(process.platform === 'linux' ? { icon: appIcon } : {}),
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  // Model output is untrusted: the window never navigates away and never opens new windows.
  // Links reach the system browser only through the app.openExternal route.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());

  let saveTimer: NodeJS.Timeout | undefined;
  const persist = (): void => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (win.isDestroyed()) return;
      const b = win.getNormalBounds();
      opts.saveBounds({ ...b, maximized: win.isMaximized() });
    }, 400);
  };
  win.on('resize', persist);
  win.on('move', persist);
  win.on('maximize', persist);
  win.on('unmaximize', persist);
  win.on('close', () => {
    clearTimeout(saveTimer);
    const b = win.getNormalBounds();
    opts.saveBounds({ ...b, maximized: win.isMaximized() });
  });

  void win.loadURL(opts.documentUrl);
  return win;
}
