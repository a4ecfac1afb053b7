import type { Page } from '@playwright/test';

/** The demo's counter officer (README); seeded when the machine has no account. */
export const DEMO_OFFICER = { username: 'canbo', password: 'motcua-demo', displayName: 'Cán bộ Trần Thị Mai' };

/** Fills the log-in form the counter shows until an officer is signed in, in Vietnamese. */
export async function logIn(page: Page, { username, password }: { username: string; password: string } = DEMO_OFFICER): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByLabel('Mật khẩu').press('Enter');
}
