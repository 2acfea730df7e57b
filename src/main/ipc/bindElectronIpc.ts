import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/channels';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Router, Sender } from './router';

function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  let origin = 'null';
  const url = frame?.url ?? '';
  try {
    origin = new URL(url).origin;
  } catch {
    // unparsable URL: leave origin "null" so the policy refuses it
  }
  return {
    origin,
    url,
    isMainFrame: frame !== null && frame.parent === null,
    windowId: event.sender.id,
  };
}

/** Routes every renderer call through the router; the payload is `{ route, input }`. */
export function bindElectronIpc(router: Router): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, call: unknown) => {
    const { route, input } =
      typeof call === 'object' && call !== null
        ? (call as { route?: unknown; input?: unknown })
        : {};
    return router.dispatch(senderOf(event), route, input);
  });
}

export function sendEvent<E extends EventName>(
  win: BrowserWindow | null,
  name: E,
  payload: EventPayload<E>,
): void {
  if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, { name, payload });
}
