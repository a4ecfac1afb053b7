import type { Page } from '@playwright/test';
import { confirmOnDemoPhone } from './phone-confirm';

/**
 * Scan → prefilled form at the kiosk, as the citizen waits for it: the card's scan reaching the
 * page → the consent screen; the tap on "Đồng ý" → the reminders; the tap on "Chuẩn bị hồ sơ" →
 * the prepared birth registration (step 1 of the review). Each wait is timed in the page, from the
 * scan's server-sent event or the tap's click event to the first animation frame showing the
 * screen; `total` is their sum, the citizen's thinking time left out.
 */
export interface ScanToForm {
  toConsent: number;
  toReminders: number;
  toForm: number;
  total: number;
  /** The app's own measure of the last step's prefill and render (dossier.prepare → step 1 rendered). */
  prefillRender: number;
}

interface Probe {
  scanAt: number;
  tapAt: number;
}

/** Once per page: when the scan event arrives (a second listener on the page's own event stream) and when a tap lands. */
export async function installScanProbe(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const probe: Probe = { scanAt: 0, tapAt: 0 };
        (window as unknown as { motcuaProbe: Probe }).motcuaProbe = probe;
        window.addEventListener('click', () => (probe.tapAt = performance.now()), { capture: true });
        const events = new EventSource('/events');
        events.addEventListener('scan', () => (probe.scanAt = performance.now()));
        events.addEventListener('open', () => resolve(), { once: true });
      }),
  );
}

/** The first frame whose level-1 heading contains `text`, in the page's clock, minus the probe's `since` mark. */
async function shownAfter(page: Page, text: string, since: keyof Probe): Promise<number> {
  const handle = await page.waitForFunction(
    ({ text, since }) => {
      const probe = (window as unknown as { motcuaProbe: Probe }).motcuaProbe;
      const shown = probe[since] > 0 && document.querySelector('h1')?.textContent?.includes(text);
      return shown ? performance.now() - probe[since] : false;
    },
    { text, since },
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** One scan of the demo mother's card from the kiosk's home, through to her prepared birth registration, then back home. */
export async function scanToForm(page: Page, replay: () => Promise<void>): Promise<ScanToForm> {
  await page.evaluate(() => Object.assign((window as unknown as { motcuaProbe: Probe }).motcuaProbe, { scanAt: 0, tapAt: 0 }));
  await replay();
  const toConsent = await shownAfter(page, 'Cho phép dùng thông tin của Ông/Bà', 'scanAt');
  // The QR alone releases nothing from the centre: the citizen confirms on the phone first (not timed).
  await confirmOnDemoPhone(page);
  await page.getByRole('button', { name: /^Đồng ý/ }).click();
  const toReminders = await shownAfter(page, 'Việc cần làm của Ông/Bà', 'tapAt');
  await page.evaluate(() => ((window as unknown as { motcuaProbe: Probe }).motcuaProbe.tapAt = 0));
  const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
  await birth.getByRole('button', { name: 'Chuẩn bị hồ sơ' }).click();
  const toForm = await shownAfter(page, 'Bước 1/7', 'tapAt');
  const prefillRender = await page.evaluate(() => performance.getEntriesByName('motcua:dossier-prefill-render').at(-1)?.duration ?? -1);
  await page.getByRole('button', { name: 'Về danh sách nhắc việc' }).click();
  await page.getByRole('button', { name: 'Kết thúc và xóa thông tin' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?' }).waitFor();
  return { toConsent, toReminders, toForm, total: toConsent + toReminders + toForm, prefillRender };
}

/** The value below which `p` % of the runs fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
