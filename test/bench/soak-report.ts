import type { SoakResult } from './soak-run';
import { addSummary } from './summary';

/** The goal: RSS and database size after the run within 10 % of after the first 1,000 sessions. */
const GOAL = 1.1;

const mib = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} MiB`;
const percent = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;

/** Prints the soak's figures and adds its rows to the bench summary. */
export function reportSoak(result: SoakResult): void {
  const [first, end] = result.samples;
  const rss = end.rssMiB / first.rssMiB;
  const db = end.dbMiB / first.dbMiB;
  const perSession = ((end.dbMiB - first.dbMiB) * 2 ** 20) / (end.sessions - first.sessions);
  console.log(`\nsoak: ${end.sessions.toLocaleString('en-US')} kiosk sessions through browser mode (identify → consent → reminders → dossier → print → wipe)`);
  console.log(`  ${result.seconds.toFixed(0)} s, ${result.sessionsPerSecond.toFixed(1)} sessions/s, ${result.errors.length} errors`);
  console.log(`  RSS       after ${first.sessions}: ${mib(first.rssMiB)}, after ${end.sessions}: ${mib(end.rssMiB)} (${percent(rss)}); peak ${mib(end.peakRssMiB)}`);
  console.log(`  database  after ${first.sessions}: ${mib(first.dbMiB)}, after ${end.sessions}: ${mib(end.dbMiB)} (${percent(db)}), ${perSession.toFixed(0)} bytes per session`);
  const growth = Object.entries(end.tables)
    .map(([name, bytes]) => [name, bytes - (first.tables[name] ?? 0)] as const)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]);
  console.log(`  what grew: ${growth.map(([name, bytes]) => `${name} +${mib(bytes / 2 ** 20)}`).join(', ')}`);
  const { rows } = result;
  console.log(
    `  rows at the end: ${rows.unprintedDrafts} unprinted drafts, ${rows.printedDrafts} printed drafts (${rows.wholeInQrDrafts} carried whole by their QR), ${rows.consents} consents, ${rows.auditEntries} audit entries`,
  );
  for (const error of result.errors) console.log(`  error: ${error}`);

  const n = end.sessions.toLocaleString('en-US');
  addSummary({
    benchmark: `soak, ${n} kiosk sessions: app RSS`,
    measured: `${mib(end.rssMiB)} after ${n} (${result.sessionsPerSecond.toFixed(1)} sessions/s)`,
    baseline: `${mib(first.rssMiB)} after ${first.sessions.toLocaleString('en-US')}`,
    ratio: percent(rss),
    goal: '≤ +10 %',
    met: rss <= GOAL,
  });
  addSummary({
    benchmark: `soak, ${n} kiosk sessions: database`,
    measured: `${mib(end.dbMiB)} after ${n}`,
    baseline: `${mib(first.dbMiB)} after ${first.sessions.toLocaleString('en-US')}`,
    ratio: percent(db),
    goal: '≤ +10 %',
    met: db <= GOAL,
  });
}
