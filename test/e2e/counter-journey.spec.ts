import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { logIn } from './log-in';

const SCREENS = 'test-results/screens';

/** The kiosk's channels, as its screens call them in this browser session. */
async function kioskCall<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const r = await (await fetch(`/api/${channel}`, { method: 'POST', body: JSON.stringify(input) })).json();
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
      return r.value;
    },
    { channel, input },
  ) as Promise<T>;
}

/** Serious or critical accessibility violations on the page. */

/** The QR on the last page of a printed dossier, read as a counter's scanner would (150 dpi). */
function qrOfLastPage(pdfPath: string, pages: number, dir: string): string {
  const prefix = join(dir, 'dossier-last');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(pages), '-l', String(pages), '-singlefile', pdfPath, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  const text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  if (!text) throw new Error('no QR code on the last page');
  return text;
}

test('kiosk print-out → counter scan, originals, submit, receipt → status at the kiosk', async ({ page, browser, served, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  // The kiosk prepares the mother's birth registration and prints it.
  await page.goto(served.url);
  await kioskCall(page, 'citizen.open', { personalNumber: '079199012345', birthDate: '1999-05-01', fullName: 'Nguyễn Văn An', source: 'card' });
  await kioskCall(page, 'consent.decide', { purpose: 'proactive-services', accept: true });
  const { draft } = await kioskCall<{ draft: { id: string } }>(page, 'dossier.prepare', { formId: 'birth-registration' });
  await kioskCall(page, 'dossier.update', {
    draftId: draft.id,
    values: {
      addressee: 'Ủy ban nhân dân Phường Bến Nghé',
      'applicant.relationship': 'Mẹ',
      'child.fullName': 'Trần Minh Anh',
      'child.birthDate': '2026-11-11',
      'child.sex': 'female',
      'child.ethnicity': 'Kinh',
      'child.nationality': 'Việt Nam',
      'child.placeOfBirth': 'Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh',
      'child.placeOfOrigin': 'Tỉnh Long An',
      'copies.requested': 'no',
    },
  });
  const printed = await kioskCall<{ pdfBase64: string; pages: number }>(page, 'dossier.print', { draftId: draft.id });
  await kioskCall(page, 'citizen.close', {});
  const dossierPdf = testInfo.outputPath('dossier.pdf');
  writeFileSync(dossierPdf, Buffer.from(printed.pdfBase64, 'base64'));
  const handoff = qrOfLastPage(dossierPdf, printed.pages, testInfo.outputDir);
  expect(handoff).toMatch(/^MOTCUA1:/);

  // The officer signs in at the counter and scans the print-out (a keyboard-mode scanner types into the scan field).
  const counterContext = await browser.newContext({ acceptDownloads: true });
  const counter = await counterContext.newPage();
  counter.on('pageerror', (e) => consoleErrors.push(e.message));
  await counter.goto(served.url);
  await counter.goto(`${served.origin}/counter`);
  await logIn(counter);
  const scanField = counter.getByLabel('Quét hoặc dán mã QR (hồ sơ kiosk, giấy biên nhận)');
  await scanField.fill(handoff);
  await scanField.press('Enter');
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
  await counter.screenshot({ path: `${SCREENS}/counter-due-list-vi.png`, fullPage: true });
  await counterContext.close();

  // At the kiosk, the citizen types the receipt code and sees the status, no name or number.
  await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
  await page.getByLabel('Mã hồ sơ (trên giấy biên nhận)').fill(receiptCode);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${receiptCode} · Đã tiếp nhận` })).toBeVisible();
  await expect(page.getByText('Hồ sơ đã được tiếp nhận và đang chờ chuyển xử lý.')).toBeVisible();
  await expect(page.getByText('079199012345')).toHaveCount(0);
  await expect(page.getByText('Nguyễn Văn An')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/kiosk-case-status-vi.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // Scanning the receipt's QR on the home screen (a keyboard-mode scanner types it fast) opens the same status.
  await page.getByRole('button', { name: 'Về màn hình chính' }).click();
  await page.keyboard.type(receiptCode, { delay: 2 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: `${receiptCode} · Đã tiếp nhận` })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
