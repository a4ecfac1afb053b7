import { describe, expect, it, vi } from 'vitest';
import { windowOptions } from '../../electron/app/window-options';

// The options are plain data: building them must not load Electron.
vi.mock('electron', () => {
  throw new Error('electron must not be loaded by window-options');
});

describe('main window options', () => {
  it.each([false, true])('isolate and sandbox the renderer, without Node (kiosk: %s)', (kiosk) => {
    const prefs = windowOptions({ preload: '/app/dist/electron/preload.cjs', kiosk }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('kiosk mode: kiosk, full screen, no menu bar, no developer tools', () => {
    const options = windowOptions({ preload: '/p.cjs', kiosk: true });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true });
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('desktop mode: a normal sized window, not kiosk', () => {
    const options = windowOptions({ preload: '/p.cjs', kiosk: false });
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
    expect(options).toMatchObject({ width: 1280, height: 800, backgroundColor: '#f6f7f9' });
  });
});
