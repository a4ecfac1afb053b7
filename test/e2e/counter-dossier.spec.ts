import { execFileSync } from 'node:child_process';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { logIn } from './log-in';

const SCREENS = 'test-results/screens';

const vnDay = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

test('an officer opens a citizen, prepares the birth registration on one page, fills it from the keyboard and prints it', async ({ page, served, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await page.goto(`${served.origin}/counter`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quầy tiếp nhận');
  await logIn(page);

  await page.getByLabel('Số định danh cá nhân').fill('079199012345');
  await page.getByLabel('Ngày sinh').fill('01051999');
  await expect(page.getByLabel('Ngày sinh')).toHaveValue('01/05/1999');
  await page.getByLabel('Ngày sinh').press('Enter');
  await expect(page.getByText('079199012345 · sinh 01/05/1999')).toBeVisible();
  // A typed number releases nothing from the centre until the officer has checked the original card.
  await expect(page.locator('[data-assurance="typed"]')).toBeVisible();
  await page.getByRole('button', { name: 'Tôi đã kiểm tra thẻ căn cước gốc của công dân' }).click();
  await expect(page.locator('[data-assurance="officer-attested"]')).toContainText('Cán bộ đã kiểm tra thẻ căn cước gốc');
  await page.getByRole('button', { name: 'Công dân đồng ý cho đọc dữ liệu dân cư' }).click();
  await expect(page.getByText('Đã có sự đồng ý: dữ liệu trung tâm được dùng để điền sẵn.')).toBeVisible();
  // The officer picks the procedure (accents optional); its form follows.
  await page.getByRole('combobox', { name: 'Thủ tục' }).fill('dang ky khai sinh');
  await page.getByRole('option', { name: /^Đăng ký khai sinh/ }).click();

  // Every section on one page; verified values locked with their source.
  await expect(page.getByRole('heading', { level: 2, name: /TỜ KHAI ĐĂNG KÝ KHAI SINH/ })).toBeVisible();
  for (const legend of ['Nơi nhận', 'Người yêu cầu', 'Người được khai sinh', 'Người mẹ', 'Người cha', 'Bản sao']) {
    await expect(page.getByRole('group', { name: legend, exact: true })).toBeVisible();
  }
  const mother = page.getByRole('textbox', { name: 'Họ, chữ đệm, tên người mẹ' });
  await expect(mother).toHaveValue('Nguyễn Văn An');
  // The newborn's mother is presumed from the parent on record: shown, and open to correction.
  await expect(mother).not.toHaveAttribute('readonly');

  // Enter moves to the next open field in the form's order (locked ones are skipped).
  const addressee = page.getByLabel('Kính gửi', { exact: true });
  await addressee.fill('Ủy ban nhân dân phường Bến Nghé');
  await addressee.press('Enter');
  await expect(page.getByLabel('Quan hệ với người được khai sinh')).toBeFocused();
  await page.keyboard.type('Mẹ');
  await page.keyboard.press('Enter');
  const childName = page.getByLabel('Họ, chữ đệm, tên', { exact: true });
  await expect(childName).toBeFocused();
  await page.keyboard.type('Trần Minh Anh');
  const child = page.getByRole('group', { name: 'Người được khai sinh', exact: true });
  // The birth date is the centre's record of the child the reminder counted from: verified, not typed.
  const birthDate = child.getByRole('textbox', { name: 'Ngày, tháng, năm sinh' });
  await expect(birthDate).toHaveValue(vnDay(-12).split('-').reverse().join('/'));
  await expect(birthDate).toHaveAttribute('readonly', '');
  await child.getByLabel('Giới tính').selectOption('female');
  await child.getByLabel('Dân tộc').fill('Kinh');
  await child.getByLabel('Quốc tịch').fill('Việt Nam');
  await child.getByLabel('Nơi sinh').fill('Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh');
  await child.getByLabel('Quê quán').fill('Tỉnh Long An');
  await page.getByLabel('Đề nghị cấp bản sao trích lục khai sinh').selectOption('yes');

  // An invalid value is flagged inline; Enter on the last field saves.
  const count = page.getByLabel('Số lượng bản sao');
  await count.fill('ba');
  await expect(page.getByText('Số lượng bản sao không đúng định dạng.')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/counter-dossier-invalid.png`, fullPage: true });
  await count.fill('2');
  await count.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/counter-dossier.png`, fullPage: true });
  const serious = await seriousViolations(page);
  expect(serious).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'In hồ sơ' }).click()]);
  const pdfPath = testInfo.outputPath('dossier.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Trần Minh Anh');

  await page.getByRole('button', { name: 'Công dân tiếp theo' }).click();
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('');
  await expect(page.locator('body')).not.toContainText('Nguyễn Văn An');
  expect(consoleErrors).toEqual([]);
});
