import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Read from package.json: run as `electron dist/electron/main.cjs`, app.getVersion() is Electron's. */
export const appVersion = (root: string): string =>
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The machine's database unless --db says otherwise; the demo keeps its own file. */
export const defaultDbPath = (dir: string, demo: boolean): string => join(dir, demo ? 'demo.db' : 'motcua.db');
