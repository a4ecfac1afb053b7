import { test as base, expect } from '@playwright/test';
import { startServedApp, type ServedApp } from '../support/served-app';
import { ensurePcscd } from '../support/virtual-chip/pcsc-stack';
import { DEMO_CARD_HOLDER } from '../support/virtual-chip/demo-card';
import { VPCD_READER } from '../support/virtual-chip/vpcd-card';
import { seriousViolations } from './axe';
import { unlock } from './technician-unlock';

/*
 * The chip journey over the real PC/SC stack: the technician puts the demo card (the project's virtual
 * chip) on vpcd's reader from the console; the citizen types number and birth date, the kiosk reads
 * and verifies the chip (BAC, secure messaging, SOD under the demo's test CSCA), greets with DG13's
 * name, and after consent the centre releases the profile to the `chip` level: a pre-filled dossier.
 * pcscd must run before the app starts (the host looks for readers at start), so this spec serves its own app.
 */
const SCREENS = 'test-results/screens';
const test = base;
let served: ServedApp;
let stopPcscd: () => void;

test.beforeAll(async () => {
  stopPcscd = await ensurePcscd(VPCD_READER);
  served = await startServedApp({ cases: 50, seed: 'chip' });
});
test.afterAll(async () => {
  await served.close();
  stopPcscd();
});

test('card on the reader: the kiosk greets with the chip’s name, and after consent the centre’s profile fills the dossier', async ({ browser, page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  // The technician's Devices panel: the virtual readers, no card; the demo card put on; a live test.
  const technicianContext = await browser.newContext();
  const technician = await technicianContext.newPage();
  await technician.goto(served.url);
  await technician.goto(`${served.origin}/technician`);
  await unlock(technician);
  const panel = technician.getByRole('region', { name: 'Đầu đọc thẻ căn cước gắn chip (PC/SC)' });
  await expect(panel.getByRole('status')).toContainText('Dịch vụ thẻ thông minh (pcscd): đang chạy');
  const reader = panel.getByRole('listitem', { name: VPCD_READER });
  await expect(reader).toContainText('Không có thẻ');
  const demo = technician.getByRole('complementary', { name: /TRÌNH DIỄN — Thẻ căn cước mẫu/ });
  await demo.getByRole('button', { name: /Đặt thẻ mẫu lên đầu đọc/ }).click();
  await expect(reader).toContainText('Có thẻ trên đầu đọc');
  await expect(demo.getByRole('button', { name: /Lấy thẻ mẫu ra khỏi đầu đọc/ })).toBeVisible();
  await reader.getByRole('button', { name: 'Kiểm tra' }).click();
  await expect(reader).toContainText('9000');
  await expect(reader).toContainText('chip căn cước / hộ chiếu điện tử (ICAO 9303)');
  await expect(reader.locator('.chip-test code').first()).toHaveText(/^3B[0-9A-F]+$/);
  await panel.screenshot({ path: `${SCREENS}/technician-chip-readers.png` });
  expect(await seriousViolations(technician)).toEqual([]);

  // The citizen types the number and birth date printed on the card: card-only, with the chip offered.
  await page.goto(served.url);
  await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
  await page.getByLabel('Số định danh cá nhân').fill(DEMO_CARD_HOLDER.personalNumber);
  await page.getByLabel('Ngày sinh').fill(DEMO_CARD_HOLDER.birthDate.split('-').reverse().join(''));
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();
  await expect(page.locator('[data-assurance="typed"]')).toBeVisible();
  await expect(page.getByText(DEMO_CARD_HOLDER.fullName)).toHaveCount(0);
  await page.getByRole('button', { name: /^Đọc chip của thẻ căn cước/ }).click();

  // Greeted with DG13's name (diacritics from the chip); the level is the verified chip.
  await expect(page.getByText(DEMO_CARD_HOLDER.fullName, { exact: false }).first()).toBeVisible();
  await expect(page.locator('[data-assurance="chip"]')).toContainText('Chip của thẻ căn cước, đã xác thực');
  await page.screenshot({ path: `${SCREENS}/kiosk-chip-greeting.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /^Đồng ý/ }).click();

  // The centre released the profile: her newborn's birth registration, and its dossier pre-filled.
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
  await expect(page.locator('[data-assurance="chip"]')).toBeVisible();
  const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
  await birth.getByRole('button', { name: 'Chuẩn bị hồ sơ' }).click();
  await expect(h1).toContainText('Bước 1/7');
  await expect(page.getByRole('radio', { name: 'Ủy ban nhân dân Phường Sài Gòn, Thành phố Hồ Chí Minh' })).toBeChecked();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(h1).toContainText('Bước 2/7');
  const applicant = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' });
  await expect(applicant).toHaveValue(DEMO_CARD_HOLDER.fullName);
  await expect(applicant).toHaveAccessibleDescription(/Cơ sở dữ liệu quốc gia về dân cư/);
  await page.screenshot({ path: `${SCREENS}/kiosk-chip-dossier.png`, fullPage: true });

  // The technician takes the demo card off: the reader is empty again.
  await demo.getByRole('button', { name: /Lấy thẻ mẫu ra khỏi đầu đọc/ }).click();
  await expect(reader).toContainText('Không có thẻ');
  await technicianContext.close();
  expect(errors).toEqual([]);
});
