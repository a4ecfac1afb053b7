// Scan → prefilled form on screen, in Debian's Chromium launched as the E2E tests launch
// it, on browser mode served by the real CLI: N scans of the demo card (MOTCUA_BENCH_SCANS, default
// 30), each timed in the page by the same code as the E2E spec (test/e2e/scan-to-form.ts).
import { chromium } from '@playwright/test';
import config from '../../playwright.config.mjs';
import { installScanProbe, percentile, scanToForm, type ScanToForm } from '../e2e/scan-to-form';
import { replayingTechnician } from '../e2e/replay';
import { startServedApp } from '../support/served-app';
import { addSummary } from './summary';

/** Untimed first scans: the first screens of a fresh page load their code and fonts once. */
const WARM_UP = 2;

export async function runScanToFormBench(): Promise<void> {
  const n = Number(process.env.MOTCUA_BENCH_SCANS ?? 30);
  if (!Number.isInteger(n) || n < 1) throw new Error('MOTCUA_BENCH_SCANS must be a positive integer');
  const app = await startServedApp({ cases: 300, seed: 'scan-bench' });
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const { locale, viewport } = config.use ?? {};
    const page = await browser.newPage({ locale, viewport });
    await page.goto(app.url);
    await installScanProbe(page);
    const technician = await replayingTechnician(browser, app.url, 'hid-pos-cccd-qr', 'id-reader');
    const runs: ScanToForm[] = [];
    for (let i = 0; i < WARM_UP + n; i++) {
      const run = await scanToForm(page, technician.replay);
      if (i >= WARM_UP) runs.push(run);
    }
    await technician.close();

    const stat = (pick: (r: ScanToForm) => number) => {
      const values = runs.map(pick);
      return { median: percentile(values, 50), p95: percentile(values, 95) };
    };
    const line = (name: string, pick: (r: ScanToForm) => number) => {
      const { median, p95 } = stat(pick);
      console.log(`  ${name.padEnd(44)} median ${median.toFixed(0).padStart(4)} ms   p95 ${p95.toFixed(0).padStart(4)} ms`);
    };
    console.log(`\nscan → prefilled form in Chromium, ${n} scans of the demo card (after ${WARM_UP} untimed)`);
    line('scan → consent screen', (r) => r.toConsent);
    line('tap "Đồng ý" → reminders', (r) => r.toReminders);
    line('tap "Chuẩn bị hồ sơ" → prepared form', (r) => r.toForm);
    line('  of which prefill + render (app measure)', (r) => r.prefillRender);
    line('scan → prefilled form (the three waits)', (r) => r.total);
    const total = stat((r) => r.total);
    const prefill = stat((r) => r.prefillRender);
    addSummary({
      benchmark: `scan → prefilled form on screen (Chromium, ${n} scans)`,
      measured: `median ${total.median.toFixed(0)} ms, p95 ${total.p95.toFixed(0)} ms (scan → consent → reminders → form, taps without thinking time)`,
      baseline: `prefill + render alone: median ${prefill.median.toFixed(0)} ms, p95 ${prefill.p95.toFixed(0)} ms`,
      ratio: `p95 / median ${(total.p95 / total.median).toFixed(2)}`,
      goal: '—',
      met: null,
    });
  } finally {
    await browser.close();
    await app.close();
  }
}
