import type { Browser, Page } from '@playwright/test';

/** The demo's counter officer (README); seeded when the machine has no account. */
export const DEMO_OFFICER = { username: 'canbo', password: 'motcua-demo', displayName: 'Cán bộ Trần Thị Mai' };

/** Fills the log-in form the counter shows until an officer is signed in, in Vietnamese. */
export async function logIn(page: Page, { username, password }: { username: string; password: string } = DEMO_OFFICER): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
}

/**
 * An officer at the counter in a browser of their own: signs in, then scans a kiosk print-out's
 * QR (a keyboard-mode scanner types it into the scan field). Page errors go to `errors`.
 */
export async function counterScansHandoff(browser: Browser, served: { url: string; origin: string }, errors: string[], handoff: string): Promise<Page> {
  const counter = await (await browser.newContext({ acceptDownloads: true })).newPage();
  counter.on('pageerror', (e) => errors.push(e.message));
  await counter.goto(served.url);
  await counter.goto(`${served.origin}/counter`);
  await logIn(counter);
  const scanField = counter.getByLabel('Quét hoặc dán mã QR (hồ sơ kiosk, giấy biên nhận)');
  await scanField.fill(handoff);
  await scanField.press('Enter');
  return counter;
}
