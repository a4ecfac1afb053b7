import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
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
  /** The host process as the main process sees it: what it was told, and a first state back. */
  const posted: { t: string; [key: string]: unknown }[] = [];
  const fork = vi.fn((_path: string, _args: string[], _options: unknown) => {
    const listeners: Listener[] = [];
    return {
      on: (event: string, listener: Listener) => void (event === 'message' && listeners.push(listener)),
      once: vi.fn(),
      postMessage: (message: { t: string }) => {
        posted.push(message);
        const answer = message.t === 'init' ? { t: 'state', updateUrl: state.updateUrl, servingCitizen: false } : message.t === 'close' ? { t: 'closed' } : null;
        if (answer) setImmediate(() => listeners.forEach((l) => l(answer)));
      },
    };
  });
  Object.assign(electron, { utilityProcess: { fork } });
  return { state, electron, autoUpdater, posted, fork };
});
vi.mock('electron', () => fake.electron);
vi.mock('electron-updater', () => ({ autoUpdater: fake.autoUpdater }));

/** The start data of the n-th launch's host process. */
const init = (n = 0) => fake.posted.filter((m) => m.t === 'init')[n]!;

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
  fake.posted.length = 0;
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
    expect(fake.fork).not.toHaveBeenCalled();
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
    expect(fake.posted.filter((m) => m.t === 'subscribe')).toHaveLength(1);
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

  it('starts the host in a utility process, told the flags: --kiosk --demo --db', async () => {
    const dbPath = join(fake.state.dataDir, 'elsewhere', 'x.db');
    await launch('--kiosk', '--demo', '--db', dbPath, '--no-sandbox');
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect(fake.fork).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/host-process\.cjs$/), [], expect.objectContaining({ serviceName: 'MotCua host' }));
    expect(init()).toMatchObject({ appRoot: repoRoot, dbPath, demo: true, version });
    expect(fake.state.windows[0]!.options).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it.each([
    [[], 'motcua.db'],
    [['--demo'], 'demo.db'],
  ])('defaults the database to the app data folder (%j)', async (flags, file) => {
    await launch(...flags);
    expect(init().dbPath).toBe(join(fake.state.dataDir, 'appData', 'motcua', file));
  });

  it("keeps the keyring in the main process: the host gets a key the keyring seals on disk, the same at every start; none where there is no keyring", async () => {
    await launch();
    const key = init(0).hostKey as string;
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    const sealed = readFileSync(join(dirname(init(0).dbPath as string), 'host.key'), 'utf8');
    expect(sealed.startsWith('os:')).toBe(true);
    expect(sealed).not.toContain(key);
    fake.state.windows.length = 0;
    await launch();
    expect(init(1).hostKey).toBe(key);
    fake.state.keyring = false;
    fake.state.windows.length = 0;
    await launch();
    expect(init(2).hostKey).toBeUndefined();
  });

  it('reads a provisioning file next to the executable, and takes the centre `motcua start` hands over, without passing it on', async () => {
    const enrol = { url: 'http://127.0.0.1:8787', publicKeyPem: 'PEM', enrolmentCode: 'DEMO-1', centreCode: 'DEMO-TTHCC-01' };
    process.env.MOTCUA_CENTRAL = JSON.stringify({ enrol });
    await launch('--demo');
    expect(init()).toMatchObject({ central: { enrol }, provisioningDirs: [fake.state.dataDir] });
    expect(process.env.MOTCUA_CENTRAL).toBeUndefined();
  });

  it('checks for updates only where an update folder is configured, from the generic provider', async () => {
    await launch();
    expect(fake.autoUpdater.setFeedURL).not.toHaveBeenCalled();
    expect(fake.autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    fake.state.updateUrl = 'https://motcua.hanoi.gov.vn/updates';
    fake.state.windows.length = 0;
    await launch();
    await vi.waitFor(() => expect(fake.autoUpdater.checkForUpdates).toHaveBeenCalled());
    expect(fake.autoUpdater.setFeedURL).toHaveBeenCalledExactlyOnceWith({ provider: 'generic', url: 'https://motcua.hanoi.gov.vn/updates' });
    expect(fake.autoUpdater.checkForUpdates).toHaveBeenCalledOnce();
    fake.state.appListeners.get('will-quit')!();
  });

  it('focuses the window on a second launch and closes the host on quit', async () => {
    await launch();
    fake.state.appListeners.get('second-instance')!();
    expect(fake.state.windows[0]!.focus).toHaveBeenCalled();
    fake.state.appListeners.get('will-quit')!();
    expect(fake.posted.filter((m) => m.t === 'close')).toHaveLength(1);
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
