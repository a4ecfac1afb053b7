import fc from 'fast-check';
import type { AnyFuzzTarget } from './fuzz-target';

/** One input taking longer than this counts as a hang: parsers answer in microseconds, a channel in milliseconds. */
export const HANG_MS = 5000;

export interface FuzzRun {
  name: string;
  runs: number;
  ms: number;
  /** fast-check's report of the first failure (shrunk), or null. */
  failure: string | null;
}

/** Runs `target` on `runs` generated inputs; never throws: a failure is reported. */
export async function runTarget(target: AnyFuzzTarget, runs: number, seed?: number): Promise<FuzzRun> {
  const started = performance.now();
  const property = fc.asyncProperty(target.inputs(), async (input) => {
    const t0 = performance.now();
    await target.check(input);
    const took = performance.now() - t0;
    if (took > HANG_MS) throw new Error(`one input took ${took.toFixed(0)} ms`);
  });
  const details = await fc.check(property, { numRuns: runs, seed });
  return { name: target.name, runs: details.numRuns, ms: performance.now() - started, failure: details.failed ? fc.defaultReportMessage(details) ?? 'failed' : null };
}
