import Database from 'better-sqlite3-multiple-ciphers';
import { openAsItIs } from '../support/db-file';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { DatabaseTooNewError, loadMigrations, migrate, schemaVersion } from '../../electron/db/migrations';
import { makeTempDir } from '../support/temp-dir';

const MIGRATIONS_DIR = join(process.cwd(), 'electron', 'db', 'migrations');
/** Counted from the folder, not from the code under test. */
const MIGRATION_FILES = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
// FTS5 keeps each index in its own shadow tables (_config, _data, _docsize, _idx).
const fts5 = (name: string) => [name, ...['config', 'data', 'docsize', 'idx'].map((s) => `${name}_${s}`)];
const EXPECTED_TABLES = [
  'accounts', 'audit_log', 'audit_shipping', 'case_search_docs', ...fts5('case_search_open'), ...fts5('case_search_recent'), 'case_search_state', 'cases',
  'centres', 'consents', 'counter_reviews', 'counter_submissions', 'devices', 'drafts', 'outbox', 'procedures', 'settings', 'sync_state', 'synced_objects',
];

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir('motcua-db-');
});
afterEach(() => tmp.cleanup());

function tablesOf(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name);
}

/** Reads a file's state with a plain connection, independent of openDatabase. */
function inspect<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = openAsItIs(path, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('openDatabase on a new file', () => {
  it('creates the file with every migration applied', () => {
    const path = join(tmp.dir, 'motcua.sqlite');
    const { db, migrations } = openDatabase(path, MIGRATIONS_DIR);
    db.close();
    expect(MIGRATION_FILES.length).toBeGreaterThanOrEqual(2);
    expect(migrations).toHaveLength(MIGRATION_FILES.length);
    expect(existsSync(path)).toBe(true);
    inspect(path, (raw) => {
      expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATION_FILES.length);
      expect(tablesOf(raw)).toEqual(EXPECTED_TABLES);
    });
  });

  it('puts the database in WAL mode (persisted in the file) with foreign keys and a busy timeout', () => {
    const path = join(tmp.dir, 'motcua.sqlite');
    const { db } = openDatabase(path, MIGRATIONS_DIR);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
    inspect(path, (raw) => expect(raw.pragma('journal_mode', { simple: true })).toBe('wal'));
  });

  it('is idempotent: reopening keeps the version and the data', () => {
    const path = join(tmp.dir, 'motcua.sqlite');
    const first = openDatabase(path, MIGRATIONS_DIR);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    first.db.close();
    const second = openDatabase(path, MIGRATIONS_DIR);
    expect(schemaVersion(second.db)).toBe(MIGRATION_FILES.length);
    expect(migrate(second.db, second.migrations)).toEqual({ from: MIGRATION_FILES.length, to: MIGRATION_FILES.length });
    expect(second.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('k')).toBe('v');
    second.db.close();
  });

  it('creates STRICT tables that refuse wrongly typed values', () => {
    const { db } = openDatabase(join(tmp.dir, 'motcua.sqlite'), MIGRATIONS_DIR);
    expect(() => db.prepare("INSERT INTO procedures (code, national, name_vi, name_en, agency_vi, agency_en) VALUES ('x', 'yes', 'a', 'b', 'c', 'd')").run()).toThrow();
    db.close();
  });
});

describe('upgrading an older database', () => {
  it('applies the missing migrations and keeps existing rows', () => {
    const path = join(tmp.dir, 'old.sqlite');
    const old = new Database(path);
    expect(migrate(old, loadMigrations(MIGRATIONS_DIR).slice(0, 1))).toEqual({ from: 0, to: 1 });
    old.prepare("INSERT INTO settings (key, value) VALUES ('centre.code', 'HN-01')").run();
    expect(tablesOf(old)).not.toContain('audit_log');
    old.close();

    const { db } = openDatabase(path, MIGRATIONS_DIR);
    expect(schemaVersion(db)).toBe(MIGRATION_FILES.length);
    expect(tablesOf(db)).toEqual(EXPECTED_TABLES);
    expect(db.prepare('SELECT key, value FROM settings').all()).toEqual([{ key: 'centre.code', value: 'HN-01' }]);
    db.close();
  });

  it('migrate reports where it started and ended', () => {
    const db = new Database(join(tmp.dir, 'a.sqlite'));
    const all = loadMigrations(MIGRATIONS_DIR);
    expect(migrate(db, all.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(migrate(db, all)).toEqual({ from: 1, to: all.length });
    db.close();
  });
});

describe('a database written by a newer MotCua', () => {
  function makeFutureDb(path: string, wal: boolean): void {
    const db = new Database(path);
    if (wal) db.pragma('journal_mode = WAL');
    db.exec("CREATE TABLE future_things (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO future_things (note) VALUES ('keep me');");
    db.pragma('user_version = 99');
    db.close();
  }

  it('is refused with a DatabaseTooNewError in Vietnamese and English', () => {
    const path = join(tmp.dir, 'future.sqlite');
    makeFutureDb(path, true);
    let error: unknown;
    try {
      openDatabase(path, MIGRATIONS_DIR);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const e = error as DatabaseTooNewError;
    expect(e.found).toBe(99);
    expect(e.known).toBe(MIGRATION_FILES.length);
    expect(e.message).toContain('Cơ sở dữ liệu');
    expect(e.message).toMatch(/cập nhật MotCua/);
    expect(e.message).toMatch(/update MotCua/);
    expect(e.message).toContain('99');
  });

  it('is left as it was: version 99, its tables and rows, no MotCua tables added', () => {
    const path = join(tmp.dir, 'future.sqlite');
    makeFutureDb(path, false);
    expect(() => openDatabase(path, MIGRATIONS_DIR)).toThrow(DatabaseTooNewError);
    inspect(path, (raw) => {
      expect(raw.pragma('user_version', { simple: true })).toBe(99);
      expect(tablesOf(raw)).toEqual(['future_things']);
      expect(raw.prepare('SELECT note FROM future_things').pluck().all()).toEqual(['keep me']);
    });
  });

  it.each([
    ['WAL (as MotCua writes them)', true],
    ['rollback journal (not even switched to WAL)', false],
  ])('a %s database is left byte for byte unchanged', (_journal, wal) => {
    const path = join(tmp.dir, 'future.sqlite');
    makeFutureDb(path, wal);
    const before = readFileSync(path);
    expect(() => openDatabase(path, MIGRATIONS_DIR)).toThrow(DatabaseTooNewError);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('does not leave the file locked: it can be opened for writing afterwards', () => {
    const path = join(tmp.dir, 'future.sqlite');
    makeFutureDb(path, true);
    expect(() => openDatabase(path, MIGRATIONS_DIR)).toThrow(DatabaseTooNewError);
    const db = new Database(path);
    expect(() => db.prepare("INSERT INTO future_things (note) VALUES ('x')").run()).not.toThrow();
    db.close();
  });
});

describe('a failing migration', () => {
  function migrationsWithBroken002(): string {
    const dir = join(tmp.dir, 'migrations');
    mkdirSync(dir);
    copyFileSync(join(MIGRATIONS_DIR, MIGRATION_FILES[0]!), join(dir, MIGRATION_FILES[0]!));
    return dir;
  }
  const BROKEN = 'CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO half_done (id) VALUES (1);\nINSERT INTO no_such_table VALUES (1);\n';

  it('rolls back entirely: the version stays at 1 and no table of the broken migration remains', () => {
    const dir = migrationsWithBroken002();
    const path = join(tmp.dir, 'motcua.sqlite');
    const first = openDatabase(path, dir);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('a', 'b')").run();
    first.db.close();

    writeFileSync(join(dir, '002_broken.sql'), BROKEN);
    expect(() => openDatabase(path, dir)).toThrow(/no_such_table/);

    inspect(path, (raw) => {
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      expect(tablesOf(raw)).not.toContain('half_done');
      expect(raw.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('a')).toBe('b');
    });
  });

  it('on a new file, leaves neither migration applied', () => {
    const dir = migrationsWithBroken002();
    writeFileSync(join(dir, '002_broken.sql'), BROKEN);
    const path = join(tmp.dir, 'fresh.sqlite');
    expect(() => openDatabase(path, dir)).toThrow();
    inspect(path, (raw) => {
      expect(raw.pragma('user_version', { simple: true })).toBe(0);
      expect(tablesOf(raw)).toEqual([]);
    });
  });

  it('after the broken migration is fixed, the next start applies it', () => {
    const dir = migrationsWithBroken002();
    const path = join(tmp.dir, 'motcua.sqlite');
    writeFileSync(join(dir, '002_broken.sql'), BROKEN);
    expect(() => openDatabase(path, dir)).toThrow();
    writeFileSync(join(dir, '002_broken.sql'), 'CREATE TABLE half_done (id INTEGER PRIMARY KEY);');
    const { db } = openDatabase(path, dir);
    expect(schemaVersion(db)).toBe(2);
    expect(tablesOf(db)).toContain('half_done');
    db.close();
  });
});

describe('loadMigrations', () => {
  function dirWith(files: Record<string, string>): string {
    const dir = join(tmp.dir, `m${Math.random().toString(36).slice(2)}`);
    mkdirSync(dir);
    for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
    return dir;
  }

  it('reads the real folder in order with names and SQL', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrations.map((m) => m.version)).toEqual(MIGRATION_FILES.map((_, i) => i + 1));
    expect(migrations.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}.sql`)).toEqual(MIGRATION_FILES);
    expect(migrations[0]!.sql).toBe(readFileSync(join(MIGRATIONS_DIR, MIGRATION_FILES[0]!), 'utf8'));
  });

  it('rejects a gap in the numbering', () => {
    expect(() => loadMigrations(dirWith({ '001_a.sql': '', '003_c.sql': '' }))).toThrow(/gap or duplicate at 3/);
  });

  it('rejects numbering that does not start at 1', () => {
    expect(() => loadMigrations(dirWith({ '002_b.sql': '' }))).toThrow(/gap or duplicate at 2/);
  });

  it('rejects two migrations with the same number', () => {
    expect(() => loadMigrations(dirWith({ '001_a.sql': '', '001_b.sql': '', '002_c.sql': '' }))).toThrow(/gap or duplicate/);
  });

  it('ignores files that are not NNN_name.sql', () => {
    const dir = dirWith({ '001_a.sql': 'SELECT 1;', 'README.md': '#', '2_b.sql': '', '002_Upper.sql': '', '002_b.sql.bak': '' });
    expect(loadMigrations(dir).map((m) => m.version)).toEqual([1]);
  });

  it('an empty folder means no migrations', () => {
    expect(loadMigrations(dirWith({}))).toEqual([]);
  });
});
