import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { confirmOnDemoPhone } from './phone-confirm';

const SCREENS = 'test-results/screens';

/** The demo mother (resources/demo/hid/*-cccd-qr): the centre has her spouse and a newborn on record. */
const MOTHER = { personalNumber: '079199012345', birthDigits: '01051999' };

async function typeNumber(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
  await page.getByLabel('Số định danh cá nhân').fill(MOTHER.personalNumber);
  await page.getByLabel('Ngày sinh').fill(MOTHER.birthDigits);
  await page.getByRole('button', { name: 'Xem nhắc việc' }).click();
}

test('a typed number gets the card-only service, kindly; confirmed on the demo phone, the profile fills the dossier', async ({ page, served, consoleErrors }) => {
  test.setTimeout(90_000);
  await page.goto(served.url);
  await typeNumber(page);

  // Consent: the level shown, and why the centre's data is not offered yet, with how to get more.
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(page.locator('[data-assurance="typed"]')).toContainText('Số định danh nhập tay');
  const note = page.getByRole('note').filter({ hasText: 'chưa đủ để chứng minh Ông/Bà là chủ thẻ' });
  await expect(note).toContainText('đặt thẻ căn cước lên đầu đọc');
  await expect(note).toContainText('place your ID card on the reader');
  await page.screenshot({ path: `${SCREENS}/kiosk-identity-typed-consent.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /^Đồng ý/ }).click();

  // Accepted, yet nothing from the centre: the card's own reminders, no newborn, a kind word.
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
  await expect(page.getByText('hệ thống trung tâm chưa cung cấp thông tin của Ông/Bà')).toBeVisible();
  // Born 1999 with no card issue date typed: the renewal cannot be checked, and the kiosk asks to check the card; nothing from the centre.
  await expect(page.getByRole('heading', { name: 'Chưa kiểm tra được hạn đổi thẻ căn cước' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Kiểm tra ngày cấp trên thẻ căn cước' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/kiosk-identity-card-only.png`, fullPage: true });

  // Confirm on the phone: the demo panel, clearly marked, shows what the centre sent.
  await confirmOnDemoPhone(page);
  await expect(page.locator('[data-assurance="holder-confirmed"]')).toContainText('Đã xác nhận qua điện thoại đã đăng ký');
  await page.getByRole('button', { name: /^Đồng ý/ }).click();
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
  const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
  await expect(birth).toBeVisible();
  await birth.getByRole('button', { name: 'Chuẩn bị hồ sơ' }).click();
  await expect(h1).toContainText('Bước 1/7');
  // The addressee comes prefilled from the family's address (a choice, open to change).
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(h1).toContainText('Bước 2/7');
  const applicant = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người yêu cầu' });
  await expect(applicant).toHaveValue('Nguyễn Văn An');
  await expect(applicant).toHaveAccessibleDescription(/Cơ sở dữ liệu quốc gia về dân cư/);
  expect(consoleErrors).toEqual([]);
});

test('the demo phone panel exists only on the confirmation screen of a demo, and a wrong code is said calmly', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await typeNumber(page);
  await expect(page.getByRole('complementary', { name: /TRÌNH DIỄN/ })).toHaveCount(0);
  await page.getByRole('button', { name: /^Xác nhận qua điện thoại/ }).first().click();
  await expect(page.getByRole('complementary', { name: /TRÌNH DIỄN — Điện thoại của công dân/ }).locator('.demo-phone-text')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/kiosk-identity-demo-phone.png`, fullPage: true });
  const code = /Mã xác nhận MotCua: (\d{6})/.exec(await page.locator('.demo-phone-text').innerText())![1]!;
  await page.getByLabel('Mã xác nhận').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Mã xác nhận chưa đúng. Xin Ông/Bà xem lại tin nhắn và nhập lại.');
  expect(await seriousViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
