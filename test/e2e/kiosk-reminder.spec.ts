import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** A citizen about 30 years old, registered in Hà Nội: next renewal at 40. */
const year = new Date().getFullYear() - 30;
const citizen = {
  personalNumber: `0010${String(year % 100).padStart(2, '0')}012345`,
  birthDigits: `1506${year}`,
};

async function tapDigits(page: Page, digits: string) {
  const pad = page.getByRole('group', { name: /Bàn phím số|Number keypad/ });
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

const normalise = (text: string) => text.replace(/\s+/g, ' ');

test('a citizen types their number, sees the reminder in both languages and prints the slip', async ({ page, served, consoleErrors }, testInfo) => {
  await page.goto(served.url);
  await expect(page).toHaveURL(`${served.origin}/kiosk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xin chào! Chúng tôi có thể giúp gì cho bạn?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.screenshot({ path: `${SCREENS}/kiosk-home-vi.png` });

  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await tapDigits(page, citizen.personalNumber);
  await tapDigits(page, citizen.birthDigits);
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue(`001 0${citizen.personalNumber.slice(4, 6)} 012345`);
  await expect(page.getByLabel('Ngày sinh')).toHaveValue(`15/06/${year}`);
  await page.screenshot({ path: `${SCREENS}/kiosk-identify-vi.png` });
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();

  const title = page.getByRole('heading', { level: 2 });
  await expect(title).toHaveText('Mốc cấp đổi thẻ căn cước tiếp theo: đủ 40 tuổi');
  await expect(page.getByText(`Bạn cần cấp đổi thẻ khi đủ 40 tuổi, vào ngày 15/06/${year + 40}.`)).toBeVisible();
  await expect(page.getByText(/Luật Căn cước số 26\/2023\/QH15, Điều 21/)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/kiosk-reminder-vi.png`, fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(title).toHaveText('Next ID card renewal: at age 40');
  await expect(page.getByText(`You must renew your card when you turn 40, on 15/06/${year + 40}.`)).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/kiosk-reminder-en.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Print reminder slip' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^phieu-nhac-viec-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = testInfo.outputPath('slip.pdf');
  await download.saveAs(pdfPath);
  await expect(page.getByRole('status')).toHaveText('Reminder slip ready (1 page).');

  const text = normalise(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
  expect(text).toContain('PHIẾU NHẮC VIỆC');
  expect(text).toContain('Mốc cấp đổi thẻ căn cước tiếp theo: đủ 40 tuổi');
  expect(text).toContain(`Bạn cần cấp đổi thẻ khi đủ 40 tuổi, vào ngày 15/06/${year + 40}.`);
  expect(text).toContain('Next ID card renewal: at age 40');
  expect(text).not.toContain(citizen.personalNumber);
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdfPath, join(SCREENS, 'reminder-slip')]);

  await page.getByRole('button', { name: 'Finish and erase my data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xin chào! Chúng tôi có thể giúp gì cho bạn?');
  await expect(page.locator('body')).not.toContainText(citizen.personalNumber.slice(-4));
  expect(consoleErrors).toEqual([]);
});

test('a wrong number gets a clear message in Vietnamese and English and keeps what was typed', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await tapDigits(page, `0990${citizen.personalNumber.slice(4)}`);
  await tapDigits(page, citizen.birthDigits);
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();
  await expect(page.getByRole('alert')).toHaveText('Ba chữ số đầu không phải mã tỉnh, thành phố nơi đăng ký khai sinh.');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue(/^099 0/);
  await page.screenshot({ path: `${SCREENS}/kiosk-error-vi.png` });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('The first three digits are not a province code of birth registration.');

  // Birth year that disagrees with digits 5–6.
  await page.getByLabel('Personal identification number').fill(citizen.personalNumber);
  await page.getByLabel('Date of birth').fill(`1506${year + 1}`);
  await page.getByRole('button', { name: 'See my reminders' }).click();
  await expect(page.getByRole('alert')).toHaveText('The fifth and sixth digits must be the last two digits of the year of birth.');
  expect(consoleErrors).toEqual([]);
});

test('the kiosk screens have no serious or critical accessibility violations', async ({ page, served }) => {
  await page.goto(served.url);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  expect(await serious()).toEqual([]);
});

test('the technician console is locked behind the PIN; the host refuses a kiosk session on its channels', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  const asKiosk = await page.evaluate(() => fetch('/api/diagnostics.doctor', { method: 'POST', body: '{}' }).then((r) => r.json()));
  expect(asKiosk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: { vi: 'Bạn không có quyền dùng chức năng này.' } } });

  await page.goto(`${served.origin}/technician`);
  await tapDigits(page, '000000');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã PIN kỹ thuật viên không đúng.');
  // The on-screen keypad above, a hardware keyboard here: both fill the same masked field.
  const pin = page.getByLabel('Mã PIN kỹ thuật viên');
  await expect(pin).toHaveAttribute('type', 'password');
  await pin.pressSequentially('246810');
  await expect(pin).toHaveValue('246810');
  await page.getByRole('button', { name: 'Mở khoá' }).click();
  await page.getByRole('button', { name: 'Kiểm tra hệ thống' }).click();
  await expect(page.locator('.report')).toContainText(/"schemaVersion": \d+/);
  await page.screenshot({ path: `${SCREENS}/technician-doctor.png`, fullPage: true });
  await page.getByRole('button', { name: 'Khoá lại' }).click();
  await expect(page.getByRole('button', { name: 'Mở khoá' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
