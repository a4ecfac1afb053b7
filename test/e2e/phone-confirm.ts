import { expect, type Page } from '@playwright/test';

/**
 * On a card-only turn (a typed number, or the card's QR), the citizen confirms on the registered
 * phone: the demo centre's "phone" panel shows the code it sent, the citizen types it, and the turn
 * is holder-confirmed, back on the consent screen.
 */
export async function confirmOnDemoPhone(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Xác nhận qua điện thoại/ }).first().click();
  const phone = page.getByRole('complementary', { name: /TRÌNH DIỄN — Điện thoại của công dân/ });
  const message = phone.locator('.demo-phone-text').last();
  await expect(message).toContainText(/Mã xác nhận MotCua: \d{6}/);
  const code = /Mã xác nhận MotCua: (\d{6})/.exec(await message.innerText())![1]!;
  await page.getByLabel('Mã xác nhận').fill(code);
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(page.locator('[data-assurance="holder-confirmed"]')).toBeVisible();
}
