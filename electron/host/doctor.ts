import { probeHidBackend } from '../../drivers/hid/backend-status';
import type { DoctorReport } from '../contract';
import type { SettingsRepository } from '../db/settings-repository';
import { listPrinters } from '../print/printers';
import { findElectron } from './electron-binary';

export interface DoctorDeps {
  appRoot: string;
  dbPath: string;
  schemaVersion: number;
  knownSchemaVersion: number;
  settings: SettingsRepository;
}

async function centreReachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/v1/health', url), { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** What a technician checks first: runtime, database, HID backend, printers, central link. */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const electron = findElectron(deps.appRoot);
  const url = deps.settings.get('central.url');
  const [hid, printers, reachable] = await Promise.all([probeHidBackend(), listPrinters(), url ? centreReachable(url) : null]);
  return {
    node: { version: process.versions.node },
    electron: { packageVersion: electron.packageVersion, binaryAvailable: electron.binary !== null },
    database: { path: deps.dbPath, schemaVersion: deps.schemaVersion, knownSchemaVersion: deps.knownSchemaVersion },
    hid,
    printers,
    central: { configured: url !== null, reachable, url },
  };
}
