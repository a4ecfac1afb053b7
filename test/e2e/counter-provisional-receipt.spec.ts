import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { kioskLooksUp, kioskPrintsBirthRegistration } from './kiosk-print';
import { counterScansHandoff } from './log-in';

test('centre unreachable: the counter prints a provisional receipt, the kiosk finds its reference, the official receipt follows', async ({ page, browser, served, consoleErrors }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(served.url);
  const handoff = await kioskPrintsBirthRegistration(page, testInfo);

  // The centre answers 503 to everything: the submission stays queued.
  served.central.setFaults({ failNext: { count: 10_000, status: 503, retryAfterSeconds: 1 } });
  const counter = await counterScansHandoff(browser, served, consoleErrors, handoff);
  await counter.getByRole('checkbox', { name: /Giấy chứng sinh/ }).check();
  await counter.getByRole('button', { name: 'Tiếp nhận và gửi hồ sơ' }).click();
  const referenceLine = counter.getByText(/^Số tham chiếu tạm \(cho đến khi có mã biên nhận\): TN-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
  await expect(referenceLine).toBeVisible({ timeout: 15_000 });
  const reference = (await referenceLine.textContent())!.replace(/^.*: /, '');

  const [provisional] = await Promise.all([counter.waitForEvent('download'), counter.getByRole('button', { name: 'In giấy tiếp nhận tạm thời' }).click()]);
  const provisionalPdf = testInfo.outputPath('provisional.pdf');
  await provisional.saveAs(provisionalPdf);
  const provisionalText = execFileSync('pdftotext', [provisionalPdf, '-'], { encoding: 'utf8' });
  expect(provisionalText).toContain('GIẤY TIẾP NHẬN HỒ SƠ (TẠM THỜI)');
  expect(provisionalText).toContain(reference);
  await expect(counter.getByText(/^Đã tạo giấy tiếp nhận tạm thời/)).toBeVisible();

  // At the kiosk the reference says: received, waiting to be sent — no name, no number.
  await page.goto(served.url);
  await kioskLooksUp(page, reference, 'Đã tiếp nhận');
  await expect(page.getByText('Đã tiếp nhận, đang chờ gửi lên hệ thống.')).toBeVisible();

  // The centre is back: the sync loop sends it, the counter shows the code and prints the official receipt.
  served.central.setFaults({});
  const sent = counter.getByText(/^Đã gửi\. Mã hồ sơ: MC-\d{6}-\d{7}$/);
  await expect(sent).toBeVisible({ timeout: 120_000 });
  const receiptCode = (await sent.textContent())!.replace('Đã gửi. Mã hồ sơ: ', '');
  const [official] = await Promise.all([counter.waitForEvent('download'), counter.getByRole('button', { name: 'In giấy biên nhận' }).click()]);
  const officialPdf = testInfo.outputPath('official.pdf');
  await official.saveAs(officialPdf);
  const officialText = execFileSync('pdftotext', [officialPdf, '-'], { encoding: 'utf8' });
  expect(officialText).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  expect(officialText).toContain(receiptCode);
  await counter.context().close();
  expect(consoleErrors).toEqual([]);
});
