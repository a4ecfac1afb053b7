import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { Comparison, PreferenceName } from '../../electron/contract';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { technicianReplays } from './replay';
import { confirmOnDemoPhone } from './phone-confirm';

const SCREENS = 'test-results/screens';



/** What the host answers this page's session: the expectations come from the engine, not from copied figures. */
const compareVia = (page: Page, outcomeId: string, preference: PreferenceName) =>
  page.evaluate(async (input) => {
    const r = await (await fetch('/api/recommend.compare', { method: 'POST', body: JSON.stringify(input) })).json();
    if (!r.ok) throw new Error(`recommend.compare: ${r.error.code}`);
    return r.value as Comparison;
  }, { outcomeId, preference });

const titleOf = (c: Comparison, id: string | null) => c.options.find((o) => o.id === id)!.title.vi;
const normalise = (text: string) => text.replace(/\s+/g, ' ');

/** The cards as the citizen reads them, in order. */
const cards = (page: Page) => page.locator('.option-cards > li');
const recommendedCard = (page: Page) => cards(page).filter({ hasText: 'Đề xuất cho Ông/Bà' });

test('from the newborn reminder to the comparison: every option, one recommended and why, the preference re-ranks, the sheet prints', async ({ page, browser, served, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
  await confirmOnDemoPhone(page);
  await page.getByRole('button', { name: /^Đồng ý/ }).click();
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');

  // The birth registration reminder leads to the newborn outcome's ways.
  const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
  await expect(birth.getByRole('button', { name: 'So sánh các cách thực hiện' })).toHaveAccessibleDescription('Đăng ký khai sinh cho con');
  await page.screenshot({ path: `${SCREENS}/kiosk-reminders-compare.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await birth.getByRole('button', { name: 'So sánh các cách thực hiện' }).click();
  const newborn = await compareVia(page, 'newborn', 'balanced');
  await expect(h1).toContainText('So sánh các cách thực hiện');
  await expect(h1).toContainText(newborn.outcome.title.vi);
  await expect(h1).toBeFocused();
  expect(newborn.personalised).toBe(true);
  expect(newborn.options.length).toBeGreaterThanOrEqual(3);

  // Every option shown, none hidden; exactly one recommended, first, with its badge and the engine's explanation.
  await expect(cards(page)).toHaveCount(newborn.options.length);
  for (const o of newborn.options) await expect(page.getByRole('heading', { level: 2, name: o.title.vi, exact: true })).toBeVisible();
  await expect(recommendedCard(page)).toHaveCount(1);
  await expect(recommendedCard(page).getByRole('heading', { level: 2 })).toHaveText(titleOf(newborn, newborn.recommended));
  await expect(cards(page).first()).toContainText('Đề xuất cho Ông/Bà');
  await expect(recommendedCard(page)).toContainText('Recommended for you');
  await expect(page.getByText(newborn.explanation.vi)).toBeVisible();
  await expect(page.getByText(newborn.explanation.en)).toBeVisible();
  await expect(page.getByRole('button', { name: /Cân bằng/ })).toHaveAttribute('aria-pressed', 'true');
  // The figures a citizen decides on, in their own words.
  const rec = newborn.options.find((o) => o.id === newborn.recommended)!;
  await expect(recommendedCard(page)).toContainText(`${rec.workingDays} ngày làm việc`);
  await expect(recommendedCard(page)).toContainText(rec.visits === 0 ? 'Không phải đến' : `${rec.visits} lần`);
  await expect(recommendedCard(page)).toContainText(rec.totalCostVnd === 0 ? 'Miễn phí' : `${rec.totalCostVnd.toLocaleString('de-DE')} đồng`);
  for (const o of newborn.options.filter((o) => o.dominated && o.eligible)) {
    await expect(cards(page).filter({ has: page.getByRole('heading', { name: o.title.vi, exact: true }) })).toContainText('Có cách khác tốt hơn hoặc bằng về mọi mặt');
  }
  if (newborn.options.some((o) => o.example)) await expect(page.getByText('Chi phí và thời gian có ghi «cần xác nhận tại quầy»')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/kiosk-comparison-newborn.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // The citizen puts the price first: the ranking follows what the engine answers.
  await page.getByRole('button', { name: /Rẻ nhất/ }).click();
  await expect(page.getByRole('button', { name: /Rẻ nhất/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /Cân bằng/ })).toHaveAttribute('aria-pressed', 'false');
  const cheapest = await compareVia(page, 'newborn', 'cheapest');
  await expect(page.getByText('Đã xếp lại theo: Rẻ nhất.')).toBeAttached();
  await expect(recommendedCard(page).getByRole('heading', { level: 2 })).toHaveText(titleOf(cheapest, cheapest.recommended));
  await expect(page.getByText(cheapest.explanation.vi)).toBeVisible();

  // The comparison sheet: A4, the national heading, the outcome and the recommendation.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'In bảng so sánh' }).click()]);
  const pdfPath = testInfo.outputPath('comparison.pdf');
  await download.saveAs(pdfPath);
  expect(download.suggestedFilename()).toMatch(/^so-sanh-newborn-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(page.getByText(/^Đã tạo bảng so sánh \(\d+ trang\)\.$/)).toBeVisible();
  const text = normalise(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
  expect(text).toContain('SO SÁNH CÁC CÁCH THỰC HIỆN');
  expect(text).toContain(newborn.outcome.title.vi);
  expect(text).toContain('ĐỀ XUẤT');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-singlefile', pdfPath, `${SCREENS}/comparison-pdf`]);

  // Back to the reminders, then the passport: there the preference changes the recommendation.
  await page.getByRole('button', { name: 'Về danh sách nhắc việc' }).click();
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
  const passport = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Làm hộ chiếu mới trước khi hộ chiếu hết hạn' }) });
  await passport.getByRole('button', { name: 'So sánh các cách thực hiện' }).click();
  await expect(h1).toContainText('Hộ chiếu phổ thông');
  await page.getByRole('button', { name: /Rẻ nhất/ }).click();
  const byPrice = await compareVia(page, 'passport', 'cheapest');
  await expect(recommendedCard(page).getByRole('heading', { level: 2 })).toHaveText(titleOf(byPrice, byPrice.recommended));
  await expect(cards(page).first().getByRole('heading', { level: 2 })).toHaveText(titleOf(byPrice, byPrice.recommended));
  await page.screenshot({ path: `${SCREENS}/kiosk-comparison-passport-cheapest.png`, fullPage: true });
  await page.getByRole('button', { name: /Ít lần đi lại nhất/ }).click();
  const byVisits = await compareVia(page, 'passport', 'fewest-visits');
  // The engine answers differently for the two preferences, and so does the screen.
  expect(byVisits.recommended).not.toBe(byPrice.recommended);
  await expect(recommendedCard(page).getByRole('heading', { level: 2 })).toHaveText(titleOf(byVisits, byVisits.recommended));
  await expect(cards(page).first().getByRole('heading', { level: 2 })).toHaveText(titleOf(byVisits, byVisits.recommended));
  await expect(cards(page)).toHaveCount(byVisits.options.length);
  await page.screenshot({ path: `${SCREENS}/kiosk-comparison-passport-visits.png`, fullPage: true });
  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1).toContainText('Compare the options');
  await expect(recommendedCard(page)).toContainText('Recommended for you');
  await page.screenshot({ path: `${SCREENS}/kiosk-comparison-passport-en.png`, fullPage: true });
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // Finish from the comparison itself: nothing of the citizen stays on screen.
  await page.getByRole('button', { name: 'Kết thúc và xóa thông tin' }).click();
  await expect(h1).toHaveText('Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?');
  await expect(page.locator('body')).not.toContainText('Nguyễn Văn An');
  expect(consoleErrors).toEqual([]);
});

test('an option the citizen cannot use is shown with the reason, never hidden', async ({ page, browser, served, consoleErrors }) => {
  await page.goto(served.url);
  await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
  await confirmOnDemoPhone(page);
  await page.getByRole('button', { name: /^Đồng ý/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Việc cần làm của Ông/Bà');
  // The citizen is 27: the mobile unit, for those aged 60 or more, is not open to them.
  const idCard = await compareVia(page, 'id-card', 'balanced');
  const closed = idCard.options.filter((o) => !o.eligible);
  expect(closed.length).toBeGreaterThan(0);
  const reminder = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Cấp đổi thẻ căn cước' }) });
  await reminder.getByRole('button', { name: 'So sánh các cách thực hiện' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(idCard.outcome.title.vi);
  await expect(cards(page)).toHaveCount(idCard.options.length);
  for (const o of closed) {
    await expect(cards(page).filter({ has: page.getByRole('heading', { name: o.title.vi, exact: true }) })).toContainText(
      `Không áp dụng cho Ông/Bà: ${o.ineligibleReason!.vi}`,
    );
  }
  // Never recommended, never ranked.
  await expect(recommendedCard(page).getByRole('heading', { level: 2 })).toHaveText(titleOf(idCard, idCard.recommended));
  expect(closed.map((o) => o.rank)).toEqual(closed.map(() => null));
  await page.screenshot({ path: `${SCREENS}/kiosk-comparison-id-card.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('before identification, the ways to a procedure can be compared from the start screen', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.screenshot({ path: `${SCREENS}/kiosk-home-ways.png`, fullPage: true });
  await page.getByRole('button', { name: 'Xem các cách làm thủ tục' }).click();
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Các cách làm thủ tục');
  await expect(h1).toBeFocused();
  await page.screenshot({ path: `${SCREENS}/kiosk-outcomes.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Phiếu lý lịch tư pháp' }).click();
  await expect(h1).toContainText('Phiếu lý lịch tư pháp');
  const general = await compareVia(page, 'criminal-record', 'balanced');
  expect(general.personalised).toBe(false);
  await expect(page.getByText('So sánh chung, chưa tính đến thông tin riêng của Ông/Bà.')).toBeVisible();
  await expect(cards(page)).toHaveCount(general.options.length);
  await expect(recommendedCard(page).getByRole('heading', { level: 2 })).toHaveText(titleOf(general, general.recommended));
  await page.screenshot({ path: `${SCREENS}/kiosk-comparison-general.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Về danh sách thủ tục' }).click();
  await page.getByRole('button', { name: 'Về màn hình đầu' }).click();
  await expect(h1).toHaveText('Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?');
  expect(consoleErrors).toEqual([]);
});

test('the counter compares the ways for the citizen it serves, from the keyboard, in one table', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/counter`);
  // Where the counter asks an officer to sign in first, the demo officer does (README).
  const signIn = page.getByLabel('Tên đăng nhập');
  const personalNumber = page.getByLabel('Số định danh cá nhân');
  await signIn.or(personalNumber).first().waitFor();
  if (await signIn.isVisible()) {
    await signIn.fill('canbo');
    await page.getByLabel('Mật khẩu').fill('motcua-demo');
    await page.getByLabel('Mật khẩu').press('Enter');
  }
  await personalNumber.fill('079199012345');
  await page.getByLabel('Ngày sinh').fill('01051999');
  await page.getByLabel('Ngày sinh').press('Enter');
  await expect(page.getByText('079199012345 · sinh 01/05/1999')).toBeVisible();
  await page.getByRole('button', { name: 'Công dân đồng ý cho đọc dữ liệu dân cư' }).click();
  await expect(page.getByRole('button', { name: 'Công dân đồng ý cho đọc dữ liệu dân cư' })).toHaveCount(0);
  // The comparison is one of the citizen's context tabs, beside the work (Alt+6).
  await page.keyboard.press('Alt+6');

  const panel = page.getByRole('region', { name: 'So sánh các cách thực hiện' });
  await panel.getByLabel('Kết quả cần có').selectOption('passport');
  await panel.getByLabel('Điều công dân coi trọng nhất').selectOption('cheapest');
  await panel.getByLabel('Điều công dân coi trọng nhất').press('Tab');
  await expect(panel.getByRole('button', { name: 'So sánh', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const byPrice = await compareVia(page, 'passport', 'cheapest');
  const rows = panel.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(byPrice.options.length + 1);
  await expect(rows.nth(1).getByRole('rowheader')).toContainText(titleOf(byPrice, byPrice.recommended));
  await expect(rows.nth(1)).toContainText('★ Đề xuất');
  await expect(panel.getByText(byPrice.explanation.vi)).toBeVisible();

  await panel.getByLabel('Điều công dân coi trọng nhất').selectOption('fewest-visits');
  await panel.getByRole('button', { name: 'So sánh', exact: true }).press('Enter');
  const byVisits = await compareVia(page, 'passport', 'fewest-visits');
  await expect(rows.nth(1).getByRole('rowheader')).toContainText(titleOf(byVisits, byVisits.recommended));
  await panel.screenshot({ path: `${SCREENS}/counter-comparison.png` });
  expect(await seriousViolations(page, '.counter-compare')).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'In bảng so sánh' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^so-sanh-passport-/);
  await expect(panel.getByText(/^Đã tạo bảng so sánh/)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
