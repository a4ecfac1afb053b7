import { expect, test } from './fixtures';
import { logIn } from './log-in';
import { technicianReplays } from './replay';

test('an ID card scanned at the counter fills the identity and opens the citizen', async ({ page, browser, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/counter`);
  await logIn(page);
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('');
  await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('079199012345');
  await expect(page.getByText('079199012345 · sinh 01/05/1999')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
