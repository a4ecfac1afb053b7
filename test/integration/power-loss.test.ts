import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../electron/db/audit-repository';
import { openDatabase, openDatabaseFile, type Db } from '../../electron/db/connection';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { DEMO_ACCOUNTS } from '../../electron/host/account-handlers';
import { AuditLog } from '../../electron/security/audit';
import { makePrng } from '../support/central-sim/prng';
import { DB_FILE, type CrashKind, type CrashOp } from '../support/crash-ops';
import { MODELS, RESTORE_BULK, type CrashModel } from '../support/crash-models';
import { MIGRATIONS_DIR, RESTORE_SOURCES } from '../support/crash-writes-db';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

// Power loss: a writer process (test/support/crash-writer.ts) writes one kind of thing
// through the app's own code and is killed with SIGKILL at seeded random moments, several times on
// the same files. After each kill the app's own open function must open every file, SQLite must
// find it whole (integrity_check, foreign keys), the schema must be the current one, the audit
// chain must verify, and the rows must be exactly what the committed writes made: the ops the
// writer said had committed, plus at most the one it had begun (its commit may have returned just
// before the kill). The sync's own kill -9 test is sync-crash.test.ts.
//
// A SIGKILL is not a power cut: what the process wrote stays in the OS page cache. This proves the
// writes are atomic and consistent; that a commit also outlives a power cut rests on SQLite's
// fsync of the WAL at every commit (synchronous FULL, which openDatabase sets; checked here).
//
// POWER_LOSS_KILLS (default 2) sets the kills per kind; the first kill of a kind lands anywhere in
// the writer's start-up (the app's migrations of a new file, the demo seed), the others while it writes.

const KILLS = Number(process.env.POWER_LOSS_KILLS ?? 2);
const KINDS = Object.keys(MODELS) as CrashKind[];
/** After the first write begins, the kill lands within this window: several ops' time (a PDF, a scrypt hash are slow). */
const WRITE_WINDOW_MS: Partial<Record<CrashKind, number>> = { drafts: 5000, counter: 4000, accounts: 3000 };
const START_WINDOW_MS = 2500;

const tmp = makeTempDir('motcua-power-loss-');
/** Every kill, for whoever reads the run. */
const log: string[] = [];
let reference: string[];

/** The schema as the app makes it: the tables, indexes and triggers of a fresh file. */
const schemaOf = (db: Db) => db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as unknown as string[];

beforeAll(() => {
  const fresh = openDatabase(join(tmp.dir, 'reference.db'), MIGRATIONS_DIR);
  reference = schemaOf(fresh.db);
  fresh.db.close();
});
afterAll(() => {
  console.log(log.join('\n'));
  tmp.cleanup();
});

interface Run {
  ops: CrashOp[];
  committed: number;
  ready: boolean;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the writer and kills it `delay` ms after its first write begins (or after it starts, with `early`). */
function runWriter(kind: CrashKind, dir: string, first: number, early: boolean, delay: number): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-writer.ts', kind, dir, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { ops: [], committed: 0, ready: false, signal: null, stderr: '' };
  let pending = '';
  const kill = () => void child.kill('SIGKILL');
  const timers = [setTimeout(kill, 30_000)];
  if (early) timers.push(setTimeout(kill, delay));
  child.stderr.on('data', (c: Buffer) => (run.stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    const lines = (pending + c.toString()).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') run.ready = true;
      else if (line.startsWith('begin ')) {
        if (!early && run.ops.length === 0) timers.push(setTimeout(kill, delay));
        run.ops.push(JSON.parse(line.slice(6)) as CrashOp);
      }
      else if (line.startsWith('committed ')) run.committed++;
    }
  });
  // 'close', not 'exit': the lines still in the pipe when the child died are read first.
  return new Promise((resolve) =>
    child.on('close', (_code, signal) => {
      for (const t of timers) clearTimeout(t);
      run.signal = signal;
      resolve(run);
    }),
  );
}

/** Opens `path` with the app's own function and checks what must hold of any file after a crash. */
function checkOpens(path: string, label: string): void {
  const { db, migrations } = openDatabase(path, MIGRATIONS_DIR);
  try {
    expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    expect(db.pragma('foreign_key_check'), label).toEqual([]);
    expect(db.pragma('user_version', { simple: true }), label).toBe(migrations.length);
    // A reopened WAL file fsyncs every commit too (better-sqlite3's own default would be NORMAL).
    expect(db.pragma('synchronous', { simple: true }), `${label}: synchronous`).toBe(2);
    expect(schemaOf(db), label).toEqual(reference);
    expect(new AuditLog(new AuditRepository(db), new SettingsRepository(db)).verify(), label).toMatchObject({ ok: true });
  } finally {
    db.close();
  }
}

/** The main file opened plainly (SQLite rolls back what was not committed), or an empty one. */
function plainMain<T>(dir: string, read: (db: Db) => T): T {
  const path = join(dir, DB_FILE);
  const db = existsSync(path) ? openDatabaseFile(path) : new Database(':memory:');
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** The main file opened with the app's own function (its field cipher decrypts the personal columns). */
function appMain<T>(dir: string, read: (db: Db) => T): T {
  const { db } = openDatabase(join(dir, DB_FILE), MIGRATIONS_DIR);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** What the files hold now; a kind with files of its own reads them as they are, unopened by the app. */
const readState = (model: CrashModel, dir: string) => (model.files ? plainMain(dir, (db) => model.project(db, dir)) : appMain(dir, (db) => model.project(db, dir)));

/** Killed before the app's first migrations committed: no schema, so nothing written either. */
const unmigrated = (db: Db) => db.pragma('user_version', { simple: true }) === 0;

/** How many of the demo's accounts the file has. */
const demoAccounts = (db: Db) => db.prepare(`SELECT count(*) FROM accounts WHERE username IN (${DEMO_ACCOUNTS.map(() => '?').join(', ')})`).pluck().get(...DEMO_ACCOUNTS.map((a) => a.username)) as number;

/** A backup as `motcua db backup` would have made it, told apart by its marker and bulk. */
function makeBackup(path: string, marker: string, bulk: number): void {
  const { db } = openDatabase(path, MIGRATIONS_DIR);
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    put.run('crash.marker', marker);
    for (let i = 0; i < bulk; i++) put.run(`crash.bulk.${i}`, `${marker}${i}`.padEnd(120, '·'));
  })();
  db.close();
}

describe('power loss: kill -9 during writes', () => {
  // Two kinds at a time: a writer spends most of its life starting up (tsx, the host).
  const slots = limit(2);
  it.concurrent.each(KINDS)('%s: every file opens whole, at the last committed state', { timeout: 90_000 * KILLS }, (kind) => slots(() => killRepeatedly(kind)));
});

/** Kills one kind's writer KILLS times on the same files, checking them after each kill. */
async function killRepeatedly(kind: CrashKind): Promise<void> {
  const model = MODELS[kind];
  // Its own seed per kind: a kind run alone (-t) kills at the same moments as in the whole file.
  const prng = makePrng(`power-loss|${kind}`);
  const dir = makeTempDir(`motcua-power-loss-${kind}-`);
  try {
    if (kind === 'restore') RESTORE_SOURCES.forEach((f, i) => makeBackup(join(dir.dir, f), 'AB'[i]!, RESTORE_BULK[i]!));
    let state = model.initial;
    let next = 0;
    let kills = 0;
    for (let i = 0; i < KILLS; i++) {
      const early = i === 0;
      const run = await runWriter(kind, dir.dir, next, early, prng.int(0, early ? START_WINDOW_MS : (WRITE_WINDOW_MS[kind] ?? 900)));
      const label = `${kind} kill ${i + 1}: ${run.committed} committed of ${run.ops.length} begun`;
      expect(run.signal, `${label}: the writer ended by itself\n${run.stderr}`).toBe('SIGKILL');
      if (!early) expect(run.ops.length, `${label}: the kill fell before any write`).toBeGreaterThan(0);
      kills++;
      // The files as the kill left them: the committed ops, or those and the one begun.
      const committed = run.ops.slice(0, run.committed).reduce(model.reduce, state);
      const begun = run.ops.length > run.committed ? model.reduce(committed, run.ops.at(-1)!) : null;
      // A call's work and its audit row commit together (the router's transaction, or an async
      // handler's commit with its row): the work kept without its row fails here.
      const candidates = begun ? [committed, begun] : [committed];
      const found = plainMain(dir.dir, unmigrated) && !model.files ? model.initial : readState(model, dir.dir);
      const match = candidates.find((c) => isDeepStrictEqual(c, found));
      expect(found, `${label}: not the last committed state (last op begun: ${JSON.stringify(run.ops.at(-1))})`).toEqual(match ?? committed);
      log.push(`${label}${match === candidates[1] ? ' (the begun one had committed too)' : ''}`);
      // The app opens every file after the crash (bringing it up to date as it would at start).
      for (const path of model.files?.(dir.dir) ?? [join(dir.dir, DB_FILE)]) checkOpens(path, label);
      // The demo's officer and technician are made together at the first start, or not yet.
      if (!run.ready && !model.files) expect(plainMain(dir.dir, demoAccounts), label).toSatisfy((n: number) => n === 0 || n === DEMO_ACCOUNTS.length);
      if (model.afterOpen) appMain(dir.dir, (db) => model.afterOpen!(db, dir.dir));
      state = readState(model, dir.dir);
      next = Math.max(next, ...run.ops.map((op) => op.k + 1));
    }
    expect(kills).toBe(KILLS);
    if (kind === 'audit') {
      const verify = await runMotcua('audit', 'verify', '--db', join(dir.dir, DB_FILE));
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    }
  } finally {
    dir.cleanup();
  }
}

/** Runs at most `n` of the given tasks at once. */
function limit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((r) => waiting.push(r));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
