// The Electron main process: wires the host to one hardened window. Everything testable lives in
// the neighbouring files; this one only puts them in order.
import { mkdirSync } from 'node:fs';
import { ownerOnlyFolder } from '../security/owner-only';
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, utilityProcess } from 'electron';
import { autoUpdater } from 'electron-updater';
import { appVersion, defaultDbPath } from '../host/app-files';
import { CENTRAL_ENV, centralFromEnv } from '../host/central-env';
import { provisioningDirs } from '../host/provisioning';
import { appRoot, dataDir } from './app-paths';
import { forwardEvents } from './events';
import { installGuards } from './guards';
import { startHostChild, type HostChild } from './host-child';
import { loadOrCreateHostKey } from './host-key';
import { registerIpc } from './ipc';
import { parseLaunchFlags } from './launch-flags';
import { APP_ORIGIN } from './origin';
import { registerAppScheme, serveRenderer } from './protocol';
import { electronSecretStore } from './secret-store';
import { startUpdates } from './updater';
import { sessionsPerWebContents } from './sessions';
import { windowOptions } from './window-options';

registerAppScheme(protocol);
installGuards(app);

if (!app.requestSingleInstanceLock()) {
  // Another MotCua already owns the screen and the database.
  app.quit();
} else {
  const flags = parseLaunchFlags(process.argv.slice(1));
  // Read once and dropped: the printing and other child processes need not inherit a token.
  const central = centralFromEnv(process.env);
  delete process.env[CENTRAL_ENV];
  let window: BrowserWindow | null = null;
  let host: HostChild | null = null;

  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  let stopUpdates: (() => void) | null = null;
  // A database newer than this app, a missing build, a host that cannot start: say so instead of an empty screen.
  const fail = (error: unknown): void => {
    console.error(error);
    dialog.showErrorBox('MotCua', error instanceof Error ? error.message : String(error));
    app.exit(1);
  };
  app.on('will-quit', () => {
    stopUpdates?.();
    void host?.close();
  });

  app
    .whenReady()
    .then(() => {
      const root = appRoot(app);
      const dbPath = flags.db ?? defaultDbPath(dataDir(app), flags.demo);
      // The app's own data folder is owner-only with all it holds; a --db elsewhere gets a new folder made so, never a shared one changed.
      if (flags.db) mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
      else ownerOnlyFolder(dataDir(app));
      // The keyring stays here; the host process gets the key it keeps sealed (else it uses its key file).
      const keyring = electronSecretStore(safeStorage);
      const hostKey = keyring ? loadOrCreateHostKey(keyring, dirname(dbPath)).toString('base64') : undefined;
      host = startHostChild((path, args, options) => utilityProcess.fork(path, args, options), join(__dirname, 'host-process.cjs'), {
        t: 'init',
        central,
        ...(hostKey ? { hostKey } : {}),
        provisioningDirs: provisioningDirs(app.getPath('exe')),
        appRoot: root,
        dbPath,
        demo: flags.demo,
        version: appVersion(root),
      });
      const running = host;
      running.ready.then(
        ({ updateUrl }) => {
          stopUpdates = startUpdates({
            updater: autoUpdater,
            app,
            feedUrl: updateUrl,
            servingCitizen: () => running.servingCitizen(),
            log: (message, error) => console.error(`[updates] ${message}`, error ?? ''),
          });
        },
        (error: unknown) => fail(error),
      );
      Menu.setApplicationMenu(null);
      serveRenderer(protocol, join(root, 'dist', 'renderer'));
      const sessionFor = sessionsPerWebContents();
      registerIpc(ipcMain, host.router, sessionFor);
      // Electronegativity reads only literal options: these come from windowOptions() (isolated,
      // sandboxed, no Node: electron-window-options.test.ts), the preload exposes invoke/on only
      // (electron-preload.test.ts), and a middle-click's new window is denied (electron-guards.test.ts).
      window = new BrowserWindow(windowOptions({ preload: join(__dirname, 'preload.cjs'), kiosk: flags.kiosk })); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK PRELOAD_JS_CHECK AUXCLICK_JS_CHECK
      forwardEvents(host.events, window.webContents, sessionFor(window.webContents));
      window.on('closed', () => (window = null));
      return window.loadURL(`${APP_ORIGIN}/kiosk`);
    })
    .catch(fail);
}
