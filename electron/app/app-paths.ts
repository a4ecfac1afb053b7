import { join, resolve } from 'node:path';
import type { App } from 'electron';

/**
 * The folder holding resources/, electron/db/migrations/ and dist/. The bundle main.cjs runs
 * from dist/electron/, two levels below it; a packaged app has it as its app path.
 */
export const appRoot = (app: Pick<App, 'isPackaged' | 'getAppPath'>): string =>
  app.isPackaged ? app.getAppPath() : resolve(__dirname, '..', '..');

/**
 * Where the database goes by default. Started as `electron dist/electron/main.cjs` Electron finds
 * no package.json and would file the data under "Electron"; use the packaged app's folder name.
 */
export const dataDir = (app: Pick<App, 'isPackaged' | 'getPath'>): string =>
  app.isPackaged ? app.getPath('userData') : join(app.getPath('appData'), 'motcua');
