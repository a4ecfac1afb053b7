import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** The day `days` from today in Vietnam (the host's today), as a Date at UTC midnight. */
const vnDay = (days: number) => new Date(`${new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`);
const dmy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');
/** "3 tháng 12 năm 2026" / "3 December 2026": how a reminder's sentence says a date. */
const spokenVi = (d: Date) => `${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`;
const spokenEn = (d: Date) => `${d.getUTCDate()} ${d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${d.getUTCFullYear()}`;

/** A citizen registered in Hà Nội who turns 40 in 200 days: the ID card renewal is coming up. */
const milestone = vnDay(200);
const birth = new Date(Date.UTC(milestone.getUTCFullYear() - 40, milestone.getUTCMonth(), milestone.getUTCDate()));
const year = birth.getUTCFullYear();
const citizen = {
  personalNumber: `0010${String(year % 100).padStart(2, '0')}012345`,
  birthDigits: dmy(birth).replace(/\//g, ''),
};

async function tapDigits(page: Page, digits: string) {
  const pad = page.getByRole('group', { name: /Bàn phím số|Number keypad/ });
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

const normalise = (text: string) => text.replace(/\s+/g, ' ');

test('a citizen types their number, declines consent, sees the reminder in both languages and prints the slip', async ({ page, served, consoleErrors }, testInfo) => {
  await page.goto(served.url);
  await expect(page).toHaveURL(`${served.origin}/kiosk`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await page.screenshot({ path: `${SCREENS}/kiosk-home-vi.png` });

  await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
  await tapDigits(page, citizen.personalNumber);
  await tapDigits(page, citizen.birthDigits);
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue(`001 0${citizen.personalNumber.slice(4, 6)} 012345`);
  await expect(page.getByLabel('Ngày sinh')).toHaveValue(dmy(birth));
  await page.screenshot({ path: `${SCREENS}/kiosk-identify-vi.png` });
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();

  // Consent first; declining keeps the card-only service.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cho phép dùng thông tin của Ông/Bà');
  await page.getByRole('button', { name: /^Không đồng ý/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Việc cần làm của Ông/Bà');
  await expect(page.getByText('Ông/Bà đã không đồng ý: việc nhắc chỉ dựa trên thông tin trên thẻ căn cước.')).toBeVisible();

  const title = page.getByRole('listitem').getByRole('heading', { level: 2 });
  await expect(title).toHaveText('Cấp đổi thẻ căn cước');
  await expect(page.getByText('Bắt buộc', { exact: true })).toBeVisible();
  // Compact: what and by when; why, the steps and the law on a touch.
  const details = page.getByRole('button', { name: 'Xem chi tiết' });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await details.click();
  await expect(page.getByRole('button', { name: 'Thu gọn' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByText(`Công dân phải làm thủ tục cấp đổi thẻ căn cước khi đủ 40 tuổi; theo ngày sinh của Ông/Bà (${spokenVi(birth)}), mốc đó là ngày ${spokenVi(milestone)}.`)).toBeVisible();
  await expect(page.getByText(`Hạn: ${dmy(milestone)}`)).toBeVisible();
  await expect(page.getByText(/Căn cứ pháp lý: Luật Căn cước số 26\/2023\/QH15, Điều 21/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chuẩn bị hồ sơ' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/kiosk-reminder-vi.png`, fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(title).toHaveText('Renew your ID card');
  await expect(page.getByText(`Citizens must renew the ID card on reaching age 40; for your date of birth (${spokenEn(birth)}) that is ${spokenEn(milestone)}.`)).toBeVisible();
  await expect(page.getByText('Obligation', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/kiosk-reminder-en.png`, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Print 80 mm slip' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^phieu-nhac-viec-\d{4}-\d{2}-\d{2}-80mm\.pdf$/);
  const pdfPath = testInfo.outputPath('slip.pdf');
  await download.saveAs(pdfPath);
  await expect(page.getByRole('status')).toHaveText('Reminder slip ready (1 page).');

  const text = normalise(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
  expect(text).toContain('PHIẾU NHẮC VIỆC');
  expect(text).toContain('Cấp đổi thẻ căn cước');
  expect(text).toContain('Renew your ID card');
  expect(text).not.toContain(citizen.personalNumber);
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', pdfPath, join(SCREENS, 'reminder-slip')]);

  const [a4] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Print on A4' }).click()]);
  expect(a4.suggestedFilename()).toMatch(/^phieu-nhac-viec-\d{4}-\d{2}-\d{2}-a4\.pdf$/);

  await page.getByRole('button', { name: 'Finish and erase my data' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?');
  await expect(page.locator('body')).not.toContainText(citizen.personalNumber.slice(-4));
  // The host's session forgot the citizen too.
  await expect
    .poll(() => page.evaluate(() => fetch('/api/proactive.reminders', { method: 'POST', body: '{}' }).then((r) => r.json())))
    .toMatchObject({ ok: false, error: { code: 'NO_CITIZEN' } });
  expect(consoleErrors).toEqual([]);
});

test('declining without the card’s issue date says the renewal could not be checked and how to check it; the date added, the overdue renewal shows', async ({ page, served, consoleErrors }) => {
  // 45 years old: the renewal at 40 is behind; a card issued at 30 ran out then.
  const born = vnDay(-45 * 365 - 30);
  const pin = `0010${String(born.getUTCFullYear() % 100).padStart(2, '0')}054321`;
  const issued = new Date(Date.UTC(born.getUTCFullYear() + 30, 5, 1));
  const h1 = page.getByRole('heading', { level: 1 });
  await page.goto(served.url);
  await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
  await tapDigits(page, pin + dmy(born).replace(/\//g, ''));
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();
  await page.getByRole('button', { name: /^Không đồng ý/ }).click();
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
  const unchecked = page.getByRole('region', { name: 'Chưa kiểm tra được hạn đổi thẻ căn cước' });
  await expect(unchecked).toContainText('Không có ngày cấp thẻ, kiosk không biết thẻ của Ông/Bà còn hạn hay đã quá hạn đổi.');
  await expect(unchecked).toContainText('hoặc quét mã QR trên thẻ');
  await expect(page.getByText('Hiện Ông/Bà không có việc nào cần làm')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/kiosk-renewal-unchecked.png` });
  expect(await seriousViolations(page)).toEqual([]);

  // One touch back to the number screen, which keeps what was typed and waits for the issue date.
  await unchecked.getByRole('button', { name: 'Thêm ngày cấp thẻ' }).click();
  await expect(h1).toHaveText('Nhập thông tin của Ông/Bà');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue(`001 0${pin.slice(4, 6)} 054321`);
  await tapDigits(page, dmy(issued).replace(/\//g, ''));
  await expect(page.getByLabel('Ngày cấp thẻ')).toHaveValue(dmy(issued));
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();
  await page.getByRole('button', { name: /^Không đồng ý/ }).click();
  await expect(page.getByRole('listitem').getByRole('heading', { name: 'Cấp đổi thẻ căn cước' })).toBeVisible();
  await expect(unchecked).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a wrong number gets a clear message in Vietnamese and English and keeps what was typed', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
  // The century digit of the next century: the number no longer agrees with the birth date.
  const province = citizen.personalNumber.slice(0, 3);
  const wrongCentury = String(Number(citizen.personalNumber[3]) + 2);
  await tapDigits(page, `${province}${wrongCentury}${citizen.personalNumber.slice(4)}`);
  await tapDigits(page, citizen.birthDigits);
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();
  await expect(page.getByRole('alert')).toHaveText('Chữ số thứ tư (mã thế kỷ và giới tính) không khớp với năm sinh.');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue(new RegExp(`^${province} ${wrongCentury}`));
  await page.screenshot({ path: `${SCREENS}/kiosk-error-vi.png` });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('The fourth digit (century and sex code) does not match the year of birth.');

  // Birth year that disagrees with digits 5–6.
  await page.getByLabel('Personal identification number').fill(citizen.personalNumber);
  await page.getByLabel('Date of birth').fill(citizen.birthDigits.slice(0, 4) + String(year + 1));
  await page.getByRole('button', { name: 'See my reminders' }).click();
  await expect(page.getByRole('alert')).toHaveText('The fifth and sixth digits must be the last two digits of the year of birth.');
  expect(consoleErrors).toEqual([]);
});

test('the kiosk screens have no serious or critical accessibility violations', async ({ page, served }) => {
  await page.goto(served.url);
  const serious = async () =>
    await seriousViolations(page);
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
  expect(await serious()).toEqual([]);
  await tapDigits(page, citizen.personalNumber);
  await tapDigits(page, citizen.birthDigits);
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();
  await expect(page.getByRole('button', { name: /^Không đồng ý/ })).toBeEnabled();
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: /^Không đồng ý/ }).click();
  // The consent screen has its own level-2 headings: the reminders first.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Việc cần làm của Ông/Bà');
  await expect(page.getByRole('listitem').getByRole('heading', { level: 2 })).toHaveText('Cấp đổi thẻ căn cước');
  expect(await serious()).toEqual([]);
});

test('the technician console is locked behind the PIN; the host refuses a kiosk session on its channels', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  const asKiosk = await page.evaluate(() => fetch('/api/diagnostics.doctor', { method: 'POST', body: '{}' }).then((r) => r.json()));
  expect(asKiosk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: { vi: 'Ông/Bà không có quyền dùng chức năng này.' } } });

  await page.goto(`${served.origin}/technician`);
  await tapDigits(page, '000000');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã PIN kỹ thuật viên không đúng.');
  // The on-screen keypad above, a hardware keyboard here: both fill the same masked field.
  const pin = page.getByLabel('Mã PIN kỹ thuật viên');
  await expect(pin).toHaveAttribute('type', 'password');
  await pin.pressSequentially('246810');
  await expect(pin).toHaveValue('246810');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  await page.getByRole('button', { name: 'Kiểm tra hệ thống' }).click();
  await expect(page.locator('.report')).toContainText(/"schemaVersion": \d+/);
  await page.screenshot({ path: `${SCREENS}/technician-doctor.png`, fullPage: true });
  await page.getByRole('button', { name: 'Khóa lại' }).click();
  await expect(page.getByRole('button', { name: 'Mở khóa' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
