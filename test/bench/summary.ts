// The one table `npm run bench` ends with: each benchmark's headline ratio against its baseline
// measured in the same run, its goal, and the machine it ran on (for the README).
import { cpus, totalmem } from 'node:os';

export interface SummaryRow {
  benchmark: string;
  /** The figure, with its unit, and the baseline's. */
  measured: string;
  baseline: string;
  /** How the two compare, as the goal states it (a percentage, a speed-up, a size ratio). */
  ratio: string;
  goal: string;
  met: boolean | null;
}

const rows: SummaryRow[] = [];

export const addSummary = (row: SummaryRow): void => void rows.push(row);

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** A Markdown table, ready for the README. */
export function printSummary(): void {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  console.log(`\n## Benchmark summary (${new Date().toISOString().slice(0, 10)}; ${machine()})\n`);
  console.log('| benchmark | measured | baseline (same run) | ratio | goal | met |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const met = r.met === null ? '—' : r.met ? 'yes' : 'no';
    console.log(`| ${[r.benchmark, r.measured, r.baseline, r.ratio, r.goal, met].map(cell).join(' | ')} |`);
  }
}
