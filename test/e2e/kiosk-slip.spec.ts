import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { expectOnScreen, SIZES, TEXT } from './on-screen';
import { confirmOnDemoPhone } from './phone-confirm';
import { technicianReplays } from './replay';
import { scanPdfQr } from '../support/scan-pdf-qr';

const SCREENS = 'test-results/screens';
const MM = 72 / 25.4;

for (const size of SIZES) {
  for (const text of TEXT) {
    const variant = `${size.name}-${text.name.replace(/\+/g, 'p')}`;
    test(`the 80 mm slip summarises the reminders on one short page; its QR opens their procedures at a kiosk (${size.width}×${size.height}, ${text.name})`, async ({ page, browser, served, consoleErrors }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(served.url);
      const h1 = page.getByRole('heading', { level: 1 });
      const main = (name: string | RegExp) => page.locator('.kiosk-nav').getByRole('button', { name });
      await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
      await confirmOnDemoPhone(page);
      await main(/^Đồng ý/).click();
      await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
      await expect(page.locator('li.reminder').nth(4)).toBeVisible();
      const count = await page.locator('li.reminder').count();
      expect(count).toBeGreaterThanOrEqual(5);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /In phiếu 80 mm/ }).click();
      const file = `${SCREENS}/slip-${variant}.pdf`;
      await (await download).saveAs(file);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Pages:\s+1\n/);
      const height = Number(/Page size:\s+[\d.]+ x ([\d.]+)/.exec(info)![1]) / MM;
      console.log(`slip: ${count} reminders, ${height.toFixed(0)} mm`);
      expect(height).toBeLessThanOrEqual(180);
      const pdf = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(pdf).toContain(`Ông/Bà có ${count} việc cần làm`);
      for (const title of await page.locator('li.reminder h2').allTextContents()) expect(pdf).toContain(title);
      const qr = scanPdfQr(file, { page: 1, dpi: 200 })!;
      expect(qr).toMatch(/^MOTCUA-TT:[A-Z0-9.,-]+$/i);

      // The citizen comes back another day and holds the slip under the scanner.
      await page.getByRole('button', { name: 'Kết thúc và xóa thông tin' }).click();
      await expect(h1).toHaveText('Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?');
      if (text.button) await page.getByRole('button', { name: text.button }).click();
      await page.locator('body').click({ position: { x: 5, y: size.height / 2 } });
      await page.keyboard.type(`${qr}\n`, { delay: 3 });
      await expect(h1).toContainText('Tra cứu thủ tục');
      await expect(page.getByText('Các thủ tục trên phiếu nhắc việc của Ông/Bà')).toBeVisible();
      const rows = page.locator('li.procedure-row');
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBe(qr.slice('MOTCUA-TT:'.length).split(',').length);
      await expectOnScreen(page, rows.first().getByRole('button', { name: 'Xem chi tiết' }), 'slip procedures: the first details');
      await rows.first().getByRole('button', { name: 'Xem chi tiết' }).click();
      await expect(rows.first().getByRole('heading', { name: 'Thành phần hồ sơ' })).toBeVisible();
      await page.screenshot({ path: `${SCREENS}/slip-qr-catalogue-${variant}.png` });
      expect(consoleErrors).toEqual([]);
    });
  }
}
