import type { AppUpdater } from 'electron-updater';

export const UPDATE_CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

export interface UpdateDeps {
  updater: Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'autoDownload' | 'autoInstallOnAppQuit' | 'on'>;
  /** Electron's app: the update is installed (or not) as it quits. */
  app: { on(event: 'before-quit', listener: () => void): unknown };
  /** The generic provider's folder (settings or provisioning); null: this machine does not check. */
  feedUrl: string | null;
  /** Whether a citizen is being served: an update is never installed then. */
  servingCitizen(): boolean;
  log(message: string, error?: unknown): void;
}

/**
 * Updates from the centre's update folder (electron-builder's generic provider): a check at
 * start and every 24 h, the download in the background, the install when the app quits, unless
 * a citizen is being served at that moment (it waits for the next quit). Returns the stop
 * function, or null when no feed is configured.
 */
export function startUpdates(deps: UpdateDeps): (() => void) | null {
  if (deps.feedUrl === null) return null;
  const { updater } = deps;
  updater.setFeedURL({ provider: 'generic', url: deps.feedUrl });
  updater.autoDownload = true;
  // Must be true when the download ends (electron-updater adds its quit handler only then); each
  // quit decides again below.
  updater.autoInstallOnAppQuit = true;
  updater.on('error', (error) => deps.log('update failed (the app keeps running this version)', error));
  updater.on('update-downloaded', (info) => deps.log(`update ${info.version} downloaded; it installs when the app quits`));
  deps.app.on('before-quit', () => {
    updater.autoInstallOnAppQuit = !deps.servingCitizen();
  });
  // A centre that cannot be reached is no emergency: the next check is in 24 h.
  const check = () => void updater.checkForUpdates().catch((error: unknown) => deps.log('update check failed', error));
  check();
  const timer = setInterval(check, UPDATE_CHECK_EVERY_MS);
  return () => clearInterval(timer);
}
