import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appError, type MotcuaApi } from '../../electron/contract';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'from main' })), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => electron);

async function exposedApi(): Promise<MotcuaApi> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  await import('../../electron/app/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, MotcuaApi];
  expect(key).toBe('motcua');
  return api;
}

beforeEach(() => electron.ipcRenderer.invoke.mockClear());

describe('preload', () => {
  it('exposes window.motcua with invoke and on only', async () => {
    const api = await exposedApi();
    expect(Object.keys(api)).toEqual(['invoke', 'on']);
  });

  it('hands a subscribed event its payload only, never the IPC event, and unsubscribes', async () => {
    const api = await exposedApi();
    electron.ipcRenderer.on.mockClear();
    const listener = vi.fn();
    const off = api.on('scan', listener);
    const [channel, handler] = electron.ipcRenderer.on.mock.calls[0] as unknown as [string, (e: unknown, m: unknown) => void];
    expect(channel).toBe('motcua:event');
    const payload = { device: 'd', result: { kind: 'barcode', text: 'x' } };
    handler({ sender: 'ipc internals' }, { event: 'other', payload: 1 });
    handler({ sender: 'ipc internals' }, { event: 'scan', payload });
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload);
    off();
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith('motcua:event', handler);
  });

  it('does not subscribe to an event outside the contract', async () => {
    const api = await exposedApi();
    electron.ipcRenderer.on.mockClear();
    api.on('not-an-event' as 'scan', vi.fn());
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('forwards a contract channel to its IPC name', async () => {
    const api = await exposedApi();
    const input = { personalNumber: '001099012345', birthDate: '1999-01-01', source: 'typed' as const };
    await expect(api.invoke('citizen.open', input)).resolves.toEqual({ ok: true, value: 'from main' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('motcua:citizen.open', input);
  });

  it.each(['fs.readFile', 'motcua:app.info', '__proto__', 'constructor', 'toString', ''])(
    'refuses %j without touching ipcRenderer',
    async (channel) => {
      const api = await exposedApi();
      await expect(api.invoke(channel as never, {} as never)).resolves.toEqual({ ok: false, error: appError('UNKNOWN_CHANNEL') });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('refuses a non-string channel', async () => {
    const api = await exposedApi();
    await expect(api.invoke({ toString: () => 'app.info' } as never, {} as never)).resolves.toMatchObject({ ok: false });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});
