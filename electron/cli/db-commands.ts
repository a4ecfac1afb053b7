import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backupDatabase, BackupError, restoreDatabase } from '../db/backup';
import { openDatabase } from '../db/connection';
import { loadMigrations } from '../db/migrations';
import { DatabaseBusyError, rekeyDatabase } from '../db/rekey';
import { databaseStats } from '../db/stats';
import { keyFileSecretStore } from '../security/secret-store';
import { CHANGES_FEED } from '../sync/apply-batch';
import { auditVerify } from './audit';
import type { Flags } from './flags';
import { appRoot } from './paths';
import { purgeCommand } from './purge';
import { runSync } from './sync';

// The commands that work on a database file alone: sync, db stats/backup/restore/purge/rekey, audit verify. They load no
// host, fonts or renderer, so they start fast and stay small.

export async function syncCommand(flags: Flags): Promise<void> {
  const db = openDb(flags);
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  try {
    process.exitCode = await runSync(db, { central: flags.central, token: flags.token, centralKey: flags['central-key'], once: flags.once }, stop.signal);
  } finally {
    db.close();
  }
}

export async function auditCommand(flags: Flags, sub: string | undefined, usage: string): Promise<void> {
  if (sub !== 'verify') throw new Error(`unknown audit command: ${sub ?? ''}\n${usage}`);
  const db = openDb(flags);
  try {
    process.exitCode = auditVerify(db, flags.json);
  } finally {
    db.close();
  }
}

const migrationsDir = () => join(appRoot(), 'electron', 'db', 'migrations');

/** Commands that work on a database file alone: no host, no demo, no devices. */
export function openDb(flags: Flags) {
  if (!flags.db) throw new Error('--db PATH is required');
  return openDatabase(flags.db, migrationsDir()).db;
}

/** The CLI's secret store: the key file beside the database (a key sealed by the Electron app's keyring does not open here). */
const cliSecrets = (dbPath: string) => keyFileSecretStore(dirname(dbPath));

/** `db backup --to FILE` and `db restore --from FILE`: JSON on one line, `{ok:false,error}` and exit 1 when refused. */
async function backupOrRestore(flags: Flags, sub: 'backup' | 'restore'): Promise<object> {
  const knownSchema = loadMigrations(migrationsDir()).length;
  if (!flags.db) throw new BackupError('BACKUP_NOT_FOUND', 'Thiếu --db PATH', '--db PATH is required');
  if (sub === 'restore') {
    if (!flags.from) throw new BackupError('BACKUP_NOT_FOUND', 'Thiếu --from FILE', '--from FILE is required');
    const safetyCopy = `${flags.db}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    return restoreDatabase(flags.db, flags.from, safetyCopy, knownSchema, cliSecrets(flags.db));
  }
  if (!flags.to) throw new BackupError('BACKUP_TARGET_EXISTS', 'Thiếu --to FILE', '--to FILE is required');
  if (!existsSync(flags.db)) throw new BackupError('BACKUP_NOT_FOUND', `Không có cơ sở dữ liệu ${flags.db}`, `no database at ${flags.db}`);
  const db = openDb(flags);
  try {
    return { backup: await backupDatabase(db, flags.to, knownSchema, cliSecrets(flags.db)) };
  } finally {
    db.close();
  }
}

export async function dbCommand(flags: Flags, sub: string | undefined, usage: string): Promise<void> {
  if (sub === 'backup' || sub === 'restore') {
    try {
      console.log(JSON.stringify({ ok: true, ...(await backupOrRestore(flags, sub)) }));
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      console.log(JSON.stringify({ ok: false, error: { code: error.code, message: error.message } }));
      process.exitCode = 1;
    }
    return;
  }
  if (sub === 'rekey') {
    if (!flags.db) throw new Error('--db PATH is required');
    try {
      console.log(JSON.stringify({ ok: true, ...rekeyDatabase(flags.db, cliSecrets(flags.db)) }));
    } catch (error) {
      if (!(error instanceof DatabaseBusyError)) throw error;
      console.log(JSON.stringify({ ok: false, error: { code: 'DATABASE_BUSY', message: error.message } }));
      process.exitCode = 1;
    }
    return;
  }
  if (sub === 'purge') {
    const db = openDb(flags);
    try {
      purgeCommand(db, { dryRun: flags['dry-run'], json: flags.json });
    } finally {
      db.close();
    }
    return;
  }
  if (sub !== 'stats') throw new Error(`unknown db command: ${sub ?? ''}\n${usage}`);
  const db = openDb(flags);
  try {
    const stats = databaseStats(db, CHANGES_FEED);
    console.log(flags.json ? JSON.stringify(stats) : JSON.stringify(stats, null, 2));
  } finally {
    db.close();
  }
}
