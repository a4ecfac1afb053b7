// The sync benchmark, run by `npm run bench` after the others.
// (a) the initial sync of N cases from the simulator over loopback by the real `motcua sync`
// process into its encrypted database, against a raw prepared INSERT of the same rows in one
// transaction into an unencrypted database (and, for the cost of the cipher alone, an encrypted one);
// (b) the peak RSS of the syncing process at 100k cases and at N, to show it stays flat;
// (c) an incremental pull of 1,000 changes on the N-case database.
// N is MOTCUA_BENCH_CASES (default 1,000,000). The simulator's files are cached in
// MOTCUA_BENCH_CACHE (default <tmp>/motcua-bench-cache) and reused across runs. Never fails on timing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openDatabase } from '../../electron/db/connection';
import { loadMigrations, migrate } from '../../electron/db/migrations';
import type { CaseData, CaseStatus } from '../support/central-sim/cases';
import { headChanges, tailChanges } from '../support/central-sim/catalogue';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { addSummary } from './summary';

const SEED = 'bench';
const INCREMENTAL = 1000;
const RSS_POINT = 100_000;
const MOVES: Partial<Record<CaseStatus, CaseStatus>> = { received: 'processing', processing: 'completed', 'supplement-required': 'processing' };

interface SyncRun { ms: number; peakRssMiB: number; code: number | null; stdout: string; stderr: string }

const mib = (kb: number) => kb / 1024;

/** Peak RSS so far of a live process (VmHWM), in kB; 0 once it is gone. */
function vmHwmKb(pid: number): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The CLI as it ships: the bundle `npm run bench` builds first (tsx would add its loader to every run). */
const CLI = ['dist/cli/motcua.cjs'];

/** Runs `motcua sync --once` as a child process; times it and samples its peak RSS until it exits. */
function syncProcess(sim: CentralSim, keyFile: string, dbPath: string): Promise<SyncRun> {
  const args = [...CLI, 'sync', '--central', sim.url, '--token', sim.token, '--central-key', keyFile, '--db', dbPath, '--once'];
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let peak = 0;
  const sample = () => (peak = Math.max(peak, vmHwmKb(child.pid ?? 0)));
  const timer = setInterval(sample, 50);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - start, peakRssMiB: mib(peak), code, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

/** Changes a freshly generated simulator file holds: catalogue head, the cases, catalogue tail. */
const pristineHead = (cases: number) => headChanges().length + cases + tailChanges().length;

/** Drops changes appended by an earlier run's incremental step, so the cached file stays as generated. */
function trimSimFile(file: string, cases: number): void {
  if (!existsSync(file)) return;
  const db = new Database(file);
  try {
    const hasChanges = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'changes'").get() !== undefined;
    if (hasChanges) db.prepare('DELETE FROM changes WHERE seq > ?').run(pristineHead(cases));
  } finally {
    db.close();
  }
}

export async function openSim(cacheDir: string, cases: number): Promise<{ sim: CentralSim; file: string; startMs: number }> {
  const file = join(cacheDir, `central-${SEED}-${cases}.db`);
  trimSimFile(file, cases);
  const t = performance.now();
  const sim = await startCentralSim({ cases, seed: SEED, db: file, keyDir: cacheDir });
  return { sim, file, startMs: performance.now() - t };
}

/** A database as openDatabase makes it (WAL, synchronous FULL, the schema) but NOT encrypted: the raw baseline's. */
function clearDatabase(dbPath: string): Database.Database {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  migrate(db, loadMigrations(join(process.cwd(), 'electron', 'db', 'migrations')));
  return db;
}

/**
 * The raw baseline: the same case rows into the same schema with one prepared INSERT, one
 * transaction, into an unencrypted database (or, with `encrypted`, one the app opens). Only the
 * inserts and the commit are timed.
 */
function rawInsertMs(sim: CentralSim, dbPath: string, encrypted: boolean): { ms: number; rows: number } {
  const db = encrypted ? openDatabase(dbPath, join(process.cwd(), 'electron', 'db', 'migrations')).db : clearDatabase(dbPath);
  const insert = db.prepare(
    `INSERT INTO cases (id, receipt_code, procedure_code, applicant_personal_number, applicant_full_name, status,
       received_at, due_at, updated_at, timeline, seq, centre_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let ms = 0;
  let rows = 0;
  let after = 0;
  db.exec('BEGIN');
  for (;;) {
    const page = sim.store.page(after, 10_000);
    if (page.length === 0) break;
    after = page[page.length - 1]!.seq;
    const params: (string | number | null)[][] = [];
    for (const { line } of page) {
      const c = JSON.parse(line) as { seq: number; type: string; id: string; data: CaseData };
      if (c.type !== 'case') continue;
      const d = c.data;
      params.push([c.id, d.receiptCode, d.procedureCode, d.applicant.personalNumber, d.applicant.fullName, d.status, d.receivedAt, d.dueAt, d.updatedAt, JSON.stringify(d.timeline), c.seq, d.centreCode ?? null]);
    }
    const t = performance.now();
    for (const p of params) insert.run(p);
    ms += performance.now() - t;
    rows += params.length;
  }
  const t = performance.now();
  db.exec('COMMIT');
  ms += performance.now() - t;
  db.close();
  return { ms, rows };
}

/** Moves `count` cases on through the simulator's control route (one change each). */
async function moveCases(sim: CentralSim, count: number): Promise<number> {
  let moved = 0;
  let after = 0;
  while (moved < count) {
    const page = sim.store.page(after, 5000);
    if (page.length === 0) break;
    after = page[page.length - 1]!.seq;
    for (const { line } of page) {
      if (moved >= count) break;
      const c = JSON.parse(line) as { type: string; data: CaseData };
      const next = c.type === 'case' ? MOVES[c.data.status] : undefined;
      if (!next) continue;
      const res = await fetch(`${sim.url}/_control/cases/${encodeURIComponent(c.data.receiptCode)}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ status: next, note: 'bench' }),
      });
      await res.body?.cancel();
      if (res.status === 200) moved++;
    }
  }
  return moved;
}

export async function runSyncBench(): Promise<void> {
  const n = Number(process.env.MOTCUA_BENCH_CASES ?? 1_000_000);
  if (!Number.isInteger(n) || n < 1) throw new Error('MOTCUA_BENCH_CASES must be a positive integer');
  const cacheDir = process.env.MOTCUA_BENCH_CACHE ?? join(tmpdir(), 'motcua-bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'motcua-sync-bench-'));
  const keyFile = join(work, 'central-public.pem');
  const table: [string, string][] = [];
  const row = (name: string, value: string) => {
    table.push([name, value]);
    console.error(`  … ${name}: ${value}`); // progress, on stderr
  };
  const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rate = (rows: number, ms: number) => `${Math.round((rows * 1000) / ms).toLocaleString('en-US')} rows/s`;
  const failed = (what: string, r: SyncRun) => console.error(`sync bench: ${what} exited ${r.code}: ${r.stderr.split('\n').filter((l) => !l.startsWith('npm warn')).join(' ')}`);

  try {
    // (b) at 100k first, on its own simulator, when N is larger.
    let rss100k: SyncRun | undefined;
    if (n > RSS_POINT) {
      const { sim, file, startMs } = await openSim(cacheDir, RSS_POINT);
      writeFileSync(keyFile, sim.publicKeyPem);
      row(`simulator ready, ${RSS_POINT.toLocaleString('en-US')} cases`, fmt(startMs));
      rss100k = await syncProcess(sim, keyFile, join(work, 'kiosk-100k.db'));
      if (rss100k.code !== 0) failed('100k sync', rss100k);
      await sim.close();
      trimSimFile(file, RSS_POINT);
      rmSync(join(work, 'kiosk-100k.db'), { force: true });
    }

    const { sim, file, startMs } = await openSim(cacheDir, n);
    writeFileSync(keyFile, sim.publicKeyPem);
    row(`simulator ready, ${n.toLocaleString('en-US')} cases (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB file)`, fmt(startMs));
    try {
      // (a) the initial sync, then the raw baseline.
      const kioskDb = join(work, 'kiosk.db');
      const initial = await syncProcess(sim, keyFile, kioskDb);
      if (initial.code !== 0) failed('initial sync', initial);
      // A sync with nothing to pull: the fixed cost of a run (node + tsx start, open, one request).
      const noop = await syncProcess(sim, keyFile, kioskDb);
      const raw = rawInsertMs(sim, join(work, 'raw.db'), false);
      const rawEncrypted = rawInsertMs(sim, join(work, 'raw-encrypted.db'), true);
      for (const f of ['raw.db', 'raw-encrypted.db']) rmSync(join(work, f), { force: true });
      const netMs = Math.max(1, initial.ms - noop.ms);
      row('(a) initial sync (motcua sync --once, whole process)', `${fmt(initial.ms)}  ${rate(raw.rows, initial.ms)}`);
      row('(a) initial sync net of a no-op run', `${fmt(netMs)}  ${rate(raw.rows, netMs)}  (no-op run ${fmt(noop.ms)})`);
      row('(a) raw prepared INSERT, one transaction, unencrypted database', `${fmt(raw.ms)}  ${rate(raw.rows, raw.ms)}`);
      row('(a) the same raw INSERT into an encrypted database', `${fmt(rawEncrypted.ms)}  ${rate(rawEncrypted.rows, rawEncrypted.ms)}  (${((100 * raw.ms) / rawEncrypted.ms).toFixed(1)} % of unencrypted)`);
      row('(a) encrypted sync speed / unencrypted raw insert speed (target ≥ 45 %)', `${((100 * raw.ms) / initial.ms).toFixed(1)} % whole process, ${((100 * raw.ms) / netMs).toFixed(1)} % net`);
      addSummary({
        benchmark: `initial sync, ${n.toLocaleString('en-US')} cases, encrypted database`,
        measured: `${rate(raw.rows, initial.ms)}, peak RSS ${initial.peakRssMiB.toFixed(0)} MiB`,
        baseline: `${rate(raw.rows, raw.ms)} (raw prepared INSERT, one transaction, unencrypted)`,
        ratio: `${((100 * raw.ms) / initial.ms).toFixed(1)} % of raw speed`,
        goal: '≥ 45 %, RSS < 250 MB',
        met: raw.ms / initial.ms >= 0.45 && initial.peakRssMiB * 2 ** 20 < 250e6,
      });

      // (b) peak RSS of the syncing process.
      if (rss100k) row('(b) peak RSS of sync, 100,000 cases', `${rss100k.peakRssMiB.toFixed(0)} MiB (in ${fmt(rss100k.ms)})`);
      row(`(b) peak RSS of sync, ${n.toLocaleString('en-US')} cases`, `${initial.peakRssMiB.toFixed(0)} MiB`);
      row('(b) peak RSS of a no-op sync (the floor)', `${noop.peakRssMiB.toFixed(0)} MiB`);

      // (c) 1,000 changes on the N-case database.
      const moved = await moveCases(sim, INCREMENTAL);
      const incremental = await syncProcess(sim, keyFile, kioskDb);
      if (incremental.code !== 0) failed('incremental sync', incremental);
      const net = incremental.ms - noop.ms;
      const netText = net > 0 ? `${fmt(net)} more than a no-op run` : `within the start-up noise of a no-op run, ${fmt(noop.ms)}`;
      row(`(c) incremental pull of ${moved.toLocaleString('en-US')} changes (whole process)`, `${fmt(incremental.ms)}  (${netText}; ${incremental.stdout})`);
    } finally {
      await sim.close();
      trimSimFile(file, n);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  console.log(`\nsync benchmark, N = ${n.toLocaleString('en-US')} cases`);
  for (const [name, value] of table) console.log(name.padEnd(62), value);
}
