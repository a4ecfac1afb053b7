import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Raised when the database was written by a newer MotCua: opening it could lose data. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `Cơ sở dữ liệu có phiên bản ${found}, mới hơn phiên bản ${known} mà ứng dụng này biết: hãy cập nhật MotCua. / ` +
        `The database is at schema version ${found}, newer than version ${known} this build knows: update MotCua.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files; numbering must start at 1 and have no gaps. */
export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, m: FILE.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({ version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration numbering has a gap or duplicate at ${m.version} (${dir})`);
  });
  return migrations;
}

export const schemaVersion = (db: Database.Database) => db.pragma('user_version', { simple: true }) as number;

/** Applies every pending migration and the new `user_version` in one transaction. */
export function migrate(db: Database.Database, migrations: Migration[]): { from: number; to: number } {
  const from = schemaVersion(db);
  const to = migrations.length;
  if (from > to) throw new DatabaseTooNewError(from, to);
  if (from === to) return { from, to };
  db.transaction(() => {
    for (const m of migrations.slice(from)) db.exec(m.sql);
    db.pragma(`user_version = ${to}`);
  })();
  return { from, to };
}

/**
 * Opens a database of ours for work: a newer schema refused before anything (even the journal
 * mode) is written, then WAL with every commit fsynced (what a screen was told outlives a power
 * cut; better-sqlite3 would reopen a WAL file at NORMAL, which may lose the last commits), foreign
 * keys, a busy timeout, zeroed deletes where asked, and the migrations.
 */
export function prepareAndMigrate(db: Database.Database, migrations: Migration[], { secureDelete }: { secureDelete: boolean }): { from: number; to: number } {
  const found = schemaVersion(db);
  if (found > migrations.length) throw new DatabaseTooNewError(found, migrations.length);
  db.pragma('journal_mode = WAL');
  workPragmas(db, { secureDelete });
  return migrate(db, migrations);
}

/** The settings of one connection (the journal mode is the file's): fsync on commit, foreign keys, a busy timeout, zeroed deletes where asked. */
export function workPragmas(db: Database.Database, { secureDelete }: { secureDelete: boolean }): void {
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (secureDelete) db.pragma('secure_delete = ON');
}
