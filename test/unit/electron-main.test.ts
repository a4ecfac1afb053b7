import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLaunchFlags } from '../../electron/app/launch-flags';
import { CHANNEL_NAMES, ipcName } from '../../electron/contract';

type Listener = (...args: unknown[]) => void;

/** A stand-in for the parts of Electron main.ts touches; the real binary is never loaded. */
const fake = vi.hoisted(() => {
  const state = {
    lock: true,
    dataDir: '',
    keyring: true,
    updateUrl: null as string | null,
    appListeners: new Map<string, Listener>(),
    windows: [] as { options: unknown; loadURL: ReturnType<typeof vi.fn>; focus: ReturnType<typeof vi.fn> }[],
  };
  class BrowserWindow {
    loadURL = vi.fn(async () => {});
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    on = vi.fn();
    webContents = { id: 1, send: vi.fn(), once: vi.fn() };
    constructor(public options: unknown) {
      state.windows.push(this);
    }
  }
  const electron = {
    app: {
      isPackaged: false,
      getAppPath: () => '/packaged/app.asar',
      getPath: (name: string) => `${state.dataDir}/${name}`,
      requestSingleInstanceLock: vi.fn(() => state.lock),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn((name: string, listener: Listener) => state.appListeners.set(name, listener)),
      whenReady: vi.fn(() => Promise.resolve()),
    },
    BrowserWindow,
    Menu: { setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => state.keyring,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (plain: string) => Buffer.from(plain),
      decryptString: (sealed: Buffer) => sealed.toString(),
    },
  };
  const autoUpdater = { setFeedURL: vi.fn(), checkForUpdates: vi.fn(async () => null), on: vi.fn(), autoDownload: false, autoInstallOnAppQuit: false };
  const host = {
    router: { dispatch: vi.fn() },
    events: { subscribe: vi.fn(() => () => {}) },
    close: vi.fn(),
    updateUrl: () => state.updateUrl,
    servingCitizen: vi.fn(() => false),
  };
  return { state, electron, autoUpdater, host, createHost: vi.fn((_config: Record<string, unknown>) => host) };
});
vi.mock('electron', () => fake.electron);
vi.mock('electron-updater', () => ({ autoUpdater: fake.autoUpdater }));
vi.mock('../../electron/host/create-host', () => ({ createHost: fake.createHost }));

const argv = process.argv;
const repoRoot = resolve(__dirname, '..', '..');

async function launch(...flags: string[]): Promise<void> {
  process.argv = ['/opt/electron/electron', 'dist/electron/main.cjs', ...flags];
  vi.resetModules();
  await import('../../electron/app/main');
  if (fake.state.lock) await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1));
}

beforeEach(() => {
  vi.clearAllMocks();
  fake.state.lock = true;
  fake.state.keyring = true;
  fake.state.updateUrl = null;
  delete process.env.MOTCUA_CENTRAL;
  fake.state.dataDir = mkdtempSync(join(tmpdir(), 'motcua-main-'));
  fake.state.appListeners.clear();
  fake.state.windows.length = 0;
});
afterEach(() => {
  process.argv = argv;
  rmSync(fake.state.dataDir, { recursive: true, force: true });
});

describe('main process', () => {
  it('quits when another instance holds the lock, before creating anything', async () => {
    fake.state.lock = false;
    await launch();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.createHost).not.toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
  });

  it('registers the app scheme before ready and serves it after', async () => {
    await launch();
    const { registerSchemesAsPrivileged, handle } = fake.electron.protocol;
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(fake.electron.app.whenReady.mock.invocationCallOrder[0]!);
    expect(handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
  });

  it('opens one hardened window on app://motcua/kiosk, with no menu, guards and exactly the contract IPC', async () => {
    await launch();
    const [window] = fake.state.windows;
    const options = window!.options as BrowserWindowConstructorOptions;
    expect(fake.host.events.subscribe).toHaveBeenCalledOnce();
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(isAbsolute(options.webPreferences!.preload!)).toBe(true);
    expect(options.webPreferences!.preload).toMatch(/preload\.cjs$/);
    expect(options.kiosk).toBeUndefined();
    expect(window!.loadURL).toHaveBeenCalledExactlyOnceWith('app://motcua/kiosk');
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(null);
    expect(fake.state.appListeners.has('web-contents-created')).toBe(true);
    const registered = fake.electron.ipcMain.handle.mock.calls.map(([name]) => name as string);
    expect(registered.sort()).toEqual(CHANNEL_NAMES.map(ipcName).sort());
  });

  it('builds the host from the flags: --kiosk --demo --db', async () => {
    const dbPath = join(fake.state.dataDir, 'elsewhere', 'x.db');
    await launch('--kiosk', '--demo', '--db', dbPath, '--no-sandbox');
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(fake.createHost).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ appRoot: repoRoot, dbPath, demo: true, transport: 'electron', version }),
    );
    expect(fake.state.windows[0]!.options).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it.each([
    [[], 'motcua.db'],
    [['--demo'], 'demo.db'],
  ])('defaults the database to the app data folder (%j)', async (flags, file) => {
    await launch(...flags);
    expect(fake.createHost).toHaveBeenCalledWith(expect.objectContaining({ dbPath: join(fake.state.dataDir, 'appData', 'motcua', file) }));
  });

  it('seals secrets with the OS keyring where there is one, and leaves the host its key file where not', async () => {
    await launch();
    expect(fake.createHost.mock.calls[0]![0].secrets).toMatchObject({ kind: 'os' });
    fake.state.keyring = false;
    fake.state.windows.length = 0;
    await launch();
    expect(fake.createHost.mock.calls[1]![0].secrets).toBeUndefined();
  });

  it('reads a provisioning file next to the executable, and takes the centre `motcua start` hands over, without passing it on', async () => {
    const enrol = { url: 'http://127.0.0.1:8787', publicKeyPem: 'PEM', enrolmentCode: 'DEMO-1', centreCode: 'DEMO-TTHCC-01' };
    process.env.MOTCUA_CENTRAL = JSON.stringify({ enrol });
    await launch('--demo');
    expect(fake.createHost).toHaveBeenCalledWith(expect.objectContaining({ enrol, provisioningDirs: [fake.state.dataDir] }));
    expect(process.env.MOTCUA_CENTRAL).toBeUndefined();
  });

  it('checks for updates only where an update folder is configured, from the generic provider', async () => {
    await launch();
    expect(fake.autoUpdater.setFeedURL).not.toHaveBeenCalled();
    expect(fake.autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    fake.state.updateUrl = 'https://motcua.hanoi.gov.vn/updates';
    fake.state.windows.length = 0;
    await launch();
    expect(fake.autoUpdater.setFeedURL).toHaveBeenCalledExactlyOnceWith({ provider: 'generic', url: 'https://motcua.hanoi.gov.vn/updates' });
    expect(fake.autoUpdater.checkForUpdates).toHaveBeenCalledOnce();
    fake.state.appListeners.get('will-quit')!();
  });

  it('focuses the window on a second launch and closes the host on quit', async () => {
    await launch();
    fake.state.appListeners.get('second-instance')!();
    expect(fake.state.windows[0]!.focus).toHaveBeenCalled();
    fake.state.appListeners.get('will-quit')!();
    expect(fake.host.close).toHaveBeenCalledTimes(1);
  });
});

describe('launch flags', () => {
  it('reads --demo, --kiosk and --db among Chromium switches and the script path', () => {
    expect(parseLaunchFlags(['main.cjs', '--enable-logging', '--kiosk', '--db', '/d/x.db'])).toEqual({ demo: false, kiosk: true, db: '/d/x.db' });
    expect(parseLaunchFlags(['--demo'])).toEqual({ demo: true, kiosk: false, db: null });
  });

  it('refuses --db without a path', () => {
    expect(() => parseLaunchFlags(['--db'])).toThrow('--db needs a path');
  });
});
