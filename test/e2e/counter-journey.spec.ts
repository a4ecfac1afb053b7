import { execFileSync } from 'node:child_process';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { kioskLooksUp, kioskPrintsBirthRegistration } from './kiosk-print';
import { counterScansHandoff } from './log-in';

const SCREENS = 'test-results/screens';

test('kiosk print-out → counter scan, originals, submit, receipt → status at the kiosk', async ({ page, browser, served, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  // The kiosk prepares the mother's birth registration and prints it.
  await page.goto(served.url);
  const handoff = await kioskPrintsBirthRegistration(page, testInfo);
  expect(handoff).toMatch(/^MOTCUA1:/);

  // The officer signs in at the counter and scans the print-out (a keyboard-mode scanner types into the scan field).
  const counter = await counterScansHandoff(browser, served, consoleErrors, handoff);
  await expect(counter.getByRole('heading', { level: 2, name: /TỜ KHAI ĐĂNG KÝ KHAI SINH/ })).toBeVisible();
  await expect(counter.getByText('Người nộp: Nguyễn Văn An · 079199012345')).toBeVisible();

  // Submitting before the required original is seen is refused; ticked, with a note, it goes.
  await counter.getByRole('button', { name: 'Tiếp nhận và gửi hồ sơ' }).click();
  await expect(counter.getByText('Còn giấy tờ bắt buộc chưa được kiểm tra bản chính.')).toBeVisible();
  await counter.getByRole('checkbox', { name: /Giấy chứng sinh/ }).check();
  await counter.getByRole('textbox', { name: /^Ghi chú: Giấy chứng sinh/ }).fill('Số 123/BV');
  await counter.getByRole('button', { name: 'Tiếp nhận và gửi hồ sơ' }).click();
  const sent = counter.getByText(/^Đã gửi\. Mã hồ sơ: MC-\d{6}-\d{7}$/);
  await expect(sent).toBeVisible({ timeout: 15_000 });
  const receiptCode = (await sent.textContent())!.replace('Đã gửi. Mã hồ sơ: ', '');
  await counter.screenshot({ path: `${SCREENS}/counter-submitted-vi.png`, fullPage: true });
  expect(await seriousViolations(counter)).toEqual([]);

  const [download] = await Promise.all([counter.waitForEvent('download'), counter.getByRole('button', { name: 'In giấy biên nhận' }).click()]);
  const receiptPdf = testInfo.outputPath('receipt.pdf');
  await download.saveAs(receiptPdf);
  const receiptText = execFileSync('pdftotext', [receiptPdf, '-'], { encoding: 'utf8' });
  expect(receiptText).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(receiptText).toContain(receiptCode);

  // The case is found without accents, its timeline opens from the keyboard; the due list is one tab away.
  await counter.keyboard.press('Alt+2');
  await counter.getByLabel('Mã hồ sơ, số định danh hoặc họ tên').fill('nguyen van an');
  await counter.getByLabel('Mã hồ sơ, số định danh hoặc họ tên').press('Enter');
  await counter.getByRole('button', { name: receiptCode }).focus();
  await counter.keyboard.press('Enter');
  await expect(counter.getByRole('heading', { level: 3, name: `${receiptCode} · Đã tiếp nhận` })).toBeVisible();
  await expect(counter.getByRole('listitem').filter({ hasText: 'Tiếp nhận hồ sơ' })).toBeVisible();
  await counter.screenshot({ path: `${SCREENS}/counter-case-timeline-vi.png`, fullPage: true });
  await counter.keyboard.press('Alt+3');
  await expect(counter.getByRole('heading', { level: 2, name: 'Hồ sơ đến hạn' })).toBeVisible();
  await expect(counter.getByText('Không có hồ sơ cần nhắc.').or(counter.locator('.counter-due li').first())).toBeVisible();
  // Counted and filtered: today first, then what is late, then what is coming, every line reachable.
  const filters = counter.getByRole('group', { name: 'Lọc hồ sơ đến hạn' });
  const total = Number((await filters.getByRole('button', { name: /^Tất cả/ }).innerText()).match(/\d+/)![0]);
  const parts = await Promise.all(['Hôm nay', 'Quá hạn', 'Sắp tới'].map(async (g) => Number((await filters.getByRole('button', { name: new RegExp(`^${g}`) }).innerText()).match(/\d+/)![0])));
  expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  await filters.getByRole('button', { name: /^Quá hạn/ }).click();
  await expect(counter.locator('.counter-due li:not(.due-line-overdue)')).toHaveCount(0);
  await counter.screenshot({ path: `${SCREENS}/counter-due-list-vi.png`, fullPage: true });
  await counter.context().close();

  // At the kiosk, the citizen types the receipt code and sees the status, no name or number.
  await kioskLooksUp(page, receiptCode, 'Đã tiếp nhận');
  await expect(page.getByText('Hồ sơ đã được tiếp nhận và đang chờ chuyển xử lý.')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/kiosk-case-status-vi.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // Scanning the receipt's QR on the home screen (a keyboard-mode scanner types it fast) opens the same status.
  await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  await page.keyboard.type(receiptCode, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: `${receiptCode} · Đã tiếp nhận` })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
