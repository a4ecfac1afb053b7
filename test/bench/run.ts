// `npm run bench`: speed and memory as ratios against baselines measured in the same run, so the
// figures mean the same on a fast or a slow machine. Prints a table; never fails on timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHost } from '../../electron/host/create-host';
import { newSession } from '../../electron/host/session';
import { readFontFiles } from '../../electron/print/fonts';
import { renderReminderSheet } from '../../electron/print/reminder-sheet';
import { compileRules } from '../../electron/proactive/rules/engine';
import { loadRulePacks } from '../../electron/proactive/rules/load-packs';
import { opsPerSecond } from './rate';
import { printSummary } from './summary';
import { isoDate } from '../../electron/base/calendar-date';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-'));
  const today = () => isoDate('2026-11-23');
  const host = createHost({ appRoot: process.cwd(), dbPath: join(dir, 'bench.db'), demo: true, transport: 'browser', version: 'bench', today });
  const query = { personalNumber: '001096012345', birthDate: '1996-06-15', cardIssueDate: '2016-01-10', source: 'typed' as const };
  const engine = compileRules(loadRulePacks(process.cwd()).packs);
  const profile = { personalNumber: query.personalNumber, birthDate: query.birthDate, sex: 'male' as const, idCard: { issueDate: query.cardIssueDate } };
  const session = newSession('kiosk');
  await host.router.dispatch(session, 'citizen.open', query);
  const fonts = readFontFiles(join(process.cwd(), 'resources', 'fonts'));
  const data = { personalNumber: query.personalNumber, today: today(), reminders: engine.evaluate(profile, today()).map((r) => ({ ...r, procedure: null })) };

  const rows: [string, string, number, number][] = [];
  const compare = async (name: string, baselineName: string, baseline: () => unknown, subject: () => unknown) => {
    const b = await opsPerSecond(baseline);
    const s = await opsPerSecond(subject);
    rows.push([name, baselineName, s, b / s]);
  };

  await compare('router proactive.reminders (validate+audit)', 'engine call', () => engine.evaluate(profile, today()), () => host.router.dispatch(session, 'proactive.reminders', {}));
  await compare('reminder slip PDF (Be Vietnam Pro subset)', 'one-line PDF, Helvetica', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('x', { font: await doc.embedFont(StandardFonts.Helvetica) });
    return doc.save();
  }, () => renderReminderSheet(data, null, fonts, '80mm'));

  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < 200; i++) await host.router.dispatch(session, 'print.reminders', { paper: '80mm' });
  global.gc?.();
  const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  console.log('benchmark'.padEnd(48), 'ops/s'.padStart(10), 'x slower than baseline');
  for (const [name, baseline, ops, ratio] of rows) console.log(name.padEnd(48), ops.toFixed(0).padStart(10), `${ratio.toFixed(2)} (${baseline})`);
  console.log(`heap growth after 200 slips: ${heapGrowth.toFixed(1)} MiB`);
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}

void main()
  .then(async () => (await import('./bundle-size')).runBundleSizeBench())
  .then(async () => (await import('./sync-bench')).runSyncBench())
  .then(async () => (await import('./weak-link-bench')).runWeakLinkBench())
  .then(async () => (await import('./api-latency')).runApiLatencyBench())
  .then(async () => (await import('./rules-bench')).runRulesBench())
  .then(async () => (await import('./search-bench')).runSearchBench())
  .then(async () => (await import('./procedure-search-bench')).runProcedureSearchBench())
  .then(async () => (await import('./pdf-bench')).runPdfBench())
  .then(async () => (await import('./scan-to-form')).runScanToFormBench())
  .then(async () => (await import('./chip-bench')).runChipBench())
  .then(async () => (await import('./fuzz-bench')).runFuzzBench())
  .then(async () => (await import('./hub-bench')).runHubBench())
  .then(async () => {
    // The soak last: its size from MOTCUA_SOAK_SESSIONS / MOTCUA_SOAK_CLIENTS (10,000 from 2 kiosks: about half an hour).
    const { runSoak } = await import('./soak-run');
    const { soakOptions } = await import('./soak-options');
    (await import('./soak-report')).reportSoak(await runSoak({ ...soakOptions(), log: (line) => console.error(line) }));
  })
  .then(() => printSummary());
