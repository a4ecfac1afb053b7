import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import vi from '../../renderer/i18n/vi.json';
import { expect, test } from './fixtures';
import { confirmOnDemoPhone } from './phone-confirm';
import { technicianReplays } from './replay';

// A native speaker's read of every kiosk screen and printout, made mechanical: the citizen is
// "Ông/Bà"; no catalogue key left untranslated; no rule id, pack name or version; no "example".

const SCREENS = 'test-results/screens';

type Catalogue = { [key: string]: string | Catalogue };
const keysOf = (c: Catalogue, prefix = ''): string[] => Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keysOf(v, `${prefix}${k}.`)));
const CATALOGUE_KEYS = keysOf(vi);

const packs = ['resources/rules', 'resources/demo/rules'].flatMap((dir) =>
  readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; version: string; rules: { id: string }[] }),
);
const RULE_WORDS = [...new Set(packs.flatMap((p) => [p.id, ...p.rules.map((r) => r.id)]))];
const PACK_VERSIONS = [...new Set(packs.map((p) => p.version))];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole token: "birth-registration" alone, not inside "so-sanh-birth-registration-x". */
const token = (s: string) => new RegExp(`(?<![\\p{L}\\p{N}_.-])${escape(s)}(?![\\p{L}\\p{N}_-])`, 'u');

/** What a native speaker would object to in `text`, one line each. */
function objections(text: string): string[] {
  const found: string[] = [];
  const say = (what: string, re: RegExp) => {
    const m = re.exec(text);
    if (m) found.push(`${what}: …${text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ')}…`);
  };
  say('"bạn"', /(^|[^\p{L}])bạn(?![\p{L}])/iu);
  say('an example mark', /ví dụ|\bexamples?\b/iu);
  say('a placeholder left', /\{\{|\}\}/);
  for (const key of CATALOGUE_KEYS) say(`the raw key ${key}`, token(key));
  for (const id of RULE_WORDS) say(`the rule or pack id ${id}`, token(id));
  for (const version of PACK_VERSIONS) say(`the pack version ${version}`, token(version));
  return found;
}

/** The screen as the citizen reads it, checked, and kept as a picture to look at. */
async function readScreen(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(objections(text), name).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/words-${name}.png`, fullPage: true });
}

/** The printout's text, as pdftotext extracts it, checked; its first page kept as a picture. */
async function readPrintout(download: Download, name: string, dir: string): Promise<string> {
  const pdf = join(dir, `${name}.pdf`);
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(objections(text), name).toEqual([]);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-singlefile', pdf, `${SCREENS}/words-${name}-pdf`]);
  return text;
}

const print = (page: Page, button: string) => Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]).then(([d]) => d);

test('every kiosk screen and printout speaks to "Ông/Bà", with no raw key, rule id, version or example mark', async ({ page, browser, served, consoleErrors }, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(served.url);
  const h1 = page.getByRole('heading', { level: 1 });
  const back = page.getByRole('button', { name: /^Quay lại Back/ });
  const home = 'Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?';
  await expect(h1).toHaveText(home);
  await readScreen(page, 'home');

  // Before anyone is identified: the catalogue, the general comparison, the case status, the number pad.
  await page.getByRole('button', { name: /^Tra cứu thủ tục/ }).click();
  await page.getByRole('button', { name: /^Đăng ký khai sinh, thường trú và thẻ bảo hiểm y tế cho trẻ/ }).click();
  const birthProcedure = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh', exact: true }) });
  await birthProcedure.getByRole('button', { name: 'Xem chi tiết' }).click();
  await expect(birthProcedure).toContainText('Giấy chứng sinh');
  await readScreen(page, 'catalogue');
  await back.click();
  await expect(h1).toHaveText(home);

  await page.getByRole('button', { name: /^Xem các cách làm thủ tục/ }).click();
  await expect(h1).toHaveText('Các cách làm thủ tục');
  await readScreen(page, 'outcomes');
  await page.getByRole('button', { name: 'Phiếu lý lịch tư pháp' }).click();
  await expect(page.getByText('So sánh chung, chưa tính đến thông tin riêng của Ông/Bà.')).toBeVisible();
  await expect(page.getByText(/^Dự kiến có kết quả vào (thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), ngày \d{1,2} tháng \d{1,2} năm \d{4}$/).first()).toBeVisible();
  await readScreen(page, 'comparison-general');
  await back.click();
  await back.click();
  await expect(h1).toHaveText(home);

  // A case the kiosk synced from the centre, looked up by its receipt code: its dates in words.
  const synced = served.central.store
    .page(0, 500)
    .map((l) => JSON.parse(l.line) as { type: string; data?: { receiptCode?: string; status?: string } })
    .find((c) => c.type === 'case' && c.data?.status === 'processing')?.data?.receiptCode;
  expect(synced).toBeDefined();
  await page.getByRole('button', { name: /^Tra cứu hồ sơ/ }).click();
  await expect(h1).toHaveText('Tra cứu hồ sơ');
  await expect
    .poll(async () => (await page.evaluate(async (receiptCode) => (await (await fetch('/api/cases.status', { method: 'POST', body: JSON.stringify({ receiptCode }) })).json()).ok, synced)) as boolean, { timeout: 30_000 })
    .toBe(true);
  await page.getByLabel('Mã hồ sơ (trên giấy biên nhận)').fill(synced!);
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(page.getByText(/^Hồ sơ được tiếp nhận ngày \d{1,2} tháng \d{1,2} năm \d{4}, hẹn trả kết quả ngày \d{1,2} tháng \d{1,2} năm \d{4}\.$/)).toBeVisible();
  await readScreen(page, 'lookup');
  await back.click();
  await expect(h1).toHaveText(home);

  await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
  await expect(h1).toHaveText('Nhập thông tin của Ông/Bà');
  await readScreen(page, 'identify');
  await back.click();
  await expect(h1).toHaveText(home);

  // The card: consent greets the citizen politely by name.
  await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
  await expect(page.getByText('Kính chào Ông/Bà Nguyễn Văn An!')).toBeVisible();
  await readScreen(page, 'consent');
  await confirmOnDemoPhone(page);
  await page.getByRole('button', { name: /^Đồng ý/ }).click();

  // Reminders with every detail open, then the slip.
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
  await expect(page.getByText(/^Cần làm trước ngày \d{1,2} tháng \d{1,2} năm \d{4}$/).first()).toBeVisible();
  // Each opened card's button becomes "Thu gọn": open the first closed one until none is left.
  const closed = page.getByRole('button', { name: 'Xem chi tiết' });
  while ((await closed.count()) > 0) await closed.first().click();
  await readScreen(page, 'reminders');
  const slip = await readPrintout(await print(page, 'In khổ A4'), 'reminder-slip', testInfo.outputDir);
  expect(slip).toMatch(/BẮT BUỘC · Cần làm trước ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
  expect(slip).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);

  // The comparison of the newborn's ways, and its sheet.
  const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
  await birth.getByRole('button', { name: 'So sánh các cách thực hiện' }).click();
  await expect(h1).toContainText('So sánh các cách thực hiện');
  await expect(page.getByText(/^Tính vào .*, ngày \d{1,2} tháng \d{1,2} năm \d{4}\.$/)).toBeVisible();
  await readScreen(page, 'comparison');
  const sheet = await readPrintout(await print(page, 'In bảng so sánh'), 'comparison-sheet', testInfo.outputDir);
  // The table's cells wrap in the extracted text; the sentences below it do not.
  expect(sheet).toMatch(/có kết quả vào (thứ \p{L}+|Chủ nhật), ngày \d{1,2} tháng \d{1,2} năm \d{4}/u);
  expect(sheet).toMatch(/Tính vào (thứ \p{L}+|Chủ nhật), ngày \d{1,2} tháng \d{1,2} năm \d{4}\./u);
  await page.getByRole('button', { name: 'Về danh sách nhắc việc' }).click();

  // The birth registration dossier, step by step, then its printout.
  await birth.getByRole('button', { name: 'Chuẩn bị hồ sơ' }).click();
  const next = page.getByRole('button', { name: 'Tiếp tục' });
  await expect(h1).toContainText('Bước 1/7');
  await readScreen(page, 'dossier-1');
  await next.click();
  await expect(h1).toContainText('Bước 2/7');
  await page.getByRole('radio', { name: 'Mẹ' }).check();
  await readScreen(page, 'dossier-2');
  await next.click();
  await expect(h1).toContainText('Bước 3/7');
  await page.getByLabel('Họ, chữ đệm, tên', { exact: true }).fill('Trần Minh Anh');
  await page.getByRole('radio', { name: 'Nữ' }).check();
  await page.getByLabel('Nơi sinh').fill('Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh');
  await page.getByLabel('Quê quán').fill('Xã Mỹ Yên, Tỉnh Long An');
  await readScreen(page, 'dossier-3');
  for (const step of [4, 5, 6]) {
    await next.click();
    await expect(h1).toContainText(`Bước ${step}/7`);
    if (step === 6) await page.getByRole('radio', { name: 'Không' }).check();
    await readScreen(page, `dossier-${step}`);
  }
  await next.click();
  await expect(h1).toContainText('Bước 7/7');
  // A place in a province merged in 2025 reads with where it is now.
  await expect(page.getByText('Xã Mỹ Yên, Tỉnh Long An (nay là Tây Ninh)')).toBeVisible();
  await readScreen(page, 'dossier-7');
  const dossier = await readPrintout(await print(page, 'In hồ sơ'), 'dossier', testInfo.outputDir);
  expect(dossier).toContain('Xã Mỹ Yên, Tỉnh Long An (nay là Tây Ninh)');
  expect(dossier).toMatch(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/);

  await page.getByRole('button', { name: 'Về danh sách nhắc việc' }).click();
  await page.getByRole('button', { name: 'Kết thúc và xóa thông tin' }).click();
  await expect(h1).toHaveText(home);
  expect(consoleErrors).toEqual([]);
});
