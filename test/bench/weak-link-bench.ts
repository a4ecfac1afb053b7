// The weak-link benchmark, run by `npm run bench`:
// (a) bytes on the wire per case of the reference data, the centre not compressing (as before)
//     against compressing (brotli), for a counter's whole cases and a kiosk's status objects;
// (b) the first sync of N cases by the real `motcua sync --once` through a throttling proxy
//     (2 Mbit/s, 300 ms round trip, in a process of its own): how much of the link it uses;
// (c) the same sync cut mid-way by the link, then run again: what the second run downloads.
// N is MOTCUA_WEAK_LINK_CASES (default 200,000: about a minute per sync on this link). The
// simulator's file is cached in MOTCUA_BENCH_CACHE like the sync benchmark's. Never fails on timing.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/db/connection';
import { setMachineRole } from '../../electron/db/machine-role';
import { pullOnce } from '../../electron/sync/central-client';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { startThrottleProcess, type LinkStats } from '../support/throttle-proxy-process';
import { startThrottleProxy } from '../support/throttle-proxy';
import { addSummary } from './summary';

const SEED = 'bench';
const BITS_PER_SECOND = 2_000_000;
const RTT_MS = 300;
/** Cases for the bytes-per-case figures: the ratio hardly moves with the count. */
const BYTES_CASES = 20_000;
const MIGRATIONS = join(process.cwd(), 'electron', 'db', 'migrations');

const perCase = (bytes: number, cases: number) => bytes / cases;

/** Bytes the client received for a whole first sync with `sim` (no throttling), counted by a proxy. */
async function wireBytes(sim: CentralSim, dbPath: string, token: string, role: 'kiosk' | 'counter'): Promise<number> {
  const proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port: sim.port } });
  const { db } = openDatabase(dbPath, MIGRATIONS);
  try {
    setMachineRole(db, role);
    const result = await pullOnce({ db, baseUrl: proxy.url, token, publicKeyPem: sim.publicKeyPem });
    if (!result.ok) throw new Error(`weak-link bench: sync failed: ${JSON.stringify(result.error)}`);
    return proxy.bytesDown();
  } finally {
    db.close();
    await proxy.close();
  }
}

/** A kiosk's token: registered with the kiosk role, so the centre sends status objects. */
async function kioskToken(sim: CentralSim): Promise<string> {
  const { generateKeyPairSync } = await import('node:crypto');
  const publicKeyPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const res = await fetch(`${sim.url}/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ publicKeyPem, centreCode: 'DEMO-TTHCC-01', role: 'kiosk', enrolmentCode: 'BENCH-KIOSK' }),
  });
  return ((await res.json()) as { token: string }).token;
}

interface CliRun { code: number | null; ms: number; stdout: string; stderr: string }

function syncCli(url: string, token: string, keyFile: string, dbPath: string): Promise<CliRun> {
  const args = ['dist/cli/motcua.cjs', 'sync', '--central', url, '--token', token, '--central-key', keyFile, '--db', dbPath, '--once'];
  const start = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ms: performance.now() - start, stdout: stdout.trim(), stderr: stderr.trim() })));
}

/** The share of the link's capacity used while it carried the answer (first to last byte). */
const utilisation = (s: LinkStats) => s.bytesDown / (((s.last! - s.first!) / 1000) * (BITS_PER_SECOND / 8));

const cursorOf = (dbPath: string): number => {
  const { db } = openDatabase(dbPath, MIGRATIONS);
  try {
    return (db.prepare("SELECT cursor FROM sync_state WHERE feed = 'changes'").get() as { cursor: number } | undefined)?.cursor ?? 0;
  } finally {
    db.close();
  }
};

export async function runWeakLinkBench(): Promise<void> {
  const n = Number(process.env.MOTCUA_WEAK_LINK_CASES ?? 200_000);
  if (!Number.isInteger(n) || n < 1) throw new Error('MOTCUA_WEAK_LINK_CASES must be a positive integer');
  const cacheDir = process.env.MOTCUA_BENCH_CACHE ?? join(tmpdir(), 'motcua-bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'motcua-weak-link-'));
  const table: [string, string][] = [];
  const row = (name: string, value: string) => {
    table.push([name, value]);
    console.error(`  … ${name}: ${value}`);
  };
  try {
    // (a) bytes per case, the same data served plain and compressed.
    const bytes: Record<string, number> = {};
    for (const compress of [false, true]) {
      const sim = await startCentralSim({ cases: BYTES_CASES, seed: SEED, compress, enrolmentCodes: ['BENCH-KIOSK'] });
      try {
        const kiosk = await kioskToken(sim);
        bytes[`counter-${compress}`] = perCase(await wireBytes(sim, join(work, `counter-${compress}.db`), sim.token, 'counter'), BYTES_CASES);
        bytes[`kiosk-${compress}`] = perCase(await wireBytes(sim, join(work, `kiosk-${compress}.db`), kiosk, 'kiosk'), BYTES_CASES);
      } finally {
        await sim.close();
      }
    }
    row('(a) bytes/case, counter (whole cases), uncompressed', bytes['counter-false']!.toFixed(1));
    row('(a) bytes/case, counter (whole cases), compressed', bytes['counter-true']!.toFixed(1));
    row('(a) bytes/case, kiosk (status objects), uncompressed', bytes['kiosk-false']!.toFixed(1));
    row('(a) bytes/case, kiosk (status objects), compressed', bytes['kiosk-true']!.toFixed(1));
    addSummary({
      benchmark: `bytes on the wire per case (${BYTES_CASES.toLocaleString('en-US')} cases, whole)`,
      measured: `${bytes['counter-true']!.toFixed(1)} B (kiosk status feed ${bytes['kiosk-true']!.toFixed(1)} B)`,
      baseline: `${bytes['counter-false']!.toFixed(1)} B (uncompressed feed)`,
      ratio: `${(bytes['counter-false']! / bytes['counter-true']!).toFixed(1)} × smaller`,
      goal: '≤ 100 B',
      met: bytes['counter-true']! <= 100,
    });

    // (b) and (c): the real CLI through a 2 Mbit/s, 300 ms link.
    const sim = await startCentralSim({ cases: n, seed: SEED, db: join(cacheDir, `central-${SEED}-${n}.db`), keyDir: cacheDir });
    const keyFile = join(work, 'central-public.pem');
    writeFileSync(keyFile, sim.publicKeyPem);
    const link = { target: { host: '127.0.0.1', port: sim.port }, bitsPerSecond: BITS_PER_SECOND, rttMs: RTT_MS };
    try {
      const whole = await startThrottleProcess(link);
      const first = await syncCli(whole.url, sim.token, keyFile, join(work, 'first.db'));
      const stats = await whole.stats();
      await whole.close();
      if (first.code !== 0) throw new Error(`weak-link bench: first sync exited ${first.code}: ${first.stderr}`);
      const used = utilisation(stats);
      row(`(b) first sync of ${n.toLocaleString('en-US')} cases at 2 Mbit/s, 300 ms RTT`, `${(first.ms / 1000).toFixed(1)} s, ${(stats.bytesDown / 2 ** 20).toFixed(1)} MiB, ${(stats.bytesDown / n).toFixed(1)} B/case`);
      row('(b) link utilisation (bytes / (time × capacity))', `${(100 * used).toFixed(1)} %`);
      addSummary({
        benchmark: `first sync of ${n.toLocaleString('en-US')} cases, 2 Mbit/s, 300 ms RTT`,
        measured: `${(100 * used).toFixed(1)} % of the link (${(first.ms / 1000).toFixed(0)} s)`,
        baseline: `the link: ${(stats.bytesDown / (BITS_PER_SECOND / 8)).toFixed(0)} s for these bytes`,
        ratio: `${(100 * used).toFixed(1)} %`,
        goal: '≥ 80 % of the link',
        met: used >= 0.8,
      });

      // (c) cut at 43 % of the bytes (inside a batch), then the same command again.
      const cut = await startThrottleProcess(link);
      await cut.cutAfter(Math.round(stats.bytesDown * 0.43));
      const resumedDb = join(work, 'resumed.db');
      const broken = await syncCli(cut.url, sim.token, keyFile, resumedDb);
      const atCut = await cut.stats();
      const cursorAtCut = cursorOf(resumedDb);
      const resumed = await syncCli(cut.url, sim.token, keyFile, resumedDb);
      const after = await cut.stats();
      await cut.close();
      const again = after.bytesDown - atCut.bytesDown;
      const resent = atCut.bytesDown + again - stats.bytesDown;
      row('(c) cut by the link at 43 %', `exit ${broken.code}, cursor ${cursorAtCut.toLocaleString('en-US')} kept, ${atCut.cuts} cut`);
      row('(c) the run after the cut', `exit ${resumed.code}, ${(again / 2 ** 20).toFixed(1)} MiB (${resumed.stdout})`);
      row('(c) bytes downloaded twice (the batch the cut broke)', `${(resent / 1024).toFixed(0)} KiB, ${((100 * resent) / stats.bytesDown).toFixed(1)} % of a whole sync`);
      addSummary({
        benchmark: 'first sync cut at 43 % by the link, then resumed',
        measured: `${(resent / 1024).toFixed(0)} KiB downloaded again`,
        baseline: `${(stats.bytesDown / 2 ** 20).toFixed(1)} MiB (the uncut sync)`,
        ratio: `${((100 * resent) / stats.bytesDown).toFixed(1)} % re-sent`,
        goal: 'resumes; nothing applied is re-downloaded',
        met: resumed.code === 0 && cursorAtCut > 0 && resent < stats.bytesDown * 0.1,
      });
    } finally {
      await sim.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log('\nweak-link benchmark');
  for (const [name, value] of table) console.log(name.padEnd(62), value);
}
