import type { Browser, Page } from '@playwright/test';
import type { KioskOptions } from '../../electron/contract';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { logIn } from './log-in';
import { technicianReplays } from './replay';
import { confirmOnDemoPhone } from './phone-confirm';

const SCREENS = 'test-results/screens';
const WELCOME = 'Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?';

type Variant = 'normal' | 'contrast-larger';

/** Sets the kiosk options as a technician in another browser session (the fixture's host is shared: tests put the defaults back). */
async function setOptions(browser: Browser, url: string, change: Partial<KioskOptions>): Promise<KioskOptions> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const saved = await page.evaluate(async (change) => {
    const call = async (channel: string, input: unknown) => (await fetch(`/api/${channel}`, { method: 'POST', body: JSON.stringify(input) })).json();
    await call('session.unlockTechnician', { pin: '246810' });
    const current = await call('kiosk.options', {});
    return call('kiosk.setOptions', { ...current.value, ...change });
  }, change);
  await context.close();
  expect(saved.ok).toBe(true);
  return saved.value as KioskOptions;
}

const DEFAULTS: Partial<KioskOptions> = {
  role: 'kiosk',
  idleSeconds: 60,
  defaultLanguage: 'vi',
  openingHours: { vi: 'Thứ Hai đến Thứ Sáu: sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ', en: 'Monday to Friday: 7:30–11:30 and 13:30–17:00' },
  saturdayMorning: false,
};

/** Axe on the whole page (no serious or critical violation) and a screenshot to look at. */
async function check(page: Page, screen: string, variant: string) {
  expect(await seriousViolations(page), `${screen} (${variant})`).toEqual([]);
  // What the citizen sees: the viewport, with the fixed Back / Ask an officer bar at its bottom.
  await page.screenshot({ path: `${SCREENS}/kiosk-${screen}-${variant}.png` });
}

async function applyVariant(page: Page, variant: Variant) {
  if (variant === 'normal') return;
  await page.getByRole('button', { name: /^Tương phản cao/ }).click();
  await page.getByRole('button', { name: 'Chữ rất lớn / Very large text' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'larger');
}

for (const variant of ['normal', 'contrast-larger'] as const) {
  test(`every kiosk screen passes axe and has Back and Ask an officer (${variant})`, async ({ page, browser, served, consoleErrors }) => {
    test.setTimeout(150_000);
    await page.clock.install();
    await page.goto(served.url);
    const h1 = page.getByRole('heading', { level: 1 });
    const back = page.getByRole('button', { name: /^Quay lại Back/ });
    const askOfficer = page.getByRole('button', { name: 'Hỏi cán bộ Ask an officer' });
    await expect(h1).toHaveText(WELCOME);
    await applyVariant(page, variant);
    await check(page, 'attract', variant);
    if (variant === 'normal') {
      await page.getByRole('button', { name: 'Chữ lớn / Large text' }).click();
      await expect(page.getByRole('button', { name: 'Chữ lớn / Large text' })).toHaveAttribute('aria-pressed', 'true');
      await check(page, 'attract', 'large');
      await page.getByRole('button', { name: 'Chữ vừa / Normal text' }).click();
    }

    // Before anyone is identified: the general comparison and the case status.
    await page.getByRole('button', { name: /^Xem các cách làm thủ tục/ }).click();
    await expect(h1).toHaveText('Các cách làm thủ tục');
    await expect(back).toBeVisible();
    await check(page, 'outcomes', variant);
    await page.getByRole('button', { name: 'Phiếu lý lịch tư pháp' }).click();
    await expect(page.getByText('So sánh chung, chưa tính đến thông tin riêng của Ông/Bà.')).toBeVisible();
    await expect(askOfficer).toBeVisible();
    await check(page, 'comparison-general', variant);
    await back.click();
    await back.click();
    await expect(h1).toHaveText(WELCOME);
    await page.getByRole('button', { name: /^Tra cứu hồ sơ/ }).click();
    await expect(h1).toHaveText('Tra cứu hồ sơ');
    await check(page, 'lookup', variant);
    await back.click();

    // Typing the number; "ask an officer" covers the screen and Back returns to it as it was.
    await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
    await expect(h1).toHaveText('Nhập thông tin của Ông/Bà');
    await page.getByRole('group', { name: /Bàn phím số/ }).getByRole('button', { name: '0', exact: true }).click();
    await check(page, 'identify', variant);
    await askOfficer.click();
    await expect(h1).toHaveText('Cần người giúp? Need help?');
    // No officer can be reached from here yet: the kiosk says so, and where the help desk is, rather than promise one will come.
    await expect(page.getByText('Kiosk này chưa gọi được cán bộ: chưa có cán bộ nào nhận được lời nhờ của Ông/Bà.')).toBeVisible();
    await expect(page.getByText('Mời Ông/Bà đến quầy Hướng dẫn gần lối vào, hoặc giơ tay để cán bộ gần nhất nhìn thấy.')).toBeVisible();
    await check(page, 'ask-officer', variant);
    await back.click();
    await expect(h1).toHaveText('Nhập thông tin của Ông/Bà');
    await expect(page.getByLabel('Số định danh cá nhân')).toHaveValue('0');
    // Back from the first step ends the session: the display choices too.
    await back.click();
    await expect(h1).toHaveText(WELCOME);
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'normal');
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'normal');
    await applyVariant(page, variant);

    // A scan on the attract screen starts at once.
    await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
    await expect(h1).toContainText('Cho phép dùng thông tin của Ông/Bà');
    await expect(back).toBeVisible();
    await check(page, 'consent', variant);
    await confirmOnDemoPhone(page);
    await page.getByRole('button', { name: /^Đồng ý/ }).click();
    await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
    const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
    await expect(birth).toBeVisible();
    await check(page, 'reminders', variant);
    await birth.getByRole('button', { name: 'So sánh các cách thực hiện' }).click();
    await expect(h1).toContainText('So sánh các cách thực hiện');
    await expect(page.getByRole('button', { name: /Cân bằng/ })).toHaveAttribute('aria-pressed', 'true');
    await check(page, 'comparison', variant);
    await back.click();
    await birth.getByRole('button', { name: 'Chuẩn bị hồ sơ' }).click();
    await expect(h1).toContainText('Bước 1/7');
    await check(page, 'dossier-step', variant);

    // The countdown, over the step.
    await page.clock.fastForward(61_000);
    const stillThere = page.getByRole('alertdialog', { name: 'Ông/Bà còn ở đây không? Are you still there?' });
    await expect(stillThere).toBeVisible();
    await check(page, 'countdown', variant);
    await stillThere.getByRole('button', { name: /^Tiếp tục/ }).click();
    await expect(h1).toContainText('Bước 1/7');
    await page.getByRole('button', { name: 'Kết thúc và xóa thông tin' }).click();
    await expect(h1).toHaveText(WELCOME);
    await expect(page.locator('html')).toHaveAttribute('data-contrast', 'normal');
    expect(consoleErrors).toEqual([]);
  });
}

test('every control of the attract screen and of a step is reached with the keyboard alone', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim() ?? ''));
  }
  const controls = await page.getByRole('main').getByRole('button').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
  expect(controls.length).toBeGreaterThan(6);
  for (const c of controls) expect([...reached], c).toContain(c);

  // Enter on the focused "type your number" opens the keypad; its Back and Ask an officer are reached too.
  await page.getByRole('button', { name: /^Nhập số định danh/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập thông tin của Ông/Bà');
  const names: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
  }
  expect(names.some((n) => n.includes('Quay lại'))).toBe(true);
  expect(names.some((n) => n.includes('Hỏi cán bộ'))).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('a technician sets the kiosk options: the attract screen, its language, the idle time and the screen the machine opens on follow', async ({ page, browser, served, consoleErrors }) => {
  test.setTimeout(90_000);
  // A kiosk (another browser) already showing its welcome screen before the change.
  const context = await browser.newContext();
  const kiosk = await context.newPage();
  await kiosk.clock.install();
  await kiosk.goto(served.url);
  const attract = kiosk.getByRole('main');
  await expect(attract).toContainText('Trung tâm Phục vụ hành chính công (bản trình diễn)');
  try {
    // The console panel, with the host's refusal of an idle time out of range.
    await page.goto(served.url);
    await page.goto(`${served.origin}/technician`);
    await logIn(page, { username: 'kythuat', password: 'motcua-demo' });
    const panel = page.getByRole('region', { name: 'Tùy chọn kiosk' });
    await expect(panel.getByLabel('Thời gian chờ khi không thao tác (giây)')).toHaveValue('60');
    await panel.getByLabel('Thời gian chờ khi không thao tác (giây)').fill('20');
    await panel.getByRole('button', { name: 'Lưu tùy chọn' }).click();
    await expect(panel.getByRole('alert')).toHaveText('Dữ liệu nhập không hợp lệ.');
    await expect(panel.getByLabel('Thời gian chờ khi không thao tác (giây)')).toHaveAttribute('aria-invalid', 'true');
    await panel.getByLabel('Thời gian chờ khi không thao tác (giây)').fill('30');
    await panel.getByLabel('Tên trung tâm (tiếng Việt)').fill('Trung tâm Phục vụ hành chính công phường Sài Gòn');
    await panel.getByLabel('Tên trung tâm (tiếng Anh)').fill('Saigon Ward Public Service Centre');
    await panel.getByLabel('Giờ làm việc (tiếng Việt)').fill('Thứ Hai – Thứ Sáu: 7 giờ 30 – 17 giờ');
    await panel.getByLabel('Giờ làm việc (tiếng Anh)').fill('Monday – Friday: 7:30–17:00');
    await panel.getByLabel('Làm việc sáng thứ Bảy (nhận và trả hồ sơ; không tính vào thời hạn giải quyết)').check();
    await panel.getByLabel('Ngôn ngữ mặc định').selectOption('en');
    await panel.getByRole('button', { name: 'Lưu tùy chọn' }).click();
    await expect(panel.getByRole('status')).toHaveText('Đã lưu. Kiosk dùng tùy chọn mới từ lượt phục vụ sau.');
    expect(await seriousViolations(page, '.kiosk-options')).toEqual([]);
    await panel.screenshot({ path: `${SCREENS}/technician-kiosk-options.png` });

    // From the next citizen on (a session begun and ended), the kiosk shows them; the welcome stays Vietnamese first, the rest opens in English.
    await kiosk.getByRole('button', { name: /^Nhập số định danh/ }).click();
    await kiosk.getByRole('button', { name: /^Quay lại Back/ }).click();
    await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText(WELCOME);
    await expect(kiosk.locator('html')).toHaveAttribute('lang', 'en');
    await expect(attract.getByText('Trung tâm Phục vụ hành chính công phường Sài Gòn')).toBeVisible();
    await expect(attract.getByText('Saigon Ward Public Service Centre')).toBeVisible();
    await expect(attract.getByText('Monday – Friday: 7:30–17:00')).toBeVisible();
    await expect(attract.getByText('Sáng thứ Bảy: 7 giờ 30 – 11 giờ 30')).toBeVisible();
    // The header names the centre as typed too, in the screen's language.
    await expect(kiosk.getByRole('banner')).toContainText('Saigon Ward Public Service Centre');
    // 30 s idle: the question comes after 30 s, not 60.
    await kiosk.getByRole('button', { name: /^Nhập số định danh/ }).click();
    await kiosk.clock.fastForward(29_000);
    const stillThere = kiosk.getByRole('alertdialog');
    await expect(stillThere).toHaveCount(0);
    await kiosk.clock.fastForward(2_000);
    await expect(stillThere).toBeVisible();

    // A counter machine opens on the counter's log-in.
    await setOptions(browser, served.url, { role: 'counter' });
    const counter = await browser.newPage();
    await counter.goto(served.url);
    await expect(counter).toHaveURL(`${served.origin}/counter`);
    await counter.close();
  } finally {
    await context.close();
    await setOptions(browser, served.url, DEFAULTS);
  }
  expect(consoleErrors).toEqual([]);
});
