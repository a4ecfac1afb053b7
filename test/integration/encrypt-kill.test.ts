/**
 * A clear database of an earlier version is encrypted in place at the first start, and a kill -9 at
 * any moment of it leaves either the clear file or the encrypted one whole, with every row (those
 * still in the old WAL too); the next start finishes the job. The same for `motcua db rekey`: the
 * old key or the new one opens a whole file. Real SIGKILLs of a real process at moments spread over
 * the time the work takes, on a file big enough for it to take a while.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRepository, type CaseRecord } from '../../electron/db/case-repository';
import { openDatabase, type Db } from '../../electron/db/connection';
import { readDatabaseKeys } from '../../electron/db/database-key';
import { isClearDatabaseFile } from '../../electron/db/encrypted-file';
import { loadMigrations, migrate } from '../../electron/db/migrations';
import { keyFileSecretStore } from '../../electron/security/secret-store';
import { clearTextIn } from '../support/clear-text';
import { openAsItIs } from '../support/db-file';
import { makeTempDir } from '../support/temp-dir';

const MIGRATIONS = join(process.cwd(), 'electron', 'db', 'migrations');
const CASES = 40_000;
/** Committed after the bulk and left in the old WAL, as an app killed before its checkpoint leaves them. */
const IN_WAL = 10;
const NAME = 'Phùng Thị Xuân Quỳnh';
const KILLS = 8;

const tmp = makeTempDir('motcua-encrypt-kill-');
const template = join(tmp.dir, 'template');
const log: string[] = [];
afterAll(() => {
  console.log(log.join('\n'));
  tmp.cleanup();
});

const kase = (n: number): CaseRecord => ({
  id: `c${n}`,
  seq: n,
  receiptCode: `MC-260105-${String(n).padStart(7, '0')}`,
  procedureCode: 'CC.CAP-DOI',
  applicant: { personalNumber: `0010900${String(n).padStart(5, '0')}`, fullName: NAME },
  status: 'processing',
  receivedAt: '2026-01-05T02:00:00.000Z',
  dueAt: '2026-01-12T10:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  timeline: [],
});

/** A clear file as an earlier version left it, its last rows still in the WAL (copied while its connection is open). */
beforeAll(() => {
  const path = join(tmp.dir, 'build.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db, loadMigrations(MIGRATIONS));
  const repo = new CaseRepository(db);
  db.transaction(() => {
    for (let n = 1; n <= CASES; n++) repo.upsert(kase(n));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.transaction(() => {
    for (let n = CASES + 1; n <= CASES + IN_WAL; n++) repo.upsert(kase(n));
  })();
  copyFileSync(path, template);
  copyFileSync(`${path}-wal`, `${template}-wal`);
  db.close();
}, 60_000);

interface Run { readyToEnd: number; killed: boolean }

/** The clear file as the test starts from, or (for a rekey) as the app's first open encrypted it. */
function lay(dir: string, encrypted: boolean): void {
  copyFileSync(template, join(dir, 'motcua.db'));
  copyFileSync(`${template}-wal`, join(dir, 'motcua.db-wal'));
  if (encrypted) openDatabase(join(dir, 'motcua.db'), MIGRATIONS).db.close();
}

/** Runs the app's open (or a rekey) in its own process, killing it `delay` ms after it is ready (never, with Infinity). */
function runAndKill(what: 'open' | 'rekey', dir: string, delay: number): Promise<Run> {
  lay(dir, what === 'rekey');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/crash-encrypt.ts', what, join(dir, 'motcua.db'), MIGRATIONS], { stdio: ['ignore', 'pipe', 'inherit'] });
  let ready = 0;
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (c: Buffer) => {
    if (c.toString().includes('ready') && ready === 0) {
      ready = performance.now();
      if (Number.isFinite(delay)) timer = setTimeout(() => child.kill('SIGKILL'), delay);
    }
  });
  return new Promise((resolve) =>
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ readyToEnd: performance.now() - ready, killed: signal === 'SIGKILL' });
    }),
  );
}

const count = (db: Db) => db.prepare('SELECT count(*) FROM cases').pluck().get() as number;

/** The file as the kill left it: clear or encrypted, whole either way, every row there. */
function stateAfterKill(path: string): 'clear' | 'encrypted' {
  const clear = isClearDatabaseFile(path);
  // Read-only when encrypted: what the kill left, not what an open would tidy (the spare key, `.next`).
  const db = openAsItIs(path, { readonly: !clear });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(count(db)).toBe(CASES + IN_WAL);
  } finally {
    db.close();
  }
  return clear ? 'clear' : 'encrypted';
}

/** Kills `what` KILLS times at moments spread over its time (and a little past it: the rename comes at the very end), checking the files after each. */
async function killRepeatedly(what: 'open' | 'rekey', check: (path: string) => string): Promise<Set<string>> {
  // Timed twice: the first run also warms the disk cache.
  let readyToEnd = Infinity;
  for (let i = 0; i < 2; i++) {
    const timing = makeTempDir(`motcua-${what}-timing-`);
    readyToEnd = Math.min(readyToEnd, (await runAndKill(what, timing.dir, Infinity)).readyToEnd);
    timing.cleanup();
  }
  const seen = new Set<string>();
  for (let i = 0; i < KILLS; i++) {
    const dir = makeTempDir(`motcua-${what}-kill-`);
    try {
      const path = join(dir.dir, 'motcua.db');
      const delay = Math.round((1.4 * readyToEnd * (i + 0.5)) / KILLS);
      const run = await runAndKill(what, dir.dir, delay);
      const state = check(path);
      seen.add(state);
      log.push(`${what}: kill ${i + 1} at ${delay} ms of ${Math.round(readyToEnd)}: ${run.killed ? 'killed' : 'finished first'}, ${state}, files ${readdirSync(dir.dir).join(' ')}`);
      // The next start opens it, encrypted under one key, with every row; nothing half-made is left.
      const { db } = openDatabase(path, MIGRATIONS);
      expect(count(db)).toBe(CASES + IN_WAL);
      db.close();
      expect(isClearDatabaseFile(path)).toBe(false);
      expect(existsSync(`${path}.next`)).toBe(false);
      expect(readDatabaseKeys(path, keyFileSecretStore(dir.dir))).toHaveLength(1);
      expect(clearTextIn(path, [NAME])).toEqual([]);
    } finally {
      dir.cleanup();
    }
  }
  return seen;
}

describe('kill -9 while the database file is replaced', { timeout: 300_000 }, () => {
  it('encrypting a clear file in place: the clear or the encrypted file is left whole; the next start finishes', async () => {
    const seen = await killRepeatedly('open', stateAfterKill);
    // The kills fell on both sides of the rename.
    expect([...seen].sort()).toEqual(['clear', 'encrypted']);
  });

  it('rekeying: the file under the old key or under the new one is left whole, and the key file opens it', async () => {
    const seen = await killRepeatedly('rekey', (path) => {
      const keys = readDatabaseKeys(path, keyFileSecretStore(dirname(path)))!;
      expect(stateAfterKill(path)).toBe('encrypted');
      return keys.length === 2 ? 'both keys listed' : 'one key';
    });
    expect(seen.size).toBeGreaterThan(0);
  });
});
