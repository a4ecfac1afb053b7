// Bundled to dist/electron/preload.cjs and run in the sandboxed renderer: it may import only
// 'electron' and the contract.
import { contextBridge, ipcRenderer } from 'electron';
import { appError, ipcName, isChannelName, type MotcuaApi } from '../contract';

/**
 * `window.motcua`: one function, and only for contract channels, so the page can never name an
 * arbitrary IPC channel or touch ipcRenderer itself.
 */
const api: MotcuaApi = {
  invoke: (channel, input) =>
    typeof channel === 'string' && isChannelName(channel)
      ? ipcRenderer.invoke(ipcName(channel), input)
      : Promise.resolve({ ok: false, error: appError('UNKNOWN_CHANNEL') }),
};

contextBridge.exposeInMainWorld('motcua', api);
