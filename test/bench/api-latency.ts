// The API's answer time while the machine does its heaviest work, a first sync of N cases
// (MOTCUA_BENCH_API_CASES, default 200,000): `app.info` is called every 20 ms from a client on
// loopback from the sync's first batch to its end. Subject: the served app as it ships (`motcua serve`,
// host in a worker thread); baseline in the same run: host and HTTP front in one thread.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CentralSim } from '../support/central-sim/server';
import { addSummary } from './summary';
import { openSim } from './sync-bench';

interface Latencies { p50: number; p99: number; max: number; calls: number; syncMs: number }

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening`)));
  });
}

/** Calls app.info every 20 ms until the sync status says the feed is all here. */
async function measure(appUrl: string): Promise<Latencies> {
  const { origin, searchParams } = new URL(appUrl);
  const headers = { authorization: `Bearer ${searchParams.get('token')}`, 'content-type': 'application/json' };
  const events = await fetch(`${origin}/events`, { headers });
  const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
  let synced = false;
  let started = false;
  void (async () => {
    for (let text = ''; !synced; ) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
      for (const m of text.matchAll(/event: sync\.status\ndata: (.*)\n/g)) {
        const status = JSON.parse(m[1]!) as { state: string; lag: number | null; cursor: number };
        if (status.state === 'syncing' || status.cursor > 0) started = true;
        if (started && status.state === 'idle' && status.lag === 0) synced = true;
      }
      text = text.slice(text.lastIndexOf('\n\n') + 2);
    }
  })();
  const times: number[] = [];
  // From the sync's first batch: the host's start (migrations, registration) is not a sync.
  for (const deadline = performance.now() + 60_000; !started && performance.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
  const t0 = performance.now();
  while (!synced && performance.now() - t0 < 20 * 60_000) {
    const t = performance.now();
    await (await fetch(`${origin}/api/app.info`, { method: 'POST', headers, body: '{}' })).json();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  const syncMs = performance.now() - t0;
  await reader.cancel();
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times.at(-1) ?? NaN, calls: times.length, syncMs };
}

async function run(args: string[], sim: CentralSim): Promise<Latencies> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    return await measure(await firstLine(child));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    void sim;
  }
}

export async function runApiLatencyBench(): Promise<void> {
  const cases = Number(process.env.MOTCUA_BENCH_API_CASES ?? 200_000);
  const cacheDir = process.env.MOTCUA_BENCH_CACHE ?? join(tmpdir(), 'motcua-bench-cache');
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'motcua-api-bench-'));
  const { sim } = await openSim(cacheDir, cases);
  try {
    const keyFile = join(work, 'central.pem');
    writeFileSync(keyFile, sim.publicKeyPem);
    const central = ['--central', sim.url, '--token', sim.token, '--central-key', keyFile];
    const inline = await run(['--import', 'tsx', 'test/bench/api-inline-child.ts', join(work, 'inline.db'), sim.url, sim.token, keyFile], sim);
    const worker = await run(['dist/cli/motcua.cjs', 'serve', '--db', join(work, 'worker.db'), ...central], sim);
    const fmt = (l: Latencies) => `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(0)} ms (${l.calls} calls over a ${(l.syncMs / 1000).toFixed(0)} s sync)`;
    console.log(`\nAPI app.info during a first sync of ${cases.toLocaleString('en-US')} cases`);
    console.log(`  host in a worker thread (motcua serve): ${fmt(worker)}`);
    console.log(`  host in the HTTP thread (baseline):     ${fmt(inline)}`);
    addSummary({
      benchmark: `API p99 during a ${cases.toLocaleString('en-US')}-case first sync`,
      measured: `p99 ${worker.p99.toFixed(1)} ms, max ${worker.max.toFixed(0)} ms`,
      baseline: `p99 ${inline.p99.toFixed(1)} ms, max ${inline.max.toFixed(0)} ms (one thread)`,
      ratio: `${(inline.p99 / worker.p99).toFixed(1)}× lower p99`,
      goal: 'p99 < 50 ms, max < 150 ms',
      met: worker.p99 < 50 && worker.max < 150,
    });
  } finally {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  }
}
