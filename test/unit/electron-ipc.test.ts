import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../electron/app/ipc';
import { sessionsPerWebContents, type SessionOwner } from '../../electron/app/sessions';
import { appError, CHANNEL_NAMES, ipcName } from '../../electron/contract';
import type { Router } from '../../electron/host/router';
import { newSession } from '../../electron/host/session';

// ipc.ts takes ipcMain as a parameter and imports only Electron's types.
vi.mock('electron', () => {
  throw new Error('electron must not be loaded by ipc.ts');
});

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>;

function setUp() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: vi.fn((name: string, handler: Handler) => void handlers.set(name, handler)) };
  const router = { dispatch: vi.fn<Router['dispatch']>(async () => ({ ok: true, value: 'routed' })) };
  const session = newSession('kiosk');
  const sessionFor = vi.fn(() => session);
  registerIpc(ipcMain, router, sessionFor);
  return { handlers, router, session, sessionFor };
}

function fakeOwner(id: number) {
  const listeners = new Map<string, () => void>();
  const owner = { id, once: vi.fn((event: string, listener: () => void) => listeners.set(event, listener)) };
  return { owner: owner as unknown as SessionOwner, destroy: () => listeners.get('destroyed')?.() };
}

const event = (senderFrame: { url: string; parent: object | null } | null) =>
  ({ senderFrame, sender: fakeOwner(7).owner }) as unknown as IpcMainInvokeEvent;
const TOP_FRAME = { url: 'app://motcua/kiosk', parent: null };

describe('IPC transport', () => {
  it('registers exactly the contract channels, nothing else', () => {
    const { handlers } = setUp();
    expect([...handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcName).sort());
  });

  it.each([
    ['a subframe of the app', { url: 'app://motcua/kiosk', parent: TOP_FRAME }],
    ['a foreign page', { url: 'https://evil.example/', parent: null }],
    ['a look-alike host', { url: 'app://motcua.evil.example/kiosk', parent: null }],
    ['a file:// page', { url: 'file:///work/main/dist/renderer/index.html', parent: null }],
    ['a frame already gone', null],
  ])('refuses %s without reaching the router', async (_label, frame) => {
    const { handlers, router } = setUp();
    for (const channel of CHANNEL_NAMES) {
      const result = await handlers.get(ipcName(channel))!(event(frame), {});
      expect(result).toEqual({ ok: false, error: appError('FORBIDDEN') });
    }
    expect(router.dispatch).not.toHaveBeenCalled();
  });

  it("hands the app's own top frame to the router with its session, channel and input", async () => {
    const { handlers, router, session } = setUp();
    const input = { personalNumber: '001099012345', birthDate: '1999-01-01', source: 'typed' as const };
    const result = await handlers.get(ipcName('citizen.open'))!(event(TOP_FRAME), input);
    expect(router.dispatch).toHaveBeenCalledExactlyOnceWith(session, 'citizen.open', input);
    expect(result).toEqual({ ok: true, value: 'routed' });
  });
});

describe('sessions per web contents', () => {
  it('one kiosk session per web contents, stable across calls', () => {
    const sessionFor = sessionsPerWebContents();
    const a = fakeOwner(1).owner;
    const b = fakeOwner(2).owner;
    expect(sessionFor(a)).toBe(sessionFor(a));
    expect(sessionFor(a).role).toBe('kiosk');
    expect(sessionFor(b).id).not.toBe(sessionFor(a).id);
  });

  it('forgets the session when its web contents are destroyed', () => {
    const sessionFor = sessionsPerWebContents();
    const { owner, destroy } = fakeOwner(1);
    const first = sessionFor(owner);
    destroy();
    expect(sessionFor(owner).id).not.toBe(first.id);
  });
});
