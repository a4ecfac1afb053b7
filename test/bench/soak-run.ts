// The soak: N simulated kiosk sessions through browser mode, served by the real CLI in
// its own process on a real SQLite file with the demo's central simulator; the app's memory and
// database are sampled after the first 1,000 sessions and after the last.
import { readFileSync, statSync } from 'node:fs';
import { openDatabaseFile } from '../../electron/db/connection';
import { BrowserModeClient } from '../support/browser-mode-client';
import { startServedApp, type ServedApp } from '../support/served-app';
import { until } from '../support/until';
import { DEMO_CITIZENS, kioskSession } from './kiosk-session';

export interface SoakOptions {
  sessions: number;
  /** Kiosks calling at once, each its own browser session. */
  clients: number;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface SoakSample {
  sessions: number;
  /** The serving process's resident memory (VmRSS) and its peak so far (VmHWM). */
  rssMiB: number;
  peakRssMiB: number;
  /** The database file plus its WAL, after the same checkpoint at every sample. */
  dbMiB: number;
  /** Bytes per table and index (SQLite's dbstat), to tell what grows. */
  tables: Record<string, number>;
}

export interface SoakResult {
  samples: [SoakSample, SoakSample];
  seconds: number;
  sessionsPerSecond: number;
  errors: string[];
  /**
   * Rows left at the end: what the wipe must have removed (drafts nobody printed, printed ones whose
   * QR carried them whole, consents: none of each), and what is kept on purpose.
   */
  rows: { unprintedDrafts: number; printedDrafts: number; wholeInQrDrafts: number; consents: number; auditEntries: number };
}

/** A soak stops at this many failed sessions: the count already says it is broken. */
const MAX_ERRORS = 20;
const MiB = 2 ** 20;

function procStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} for process ${pid}`);
  return Number(m[1]);
}

const fileSize = (path: string) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/**
 * Samples the idle app. How big the WAL is at a given moment depends on where SQLite's automatic
 * checkpoint (every 1,000 pages) happens to be, and the WAL file keeps its largest size once
 * grown: db + wal at two arbitrary moments would measure that cycle, not the data. So at every
 * sample the kiosks are paused first, then a TRUNCATE checkpoint (from a second connection, as
 * `motcua db backup` would) moves everything into the database file and empties the WAL. Likewise
 * the RSS of a V8 process at a given moment depends on how much garbage waits for the next
 * collection (±10 % here between two idle moments): the process gets the same two idle seconds
 * (sockets and timers settle), then one full collection through its inspector, then its RSS is read.
 */
async function sample(app: ServedApp, sessions: number): Promise<SoakSample> {
  // The file is encrypted: opened with its key, as `motcua db backup` opens it.
  const db = openDatabaseFile(app.dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    // The sync loop may be writing; a checkpoint it blocked reports busy and is tried again.
    await until(() => (db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[])[0]!.busy === 0, 10_000);
    const tables = Object.fromEntries(
      db.prepare<[], { name: string; bytes: number }>('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all().map((r) => [r.name, r.bytes]),
    );
    await new Promise((r) => setTimeout(r, 2000));
    await app.collectGarbage();
    const pid = app.child.pid!;
    return {
      sessions,
      rssMiB: procStatusKiB(pid, 'VmRSS') / 1024,
      peakRssMiB: procStatusKiB(pid, 'VmHWM') / 1024,
      dbMiB: (fileSize(app.dbPath) + fileSize(`${app.dbPath}-wal`)) / MiB,
      tables,
    };
  } finally {
    db.close();
  }
}

/** A progress line with the raw figures of the moment (no checkpoint, no collection): the trend of a long run. */
function progress(app: ServedApp, done: number, start: number): string {
  const rss = procStatusKiB(app.child.pid!, 'VmRSS') / 1024;
  const db = (fileSize(app.dbPath) + fileSize(`${app.dbPath}-wal`)) / MiB;
  return `${done} sessions, ${((done * 1000) / (performance.now() - start)).toFixed(1)}/s, RSS ${rss.toFixed(0)} MiB, db+wal ${db.toFixed(1)} MiB`;
}

function countRows(dbPath: string): SoakResult['rows'] {
  const db = openDatabaseFile(dbPath, { readonly: true });
  try {
    const count = (sql: string) => db.prepare<[], number>(sql).pluck().get()!;
    return {
      unprintedDrafts: count("SELECT COUNT(*) FROM drafts WHERE status = 'draft'"),
      printedDrafts: count("SELECT COUNT(*) FROM drafts WHERE status = 'printed'"),
      wholeInQrDrafts: count("SELECT COUNT(*) FROM drafts WHERE status = 'printed' AND handoff_kind = 'draft'"),
      consents: count('SELECT COUNT(*) FROM consents'),
      auditEntries: count('SELECT COUNT(*) FROM audit_log'),
    };
  } finally {
    db.close();
  }
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const first = Math.min(1000, Math.ceil(options.sessions / 2));
  // The demo's centre, as `npm start` runs it: 2,000 synced cases.
  const app = await startServedApp({ cases: 2000, seed: 'soak', inspect: true });
  try {
    const kiosks = await Promise.all(Array.from({ length: options.clients }, () => BrowserModeClient.open(app.url)));
    // The first sync lands before the first citizen, so both samples hold the same catalogue and cases.
    let synced = false;
    const poll = setInterval(() => void kiosks[0]!.call<{ lastSuccessAt: string | null }>('sync.status').then((s) => (synced = s.lastSuccessAt !== null)), 200);
    await until(() => synced, 60_000).finally(() => clearInterval(poll));

    const errors: string[] = [];
    let next = 0;
    let done = 0;
    const start = performance.now();
    const runUntil = (end: number) =>
      Promise.all(
        kiosks.map(async (kiosk) => {
          while (next < end && errors.length < MAX_ERRORS) {
            const i = next++;
            await kioskSession(kiosk, DEMO_CITIZENS[i % DEMO_CITIZENS.length]!).catch((error: unknown) => errors.push(`session ${i + 1}: ${(error as Error).message}`));
            if (++done % 500 === 0) log(`  … ${progress(app, done, start)}, ${errors.length} errors`);
          }
        }),
      );
    // Sampling time is not session time.
    await runUntil(first);
    const paused = performance.now();
    const atFirst = await sample(app, first);
    log(`  after ${first}: RSS ${atFirst.rssMiB.toFixed(1)} MiB, database ${atFirst.dbMiB.toFixed(2)} MiB`);
    const resumed = performance.now();
    await runUntil(options.sessions);
    const seconds = (performance.now() - start - (resumed - paused)) / 1000;
    const atEnd = await sample(app, options.sessions);
    if (app.child.exitCode !== null) errors.push(`the app exited with ${app.child.exitCode}`);
    return { samples: [atFirst, atEnd], seconds, sessionsPerSecond: done / seconds, errors, rows: countRows(app.dbPath) };
  } finally {
    await app.close();
  }
}
