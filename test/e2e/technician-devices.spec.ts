import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { unlock } from './technician-unlock';

const SCREENS = 'test-results/screens';
const DEVICE = 'Synthesised HID-POS scanner';
const REPLAY = 'hid-pos-cccd-qr';

test('the technician plugs a recorded scanner, watches its raw reports and decoded card live, and assigns it a role that persists', async ({
  page,
  served,
  consoleErrors,
}) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/technician`);
  await unlock(page);
  await expect(page.getByText(/^Thư viện HID: (hoạt động bình thường|không dùng được)/)).toBeVisible();

  // Test without hardware: the recorded device is plugged and listed.
  const replay = page.getByRole('button', { name: `Phát lại ${REPLAY}` });
  await replay.click();
  await expect(page.getByRole('status').filter({ hasText: `Đã cắm thiết bị ghi sẵn ${REPLAY}.` })).toBeVisible();
  const card = page.getByRole('article', { name: DEVICE });
  await expect(card).toBeVisible();
  await expect(card.getByText('0c2e:0b61')).toBeVisible();
  await expect(card.getByText('0x008c')).toBeVisible();
  await expect(card.getByText('SYN-POS-0001')).toBeVisible();
  await expect(card.getByText(`replay:${REPLAY}`)).toBeVisible();
  await expect(card.getByLabel('Cách đọc')).toHaveValue('pos');
  // HID-POS has no keyboard layout, suffix or key gap.
  await expect(card.getByLabel('Phím kết thúc')).toHaveCount(0);

  // Live test: each report as hex beside what the scan decodes to.
  const liveTest = card.getByRole('button', { name: 'Thử trực tiếp' });
  await liveTest.click();
  await expect(liveTest).toHaveAttribute('aria-pressed', 'true');
  await replay.click();
  const raw = card.getByRole('group', { name: 'Dữ liệu thô' });
  const decoded = card.getByRole('group', { name: 'Kết quả giải mã' });
  await expect(raw.getByRole('listitem').nth(2)).toBeVisible();
  for (const line of await raw.getByRole('listitem').allTextContents()) expect(line).toMatch(/^02 /);
  await expect(decoded).toContainText('079199012345');
  await expect(decoded).toContainText('Nguyễn Văn An');
  await expect(decoded).toContainText('01/05/1999');
  await expect(decoded.getByRole('listitem').last()).toContainText('Thẻ căn cước · mã QR');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/technician-devices-vi.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await expect(card.getByRole('group', { name: 'Raw bytes' })).toBeVisible();
  await expect(card.getByRole('group', { name: 'Decoded' })).toContainText('ID card · QR code');
  await expect(page.getByText(/^HID backend: (working|unavailable)/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Recorded device ${REPLAY} plugged in.` })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/technician-devices-en.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // Turning the test off wipes what it showed.
  await liveTest.click();
  await expect(liveTest).toHaveAttribute('aria-pressed', 'false');
  await expect(card.getByRole('group', { name: 'Dữ liệu thô' })).toHaveCount(0);

  // The role is saved in the host's database: it survives locking, reloading and unlocking again.
  await card.getByLabel('Vai trò').selectOption({ label: 'Máy đọc thẻ căn cước' });
  await card.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(card.getByRole('status')).toHaveText(`Đã lưu cài đặt của ${DEVICE}.`);
  await page.getByRole('button', { name: 'Khóa lại' }).click();
  await page.reload();
  await unlock(page);
  await expect(card.getByLabel('Vai trò')).toHaveValue('id-reader');
  await expect(card.getByLabel('Vai trò').locator('option:checked')).toHaveText('Máy đọc thẻ căn cước');
  await page.screenshot({ path: `${SCREENS}/technician-devices-saved.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('a keyboard-mode scanner shows its layout, suffix and key gap, and a gap out of range is refused before saving', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/technician`);
  await unlock(page);
  await page.getByRole('button', { name: 'Phát lại keyboard-cccd-qr' }).click();
  const card = page.getByRole('article', { name: 'Synthesised keyboard-mode scanner' });
  await expect(card.getByLabel('Cách đọc')).toHaveValue('keyboard');
  await expect(card.getByLabel('Kiểu bàn phím')).toHaveValue('us');
  await expect(card.getByLabel('Phím kết thúc')).toHaveValue('enter');
  const gap = card.getByLabel('Thời gian tối đa giữa hai phím (ms)');
  await expect(gap).toHaveValue('100');

  await gap.fill('5');
  await card.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(card.getByRole('alert')).toHaveText('Khoảng cách giữa hai phím phải là số nguyên từ 10 đến 2000 ms.');
  await expect(gap).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SCREENS}/technician-devices-keyboard.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  await gap.fill('60');
  await card.getByLabel('Phím kết thúc').selectOption({ label: 'Tab' });
  await card.getByRole('button', { name: 'Lưu cài đặt' }).click();
  await expect(card.getByRole('status')).toHaveText('Đã lưu cài đặt của Synthesised keyboard-mode scanner.');
  await expect(card.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(card.getByLabel('Phím kết thúc')).toHaveValue('tab');
  await expect(card.getByLabel('Thời gian tối đa giữa hai phím (ms)')).toHaveValue('60');
  expect(consoleErrors).toEqual([]);
});
