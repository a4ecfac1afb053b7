import { expect, test } from './fixtures';
import { technicianReplays } from './replay';

const SCREENS = 'test-results/screens';

test('a replayed HID-POS scan of a CCCD identifies the citizen on the kiosk, name with its diacritics', async ({ page, browser, served, consoleErrors }) => {
  await page.goto(served.url);
  await expect(page.getByText('Quét căn cước công dân', { exact: true })).toBeVisible();
  await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
  await expect(page.getByText('Kính chào Ông/Bà Nguyễn Văn An!')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cho phép dùng thông tin của Ông/Bà');
  // Card only: what the scan itself says.
  await page.getByRole('button', { name: /^Không đồng ý/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Việc cần làm của Ông/Bà');
  await expect(page.getByText('Kính chào Ông/Bà Nguyễn Văn An!')).toBeVisible();
  await expect(page.getByText(/Số định danh •+ 2345 · Nơi đăng ký khai sinh: Hồ Chí Minh/)).toBeVisible();
  // The QR's issue date (10/10/2021, before the window of the 25th birthday) gives the exact answer.
  const renewal = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: 'Cấp đổi thẻ căn cước' }) });
  await expect(renewal).toContainText('mốc đó là ngày 1 tháng 5 năm 2024');
  await expect(renewal).toContainText('ngày cấp thẻ căn cước: 10 tháng 10 năm 2021');
  await expect(renewal).toContainText('Đã quá hạn; hạn là ngày 1 tháng 5 năm 2024');
  await page.screenshot({ path: `${SCREENS}/kiosk-scanned-vi.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('a scan from a keyboard-wedge scanner is told from typing by its speed and identifies the citizen', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  // A person typing slowly is not a scan.
  await page.keyboard.type('001099012345', { delay: 120 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?');

  await page.keyboard.type('001099012345|012345678|NGUYEN VAN AN|01051999|Nam|So 1 Ben Nghe|10102021', { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cho phép dùng thông tin của Ông/Bà');
  await page.getByRole('button', { name: /^Không đồng ý/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Việc cần làm của Ông/Bà');
  await expect(page.getByText('Máy quét không đọc được dấu tiếng Việt; họ tên sẽ lấy từ hệ thống trung tâm.')).toBeVisible();
  await expect(page.getByText(/Kính chào Ông\/Bà /)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a receipt scanned on the home screen opens the case lookup; a bad card QR gets a clear message and the kiosk keeps working', async ({ page, browser, served, consoleErrors }) => {
  await page.goto(served.url);
  await technicianReplays(browser, served.url, 'hid-pos-receipt-code128', 'barcode-scanner');
  // The recorded receipt (HS-2024-000123) is not a case of this centre.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tra cứu hồ sơ');
  await expect(page.getByRole('alert')).toHaveText('Không tìm thấy hồ sơ có mã này. Hãy kiểm tra lại mã trên giấy biên nhận.');
  await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.keyboard.type('001099012345|012345678|NGUYEN VAN AN|99999999|Nam|x|10102021', { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('A date in the ID card QR code is not valid.');
  expect(consoleErrors).toEqual([]);
});
