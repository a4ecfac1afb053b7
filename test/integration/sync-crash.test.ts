import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openAsItIs } from '../support/db-file';
import { openDatabaseFile } from '../../electron/db/connection';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseData, CaseStatus } from '../support/central-sim/cases';
import { makePrng } from '../support/central-sim/prng';
import { NEXT_STATUSES } from '../support/central-sim/control';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { makeTempDir } from '../support/temp-dir';

// "kill -9 at any moment loses nothing and duplicates nothing": the real `motcua sync --once`
// process is SIGKILLed at seeded random moments (while it starts, while a batch streams in, just
// after a checkpoint has been sent, i.e. while it verifies and applies), always on the same
// database file, while the centre keeps moving cases on. After each kill the file must open,
// pass integrity_check, and hold exactly the feed's prefix up to its cursor, which must be the
// seq of a checkpoint the centre actually sent. A last clean sync must then equal the centre.

const CASES = 6000;
const KILLS = 20;
const MAX_RUNS = 48;
const SEED = 'sync-crash';
/** Slow the body down so a 1000-change batch (~830 kB) takes a few hundred ms to arrive. */
const DRIP = { bytes: 16_384, tickMs: 4 };


interface FeedLine { seq: number; type: string; op: 'upsert' | 'delete'; id: string; data?: unknown }
interface CaseRow { id: string; receipt_code: string; status: string; updated_at: string; timeline: string; seq: number }

const tmp = makeTempDir('motcua-sync-crash-');
const dbPath = join(tmp.dir, 'kiosk.db');
const keyFile = join(tmp.dir, 'central-public.pem');
const prng = makePrng(`${SEED}|kills`);
/** 'page' when the simulator reads a page for a batch, 'checkpoint' when it signs a batch's end. */
const served = new EventEmitter();
/** Every checkpoint seq the simulator has sent: the only values a cursor may take (besides 0). */
const checkpointSeqs = new Set<number>([0]);
let sim: CentralSim;

beforeAll(async () => {
  sim = await startCentralSim({ cases: CASES, seed: SEED, faults: { drip: DRIP } });
  writeFileSync(keyFile, sim.publicKeyPem);
  // Observe the simulator's store (the server calls it through this very object): a page read
  // means a batch is streaming, hasAfter(seq) means the checkpoint of a batch ending at seq is next.
  const { store } = sim;
  const page = store.page.bind(store);
  const hasAfter = store.hasAfter.bind(store);
  store.page = (after, limit) => {
    served.emit('page');
    return page(after, limit);
  };
  store.hasAfter = (seq) => {
    checkpointSeqs.add(seq);
    served.emit('checkpoint');
    return hasAfter(seq);
  };
});
afterAll(async () => {
  await sim.close();
  tmp.cleanup();
});

function syncChild(): ChildProcess {
  const args = ['--import', 'tsx', 'electron/cli/motcua.ts', 'sync', '--central', sim.url, '--token', sim.token, '--central-key', keyFile, '--db', dbPath, '--once'];
  return spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** The whole feed as the simulator holds it now. */
function feed(): FeedLine[] {
  return sim.store.page(0, Number.MAX_SAFE_INTEGER).map((r) => JSON.parse(r.line) as FeedLine);
}

/** Current status of every case, from the feed; the mutator picks from it. */
function caseStatuses(lines: FeedLine[]): Map<string, CaseStatus> {
  const statuses = new Map<string, CaseStatus>();
  for (const l of lines) if (l.type === 'case' && l.op === 'upsert') statuses.set((l.data as CaseData).receiptCode, (l.data as CaseData).status);
  return statuses;
}

/** Moves one random case that can still move on to one of its allowed next statuses. */
async function mutateOne(statuses: Map<string, CaseStatus>, codes: string[]): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = prng.pick(codes);
    const options = NEXT_STATUSES[statuses.get(code) ?? 'completed'];
    if (options.length === 0) continue;
    const status = prng.pick(options);
    const res = await fetch(`${sim.url}/_control/cases/${encodeURIComponent(code)}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status, note: `crash test ${status}` }),
    });
    expect(res.status).toBe(200);
    await res.body?.cancel();
    statuses.set(code, status);
    return;
  }
}

/** What the kiosk must hold at `cursor`: the feed applied up to and including that seq. */
function expectedAt(lines: FeedLine[], cursor: number): { cases: CaseRow[]; objects: { type: string; id: string; data: unknown; seq: number }[] } {
  const cases = new Map<string, CaseRow>();
  const objects = new Map<string, { type: string; id: string; data: unknown; seq: number }>();
  for (const l of lines) {
    if (l.seq > cursor) break;
    if (l.type === 'case') {
      if (l.op === 'delete') cases.delete(l.id);
      else {
        const d = l.data as CaseData;
        cases.set(l.id, { id: l.id, receipt_code: d.receiptCode, status: d.status, updated_at: d.updatedAt, timeline: JSON.stringify(d.timeline), seq: l.seq });
      }
    } else if (l.op === 'delete') objects.delete(`${l.type}|${l.id}`);
    else objects.set(`${l.type}|${l.id}`, { type: l.type, id: l.id, data: l.data, seq: l.seq });
  }
  const byKey = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { cases: [...cases.values()].sort(byKey), objects: [...objects.values()].sort((a, b) => byKey({ id: `${a.type}|${a.id}` }, { id: `${b.type}|${b.id}` })) };
}

/** Opens the kiosk file as a fresh process would after the crash and checks it; returns the cursor. */
function checkKiosk(previousCursor: number, label: string): number {
  const db = openAsItIs(dbPath);
  try {
    expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    const hasSync = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").get() !== undefined;
    // Killed before the migrations committed: nothing synced yet, and nothing half-made.
    if (!hasSync) {
      expect(previousCursor, label).toBe(0);
      return 0;
    }
    const cursor = (db.prepare("SELECT cursor FROM sync_state WHERE feed = 'changes'").pluck().get() as number | undefined) ?? 0;
    expect(cursor, `${label}: the cursor never goes back`).toBeGreaterThanOrEqual(previousCursor);
    expect(checkpointSeqs.has(cursor), `${label}: cursor ${cursor} is the seq of a checkpoint sent`).toBe(true);
    const duplicates = db.prepare('SELECT receipt_code FROM cases GROUP BY receipt_code HAVING count(*) > 1').all();
    expect(duplicates, `${label}: duplicate receipt codes`).toEqual([]);
    const want = expectedAt(feed(), cursor);
    const cases = db.prepare('SELECT id, receipt_code, status, updated_at, timeline, seq FROM cases ORDER BY id').all() as CaseRow[];
    expect(cases.length, `${label}: case count at cursor ${cursor}`).toBe(want.cases.length);
    expect(cases, `${label}: cases at cursor ${cursor}`).toEqual(want.cases);
    const objects = (db.prepare("SELECT type, id, data, seq FROM synced_objects ORDER BY type || '|' || id").all() as { type: string; id: string; data: string; seq: number }[]).map(
      (o) => ({ ...o, data: JSON.parse(o.data) as unknown }),
    );
    expect(objects, `${label}: synced objects at cursor ${cursor}`).toEqual(want.objects);
    return cursor;
  } finally {
    db.close();
  }
}

type Mode = 'early' | 'start-up' | 'stream' | 'apply' | 'any';

/** Arms the kill of one run; returns a disarm function. */
function armKill(child: ChildProcess, mode: Mode): () => void {
  const timers: NodeJS.Timeout[] = [];
  const kill = () => void child.kill('SIGKILL');
  const after = (ms: number) => timers.push(setTimeout(kill, ms));
  let onPage: (() => void) | undefined;
  let onCheckpoint: (() => void) | undefined;
  if (mode === 'early') after(prng.int(0, 1400)); // node start, tsx, opening/migrating the file
  // A start takes ~0.75 s here: a kill within 0.4 s lands in it on any machine.
  else if (mode === 'start-up') after(prng.int(0, 400));
  else if (mode === 'any') after(prng.int(0, 4500));
  else if (mode === 'stream') {
    // Within a batch's body: it takes ~250 ms to drip in. Skip 0–2 pages to vary the batch.
    let skip = prng.int(0, 2);
    const delay = prng.int(0, 300);
    onPage = () => {
      if (skip-- === 0) after(delay);
    };
    served.on('page', onPage);
  } else {
    // Right after a checkpoint was written: the child is verifying the signature and applying.
    let skip = prng.int(0, 1);
    const delay = prng.int(0, 60);
    onCheckpoint = () => {
      if (skip-- === 0) after(delay);
    };
    served.on('checkpoint', onCheckpoint);
  }
  after(8000); // never wait for ever
  return () => {
    for (const t of timers) clearTimeout(t);
    if (onPage) served.off('page', onPage);
    if (onCheckpoint) served.off('checkpoint', onCheckpoint);
  };
}

describe('motcua sync under kill -9', () => {
  it('loses nothing and duplicates nothing, whenever it is killed', { timeout: 180_000 }, async () => {
    const started = Date.now();
    const lines = feed();
    const statuses = caseStatuses(lines);
    const codes = [...statuses.keys()];
    let cursor = 0;
    let kills = 0;
    const log: string[] = [];

    let caughtUp = false;
    for (let run = 0; run < MAX_RUNS && kills < KILLS; run++) {
      const r = prng.next();
      // Once a run has caught up, the next one has little to pull and may finish before a timed
      // kill: kill it during start-up, so every machine reaches the count whatever its speed.
      const mode: Mode = caughtUp ? 'start-up' : run < 2 || r < 0.2 ? 'early' : r < 0.5 ? 'stream' : r < 0.85 ? 'apply' : 'any';
      const child = syncChild();
      let stderr = '';
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      const disarm = armKill(child, mode);
      // The centre keeps moving cases on while the kiosk syncs (and is killed).
      let alive = true;
      const mutator = (async () => {
        for (let i = 0; alive && i < 60; i++) {
          await mutateOne(statuses, codes);
          await new Promise((res) => setTimeout(res, prng.int(0, 40)));
        }
      })();
      const { code, signal } = await exited;
      alive = false;
      disarm();
      await mutator;
      const label = `run ${run} (${mode})`;
      if (signal === 'SIGKILL') kills++;
      else expect(code, `${label} exited by itself: ${stderr}`).toBe(0);
      caughtUp = signal !== 'SIGKILL';
      const before = cursor;
      cursor = checkKiosk(cursor, label);
      log.push(`${label}: ${signal ?? `exit ${code}`}, cursor ${before} → ${cursor} (head ${sim.store.lastSeq()})`);
      // And some more between runs.
      for (let i = prng.int(0, 10); i > 0; i--) await mutateOne(statuses, codes);
    }
    expect(kills, log.join('\n')).toBeGreaterThanOrEqual(KILLS);

    // No more faults: a clean run drains the feed, and the kiosk equals the centre, case by case.
    sim.setFaults({});
    const child = syncChild();
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code, stderr).toBe(0);
    const finalCursor = checkKiosk(cursor, 'final');
    expect(finalCursor).toBe(sim.store.lastSeq());

    const db = openDatabaseFile(dbPath, { readonly: true });
    try {
      const rows = db.prepare('SELECT receipt_code, status, updated_at, timeline FROM cases ORDER BY receipt_code').all() as Omit<CaseRow, 'id' | 'seq'>[];
      const central = [...codes].sort().map((c) => {
        const d = sim.store.caseByReceipt(c)!;
        return { receipt_code: d.receiptCode, status: d.status, updated_at: d.updatedAt, timeline: JSON.stringify(d.timeline) };
      });
      expect(rows.length).toBe(CASES);
      expect(rows).toEqual(central);
    } finally {
      db.close();
    }
    // Print how the kills fell, for whoever reads the run.
    console.log(`${log.join('\n')}\n${kills} kills in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
