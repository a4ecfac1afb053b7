import { statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { probeHidBackend } from '../../drivers/hid/backend-status';
import { AppError, type DoctorReport } from '../contract';
import type { SettingsRepository } from '../db/settings-repository';
import { readFontFiles } from '../print/fonts';
import { printerProblem } from '../print/print-service';
import { PrinterChoice } from '../print/print-settings';
import type { PrinterList, PrinterSystem } from '../print/print-types';
import { printerSystem } from '../print/printers';
import type { AuditShipStatus } from '../sync/audit-shipper';
import { findElectron } from './electron-binary';
import { centralDoctor } from './central-doctor';
import type { CentralSettings } from './central-link';
import type { ProvisioningRead } from './provisioning';

export interface DoctorDeps {
  appRoot: string;
  dbPath: string;
  schemaVersion: number;
  knownSchemaVersion: number;
  settings: SettingsRepository;
  /** The central link (registration, sealed token) and what was found of a provisioning file at start. */
  central: CentralSettings;
  provisioning: ProvisioningRead;
  /** The machine's printing (CUPS or the Windows adapter) unless a test gives another. */
  printers?: PrinterSystem;
  /** How the audit log ships to the centre (electron/sync/audit-shipper.ts). */
  audit?: AuditShipStatus;
  /** Below this much free space in the data folder the doctor complains (default 500 MB). */
  minFreeBytes?: number;
}

const MIN_FREE_BYTES = 500 * 1024 * 1024;

/** A URL without user info, query or fragment (where a token could hide), for reports and bundles. */
export function bareUrl(value: string): string {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

async function centreReachable(url: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/v1/health', url), { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** The first sentence of an error's English message: the rest tells a citizen what to do, not a technician. */
const firstSentence = (error: AppError) => `${error.data.message.en.split('. ')[0]!.replace(/\.$/, '')} (${error.data.code})`;

async function printerQueues(system: PrinterSystem): Promise<PrinterList | { error: string }> {
  try {
    return await system.list();
  } catch (error) {
    return { error: error instanceof AppError ? firstSentence(error) : String(error) };
  }
}

function missingFonts(dir: string): string[] {
  try {
    readFontFiles(dir);
    return [];
  } catch (error) {
    return [(error as NodeJS.ErrnoException).path ?? String(error)];
  }
}

function freeBytes(path: string): number | null {
  try {
    const s = statfsSync(path);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/** Every printer a document kind will use (chosen or default) must exist and take jobs. */
function printerProblems(list: PrinterList, chosen: Record<string, string | null>): string[] {
  return Object.entries(chosen).flatMap(([kind, name]) => {
    const printer = name ?? list.defaultPrinter;
    if (!printer) return [`printers: chưa chọn máy in cho ${kind} và không có máy in mặc định / no printer chosen for ${kind} and no default printer`];
    const problem = printerProblem(list.printers.find((p) => p.name === printer));
    return problem ? [`printers: ${kind} → "${printer}": ${firstSentence(problem)}`] : [];
  });
}

/** What a technician checks first: runtime, database, HID backend, printers, central link, fonts, disk. */
export async function runDoctor(deps: DoctorDeps): Promise<DoctorReport> {
  const electron = findElectron(deps.appRoot);
  const url = deps.settings.get('central.url');
  const chosen = new PrinterChoice(deps.settings).all();
  const [hid, queues, reachable] = await Promise.all([probeHidBackend(), printerQueues(deps.printers ?? printerSystem()), url ? centreReachable(url) : null]);
  const central = centralDoctor(deps.central, deps.provisioning, reachable, bareUrl);
  const fontsDir = join(deps.appRoot, 'resources', 'fonts');
  const dataDir = dirname(deps.dbPath);
  const report: DoctorReport = {
    node: { version: process.versions.node },
    electron: { packageVersion: electron.packageVersion, binaryAvailable: electron.binary !== null },
    database: { path: deps.dbPath, schemaVersion: deps.schemaVersion, knownSchemaVersion: deps.knownSchemaVersion },
    hid,
    printers:
      'error' in queues
        ? { found: [], error: queues.error, chosen }
        : { found: queues.printers.map((p) => p.name), queues: queues.printers, defaultPrinter: queues.defaultPrinter, chosen },
    central: central.section,
    provisioning: central.provisioning,
    fonts: { dir: fontsDir, missing: missingFonts(fontsDir) },
    disk: { path: dataDir, freeBytes: freeBytes(dataDir) },
    ...(deps.audit ? { audit: { unshipped: deps.audit.unshipped, shipped: deps.audit.shipped, shippedThrough: deps.audit.shippedThrough, error: deps.audit.error?.code ?? null } } : {}),
  };
  const free = report.disk!.freeBytes;
  const problems = [
    ...(deps.schemaVersion !== deps.knownSchemaVersion ? [`database: lược đồ ${deps.schemaVersion}, ứng dụng biết ${deps.knownSchemaVersion} / schema ${deps.schemaVersion}, the app knows ${deps.knownSchemaVersion}`] : []),
    ...(hid.backend === 'unavailable' ? [`hid: không đọc được thiết bị HID / HID backend unavailable: ${hid.error ?? ''}`] : []),
    ...('error' in queues ? [`printers: ${queues.error}`] : printerProblems(queues, chosen)),
    ...central.problems,
    ...(deps.audit?.error ? [`audit: ${deps.audit.error.message.vi} / ${deps.audit.error.message.en}`] : []),
    ...report.fonts!.missing.map((f) => `fonts: thiếu phông chữ / font missing: ${f}`),
    ...(free !== null && free < (deps.minFreeBytes ?? MIN_FREE_BYTES) ? [`disk: còn ${Math.floor(free / 1048576)} MB trong ${dataDir} / only ${Math.floor(free / 1048576)} MB free in ${dataDir}`] : []),
  ];
  return { ...report, problems };
}
