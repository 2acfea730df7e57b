import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/contract/channels';
import type { FleeceBridge } from '../shared/contract';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all events; subscribers get the payload only, never the IpcRendererEvent.
ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { name, payload } = message as { name?: unknown; payload?: unknown };
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: FleeceBridge = {
  invoke: (route, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, { route, input }),
  on: (name, listener) => {
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    const l = listener as Listener;
    set.add(l);
    return () => {
      set.delete(l);
    };
  },
};

contextBridge.exposeInMainWorld('fleece', bridge);
