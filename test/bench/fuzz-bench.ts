// The bench-sized fuzzing: every parser target and every contract channel at 100,000
// generated inputs each (MOTCUA_FUZZ_BENCH_RUNS lowers it), spread over child processes
// (MOTCUA_FUZZ_WORKERS, default one per core) or machines (MOTCUA_FUZZ_SHARD). Reports inputs/s,
// failures (must be 0) and the total time; a channel's refused input must leave the database as
// it was (total_changes).
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_NAMES } from '../../electron/contract';
import type { FuzzRun } from '../fuzz/run-target';
import { fuzzTargets } from '../fuzz/targets';
import type { FuzzJob } from './fuzz-worker';
import { addSummary, printSummary } from './summary';

type JobResult = FuzzJob & FuzzRun;

const noHost = () => {
  throw new Error('the parent only lists the targets');
};

/**
 * The jobs of this run: every channel, then every parser target (the channels are the slow ones,
 * so the workers end together); with MOTCUA_FUZZ_SHARD=k/n only every n-th from the k-th, so n
 * machines share a whole run.
 */
function jobs(runs: number, shard = process.env.MOTCUA_FUZZ_SHARD ?? '1/1'): FuzzJob[] {
  const [k, n] = shard.split('/').map(Number) as [number, number];
  const all = [...CHANNEL_NAMES.map((name) => ({ kind: 'channel' as const, name, runs })), ...fuzzTargets(noHost).map((t) => ({ kind: 'parser' as const, name: t.name, runs }))];
  return all.filter((_, i) => i % n === k - 1);
}

/** Hands the jobs out to `workers` children, each taking the next when it is done. */
async function runAll(queue: FuzzJob[], workers: number): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const work = (child: ChildProcess) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const job = queue.shift();
        if (job === undefined) {
          child.send('exit');
          return resolve();
        }
        child.send(job);
      };
      child.on('message', (result: JobResult) => {
        results.push(result);
        const rate = result.runs / (result.ms / 1000);
        console.log(`${result.failure ? 'FAIL' : 'ok  '} ${result.name.padEnd(70)} ${String(result.runs).padStart(7)} inputs ${rate.toFixed(0).padStart(7)}/s`);
        if (result.failure) console.log(result.failure);
        next();
      });
      child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`fuzz worker exited with ${code}`))));
      next();
    });
  const children = Array.from({ length: workers }, () => fork(join(__dirname, 'fuzz-worker.ts'), { execArgv: ['--import', 'tsx'] }));
  await Promise.all(children.map(work));
  return results;
}

export async function runFuzzBench(): Promise<void> {
  const runs = Number(process.env.MOTCUA_FUZZ_BENCH_RUNS ?? 100_000);
  const workers = Number(process.env.MOTCUA_FUZZ_WORKERS ?? availableParallelism());
  const started = performance.now();
  console.log(`\nfuzzing: every parser and channel, ${runs} inputs each, ${workers} workers`);
  const results = await runAll(jobs(runs), workers);
  const seconds = (performance.now() - started) / 1000;
  console.log(`fuzzing took ${(seconds / 60).toFixed(1)} min`);
  for (const kind of ['parser', 'channel'] as const) {
    const done = results.filter((r) => r.kind === kind);
    const failures = done.filter((r) => r.failure !== null).length;
    const inputs = done.reduce((n, r) => n + r.runs, 0);
    const cpuSeconds = done.reduce((s, r) => s + r.ms / 1000, 0);
    addSummary({
      benchmark: kind === 'parser' ? 'fuzzing: parsers and decoders (test/fuzz/targets.ts)' : 'fuzzing: contract channels through the router',
      measured: `${done.length} × ${runs.toLocaleString('en')} inputs, ${failures} failing; ${(inputs / cpuSeconds).toFixed(0)} inputs/s per worker`,
      baseline: `whole run: ${(seconds / 60).toFixed(1)} min on ${workers} workers`,
      ratio: `${failures} failures`,
      goal: '≥ 100,000 inputs each, 0 failures',
      met: runs >= 100_000 ? failures === 0 : null,
    });
  }
}

if (require.main === module) void runFuzzBench().then(printSummary);
