import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface ElectronAvailability {
  packageVersion: string | null;
  /** Absolute path of the executable, or null where it was never downloaded. */
  binary: string | null;
}

/**
 * Finds the Electron executable the `electron` package installed, without `require('electron')`,
 * which would try to download it.
 */
export function findElectron(appRoot: string): ElectronAvailability {
  try {
    const pkgPath = createRequire(join(appRoot, 'package.json')).resolve('electron/package.json');
    const dir = dirname(pkgPath);
    const packageVersion = (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
    const pathTxt = join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return { packageVersion, binary: null };
    const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return { packageVersion, binary: existsSync(binary) ? binary : null };
  } catch {
    return { packageVersion: null, binary: null };
  }
}
