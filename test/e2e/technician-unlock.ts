import { expect, type Page } from '@playwright/test';

/** Types the demo PIN on the keypad, as a technician at a kiosk would. */
export async function unlock(page: Page) {
  const pad = page.getByRole('group', { name: 'Bàn phím số' });
  for (const d of '246810') await pad.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Thiết bị' })).toBeVisible();
}
