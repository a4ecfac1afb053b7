import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUpdates, UPDATE_CHECK_EVERY_MS } from '../../electron/app/updater';

/** electron-updater's autoUpdater as the app drives it; nothing is downloaded. */
function fakeUpdater(check: () => Promise<null> = async () => null) {
  const events = new EventEmitter();
  return Object.assign(events, { setFeedURL: vi.fn(), checkForUpdates: vi.fn(check), autoDownload: false, autoInstallOnAppQuit: false });
}

let serving = false;
let stop: (() => void) | null = null;
const app = new EventEmitter();
const logs: string[] = [];
const start = (updater: ReturnType<typeof fakeUpdater>, feedUrl: string | null = 'https://motcua.hanoi.gov.vn/updates') =>
  (stop = startUpdates({ updater: updater as never, app, feedUrl, servingCitizen: () => serving, log: (m) => logs.push(m) }));

beforeEach(() => {
  vi.useFakeTimers();
  serving = false;
  logs.length = 0;
  app.removeAllListeners();
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

describe('updates', () => {
  it('are not looked for where no update folder is configured', () => {
    const updater = fakeUpdater();
    expect(start(updater, null)).toBeNull();
    vi.advanceTimersByTime(3 * UPDATE_CHECK_EVERY_MS);
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('are checked at start and every 24 hours from the generic provider, downloaded in the background', () => {
    const updater = fakeUpdater();
    start(updater);
    expect(updater.setFeedURL).toHaveBeenCalledExactlyOnceWith({ provider: 'generic', url: 'https://motcua.hanoi.gov.vn/updates' });
    expect(updater.autoDownload).toBe(true);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS - 1000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    stop!();
    vi.advanceTimersByTime(UPDATE_CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('install when the app quits, but not while a citizen is being served', () => {
    const updater = fakeUpdater();
    start(updater);
    // True when a download ends, or electron-updater never adds its install-on-quit handler.
    expect(updater.autoInstallOnAppQuit).toBe(true);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(logs).toContain('update 0.2.0 downloaded; it installs when the app quits');
    serving = true;
    app.emit('before-quit');
    expect(updater.autoInstallOnAppQuit).toBe(false);
    serving = false;
    app.emit('before-quit');
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('take an unreachable update folder calmly: logged, and the app goes on', async () => {
    const updater = fakeUpdater(() => Promise.reject(new Error('net::ERR_CONNECTION_REFUSED')));
    start(updater);
    await vi.advanceTimersByTimeAsync(0);
    expect(logs).toEqual(['update check failed']);
    updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(logs).toContain('update failed (the app keeps running this version)');
  });
});
