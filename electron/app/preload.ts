// Bundled to dist/electron/preload.cjs and run in the sandboxed renderer: it may import only
// 'electron' and the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { appError, EVENT_NAMES, IPC_EVENT, ipcName, isChannelName, type EventName, type MotcuaApi } from '../contract';

/**
 * `window.motcua`: one function, and only for contract channels, so the page can never name an
 * arbitrary IPC channel or touch ipcRenderer itself.
 */
const api: MotcuaApi = {
  invoke: (channel, input) =>
    typeof channel === 'string' && isChannelName(channel)
      ? ipcRenderer.invoke(ipcName(channel), input)
      : Promise.resolve({ ok: false, error: appError('UNKNOWN_CHANNEL') }),
  on: (name, listener) => {
    if (!EVENT_NAMES.includes(name)) return () => {};
    // The page gets the payload only, never the IPC event object.
    const handler = (_e: unknown, message: { event: EventName; payload: unknown }) => {
      if (message.event === name) listener(message.payload as never);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => void ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('motcua', api);
