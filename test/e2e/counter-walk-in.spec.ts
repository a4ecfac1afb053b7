import { execFileSync } from 'node:child_process';
import { seriousViolations } from './axe';
import { COUNTER_SCREEN, countingKeyboard, expectFits } from './counter-fit';
import { expect, test } from './fixtures';
import { DEMO_OFFICER } from './log-in';

const SCREENS = 'test-results/screens';

test.use({ viewport: COUNTER_SCREEN });

test('a walk-in from log-in to receipt with the keyboard only, by procedure, without a page scroll at 1366×768', async ({ page, served, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await page.goto(`${served.origin}/counter`);
  const keys = countingKeyboard(page);

  // Log-in: the user name has the focus.
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await keys.type(DEMO_OFFICER.username);
  await keys.press('Tab');
  await keys.type(DEMO_OFFICER.password);
  await keys.press('Enter');

  // The citizen: the number has the focus after signing in; Enter on the birth date opens them.
  const number = page.getByLabel('Số định danh cá nhân');
  await expect(number).toBeFocused();
  await expectFits(page, page.getByRole('button', { name: 'Mở', exact: true }), 'no citizen');
  await page.screenshot({ path: `${SCREENS}/counter-1366-start.png` });
  await keys.type('079199012345');
  await keys.press('Tab');
  await keys.type('01051999');
  await keys.press('Enter');
  await expect(page.getByText('079199012345 · sinh 01/05/1999')).toBeVisible();

  // The officer checked the card, the citizen consents: two keys shown on their buttons; the focus is on the procedure.
  const procedure = page.getByRole('combobox', { name: 'Thủ tục' });
  await expect(procedure).toBeFocused();
  await expect(page.getByRole('button', { name: 'Tôi đã kiểm tra thẻ căn cước gốc của công dân' })).toHaveAttribute('aria-keyshortcuts', 'Alt+K');
  await keys.press('Alt+K');
  await expect(page.locator('[data-assurance="officer-attested"]')).toBeVisible();
  await expect(procedure).toBeFocused();
  await keys.press('Alt+D');
  await expect(page.getByText('Đã có sự đồng ý: dữ liệu trung tâm được dùng để điền sẵn.')).toBeVisible();
  await expect(procedure).toBeFocused();
  // The citizen's reminders sit beside the work.
  await expect(page.getByRole('heading', { level: 2, name: 'Nhắc việc của công dân' })).toBeVisible();
  await expectFits(page, procedure, 'citizen opened');
  await page.screenshot({ path: `${SCREENS}/counter-1366-citizen.png` });

  // The procedure, not the form: "gia han tam tru" finds the extension of temporary residence, filed on CT01.
  await keys.type('gia han tam tru');
  await expect(page.getByRole('option', { name: /Gia hạn tạm trú/ })).toHaveAttribute('aria-selected', 'true');
  await keys.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Tiếp nhận: Gia hạn tạm trú (Mẫu CT01)' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ · Mẫu CT01' })).toBeVisible();
  const submit = page.getByRole('button', { name: 'Tiếp nhận và gửi hồ sơ' });
  await expectFits(page, submit, 'dossier prepared');
  await page.screenshot({ path: `${SCREENS}/counter-1366-dossier.png` });

  // The first open field has the focus; Enter goes on to the next, the last one saves and goes to the originals.
  const answers: Record<string, string> = {
    'Kính gửi': 'Công an phường Bến Nghé',
    'Họ, chữ đệm và tên chủ hộ': 'Nguyễn Văn Bình',
    'Mối quan hệ với chủ hộ': 'Con',
    'Số định danh cá nhân của chủ hộ': '079170000001',
    'Nội dung đề nghị': 'Gia hạn tạm trú 12 tháng',
    'Địa chỉ nơi đăng ký thường trú': '12 Lê Lợi, phường Bến Nghé, Thành phố Hồ Chí Minh',
  };
  for (let guard = 0; guard < 20; guard++) {
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.dataset.field ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '').trim() : null;
    });
    if (label === null) break;
    const answer = Object.entries(answers).find(([name]) => label.startsWith(name))?.[1];
    const current = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
    if (answer && current === '') await keys.type(answer);
    const before = await page.evaluate(() => document.activeElement?.id);
    await keys.press('Enter');
    // Enter moves on (the last field saves first): the next key waits for the focus to arrive.
    await page.waitForFunction((id) => document.activeElement?.id !== id, before);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /chứng minh việc sở hữu chỗ ở hợp pháp/ })).toBeFocused();
  await keys.press('Space');
  await expect(submit).toHaveAttribute('aria-keyshortcuts', 'Alt+G');
  await keys.press('Alt+G');

  const sent = page.getByText(/^Đã gửi\. Mã hồ sơ: MC-\d{6}-\d{7}$/);
  await expect(sent).toBeVisible({ timeout: 15_000 });
  const receiptCode = (await sent.textContent())!.replace('Đã gửi. Mã hồ sơ: ', '');
  const print = page.getByRole('button', { name: 'In giấy biên nhận' });
  await expect(print).toBeFocused();
  await expectFits(page, print, 'submitted');
  await page.screenshot({ path: `${SCREENS}/counter-1366-submitted.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), keys.press('Enter')]);
  const pdf = testInfo.outputPath('receipt.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(text).toContain(receiptCode);
  // Filed as the procedure the officer chose, on the form that procedure uses.
  expect(text).toContain('Gia hạn tạm trú');
  expect(text).not.toContain('Đăng ký thường trú');
  // Printed: the next key is for the next citizen.
  await expect(page.getByRole('button', { name: 'Công dân tiếp theo' })).toBeFocused();
  await expectFits(page, page.getByRole('button', { name: 'Công dân tiếp theo' }), 'receipt printed');
  expect(await seriousViolations(page)).toEqual([]);

  console.log(`Counter walk-in, log-in to receipt, keyboard only: ${keys.keys} keys, of which ${keys.presses} are not the data typed`);
  // Beyond typing the data: the log-in's Tab and Enter, the citizen's, two shortcuts, the procedure, one Enter per field, the tick, submit, print.
  expect(keys.presses).toBeLessThanOrEqual(20);
  testInfo.annotations.push({ type: 'keys', description: String(keys.keys) });

  // The dossier's control sheet, printed from the dossier and the case (Decree 118/2025).
  await page.getByText('Phiếu một cửa (yêu cầu bổ sung, từ chối, xin lỗi, kiểm soát)').click();
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'In phiếu kiểm soát quá trình giải quyết' }).click()]);
  const sheetPdf = testInfo.outputPath('control.pdf');
  await sheet.saveAs(sheetPdf);
  const sheetText = execFileSync('pdftotext', [sheetPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Hồ sơ số ${receiptCode}`, 'thủ tục Gia hạn tạm trú (mã CT.GIA-HAN-TAM-TRU)', 'Bộ phận Một cửa (Cán bộ Trần Thị Mai)']) {
    expect(sheetText).toContain(expected);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Đã in phiếu kiểm soát.' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/counter-1366-one-stop.png` });

  // The keys shown on the screen do what they say: F4 the scan field, F2 the citizen, Alt+3 the due list.
  await page.keyboard.press('F4');
  await expect(page.getByRole('textbox', { name: 'Quét hoặc dán mã QR (hồ sơ kiosk, giấy biên nhận)' })).toBeFocused();
  await page.keyboard.press('F2');
  await expect(number).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Hồ sơ đến hạn' })).toHaveAttribute('aria-keyshortcuts', 'Alt+3');
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('tab', { name: 'Hồ sơ đến hạn' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Hồ sơ đến hạn' })).toBeVisible();
  await expectFits(page, page.getByRole('tab', { name: 'Hồ sơ đến hạn' }), 'due list');
  await page.screenshot({ path: `${SCREENS}/counter-1366-due.png` });
  // Alt+N: the next citizen; the number is empty and has the focus.
  await page.keyboard.press('Alt+N');
  await expect(number).toBeFocused();
  await expect(number).toHaveValue('');
  expect(consoleErrors).toEqual([]);
});
