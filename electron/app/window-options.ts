import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowChoices {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** A public kiosk: full screen, no chrome, no way out to the desktop or the developer tools. */
  kiosk: boolean;
}

/** The renderer's --paper colour, so the window does not flash white before the first paint. */
const BACKGROUND = '#f6f7f9';

/** The main window: the renderer gets no Node, runs sandboxed and isolated from the preload. */
export function windowOptions({ preload, kiosk }: WindowChoices): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    title: 'MotCua — Một cửa',
    backgroundColor: BACKGROUND,
    autoHideMenuBar: true,
    ...(kiosk ? { kiosk: true, fullscreen: true } : {}),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A citizen at a kiosk must not reach the developer tools (and through them the IPC bridge).
      devTools: !kiosk,
    },
  };
}
