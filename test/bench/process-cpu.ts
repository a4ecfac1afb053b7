// CPU time rather than wall time: the build machines are shared, and a busy neighbour stretches
// wall time without any more work being done.
import { readdirSync, readFileSync } from 'node:fs';

/** Linux counts process CPU time in ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

/** CPU milliseconds used so far by the descendants of a process (the browser it launched and its renderers), from /proc. */
export function descendantsCpuMs(rootPid: number): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // After "pid (comm) ": state, ppid, … utime (12th), stime (13th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(entry), Number(fields[1]));
    ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
  }
  const descends = (pid: number): boolean => {
    const up = parent.get(pid);
    return up === rootPid || (up !== undefined && up > 1 && descends(up));
  };
  let total = 0;
  for (const [pid, t] of ticks) if (descends(pid)) total += t;
  return total * TICK_MS;
}

/** CPU milliseconds used so far by this process. */
export function ownCpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/**
 * Wall and CPU milliseconds per call of `fn` (CPU as `cpuMs` counts it), over about `ms` of calls
 * after `warmUpMs` of untimed ones. Both sides of a comparison get the same warm-up time: the
 * steady state is what a long-running print service pays per document, whereas the first calls
 * also pay for V8 compiling the code on its background threads (counted as the process's CPU).
 */
export async function timePerCall(fn: () => unknown, cpuMs: () => number, ms = 3000, warmUpMs = 1000): Promise<{ wall: number; cpu: number }> {
  for (const start = performance.now(); performance.now() - start < warmUpMs; ) await fn();
  const cpuBefore = cpuMs();
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < ms) {
    await fn();
    n++;
  }
  return { wall: (performance.now() - start) / n, cpu: (cpuMs() - cpuBefore) / n };
}
