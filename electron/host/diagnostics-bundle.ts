import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import type { DoctorReport } from '../contract';
import type { Db } from '../db/connection';
import { DeviceRepository } from '../db/device-repository';
import { bareUrl } from './doctor';
import { lastLogLines } from './host-log';

/**
 * Settings a technician may share. An allowlist, so a key added later (a token, a key, a PIN
 * hash) stays out until someone decides it is safe; the others appear by name only.
 */
const SHAREABLE_SETTINGS = [/^central\.url$/, /^centre\.code$/, /^print\.printer\./, /^kiosk\./, /^demo\.seeded$/];
/** Public, but long: shared as a fingerprint. */
const FINGERPRINTED_SETTINGS = ['central.publicKeyPem'];

export interface BundleDeps {
  db: Db;
  doctor: DoctorReport;
  version: string;
  /** The host log's folder: its last lines go in (they are redacted when written). */
  logDir?: string;
  now?: () => Date;
}

function config(db: Db): { settings: Record<string, string>; withheld: string[] } {
  const settings: Record<string, string> = {};
  const withheld: string[] = [];
  for (const { key, value } of db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings ORDER BY key').all()) {
    if (FINGERPRINTED_SETTINGS.includes(key)) settings[key] = `sha256:${createHash('sha256').update(value).digest('hex')}`;
    else if (key === 'central.url') settings[key] = bareUrl(value);
    else if (SHAREABLE_SETTINGS.some((p) => p.test(key))) settings[key] = value;
    else withheld.push(key);
  }
  return { settings, withheld };
}

const count = (db: Db, sql: string) => db.prepare<[], { n: number }>(sql).get()!.n;

/** The officer's login name is in the home folder's path; a bundle says `~` instead. */
const withoutHome = <T>(value: T): T => JSON.parse(JSON.stringify(value).split(homedir()).join('~')) as T;

/**
 * What a technician sends to support: versions, configuration without secrets, devices, the
 * last errors (channel and code), sync state, printers, the doctor's findings. Personal data
 * never enters: no case, consent, draft or audit subject is read, only counts of them, and the
 * audit log only by channel and outcome code.
 */
export function diagnosticsBundle(deps: BundleDeps) {
  const { db, doctor } = deps;
  return withoutHome({
    kind: 'motcua-diagnostics',
    generatedAt: (deps.now ?? (() => new Date()))().toISOString(),
    versions: { app: deps.version, node: process.versions.node, electron: doctor.electron.packageVersion, platform: process.platform, arch: process.arch, schema: doctor.database.schemaVersion },
    config: config(db),
    devices: new DeviceRepository(db).all().map(({ key, vendorId, productId, usagePage, name, role, profile }) => ({ key, vendorId, productId, usagePage, name, role, profile })),
    lastErrors: db
      .prepare<[], { at: string; role: string; channel: string; outcome: string }>("SELECT at, role, channel, outcome FROM audit_log WHERE outcome <> 'ok' ORDER BY id DESC LIMIT 50")
      .all(),
    sync: {
      feeds: db.prepare<[], Record<string, unknown>>('SELECT feed, cursor, last_success_at, last_error, last_error_at FROM sync_state').all(),
      outbox: db.prepare<[], { state: string; n: number }>('SELECT state, COUNT(*) AS n FROM outbox GROUP BY state').all(),
    },
    counts: {
      cases: count(db, 'SELECT COUNT(*) AS n FROM cases'),
      drafts: count(db, 'SELECT COUNT(*) AS n FROM drafts'),
      consents: count(db, 'SELECT COUNT(*) AS n FROM consents'),
      auditRows: count(db, 'SELECT COUNT(*) AS n FROM audit_log'),
    },
    printers: doctor.printers,
    log: deps.logDir ? { dir: deps.logDir, lastLines: lastLogLines(deps.logDir) } : null,
    doctor: { hid: doctor.hid, central: { ...doctor.central, url: doctor.central.url && bareUrl(doctor.central.url) }, fonts: doctor.fonts, disk: doctor.disk, problems: doctor.problems ?? [] },
  });
}

export type DiagnosticsBundle = ReturnType<typeof diagnosticsBundle>;
