import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';
import { logIn } from './log-in';

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

function qrOfLastPage(pdfPath: string, pages: number, dir: string): string {
  const prefix = join(dir, 'dossier-last');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(pages), '-l', String(pages), '-singlefile', pdfPath, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  const text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  if (!text) throw new Error('no QR code on the last page');
  return text;
}

test('centre unreachable: the counter prints a provisional receipt, the kiosk finds its reference, the official receipt follows', async ({ page, browser, served, consoleErrors }, testInfo) => {
  test.setTimeout(180_000);
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

  // The centre answers 503 to everything: the submission stays queued.
  served.central.setFaults({ failNext: { count: 10_000, status: 503, retryAfterSeconds: 1 } });
  const counterContext = await browser.newContext({ acceptDownloads: true });
  const counter = await counterContext.newPage();
  counter.on('pageerror', (e) => consoleErrors.push(e.message));
  await counter.goto(served.url);
  await counter.goto(`${served.origin}/counter`);
  await logIn(counter);
  const scanField = counter.getByLabel('Quét hoặc dán mã QR (hồ sơ kiosk, giấy biên nhận)');
  await scanField.fill(handoff);
  await scanField.press('Enter');
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
  await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
  await page.getByLabel('Mã hồ sơ (trên giấy biên nhận)').fill(reference);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `${reference} · Đã tiếp nhận` })).toBeVisible();
  await expect(page.getByText('Đã tiếp nhận, đang chờ gửi lên hệ thống.')).toBeVisible();
  await expect(page.getByText('079199012345')).toHaveCount(0);
  await expect(page.getByText('Nguyễn Văn An')).toHaveCount(0);

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
  await counterContext.close();
  expect(consoleErrors).toEqual([]);
});
