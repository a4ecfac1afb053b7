import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { expectOnScreen, SIZES, TEXT } from './on-screen';
import { confirmOnDemoPhone } from './phone-confirm';
import { technicianReplays } from './replay';

const SCREENS = 'test-results/screens';
const WELCOME = 'Kính chào Ông/Bà! Chúng tôi có thể giúp gì cho Ông/Bà?';


/** Every visible button of the screen is on it without scrolling. */
async function expectAllButtonsOnScreen(page: Page, screen: string) {
  const buttons = page.getByRole('button');
  for (let i = 0; i < (await buttons.count()); i++) {
    const b = buttons.nth(i);
    if (await b.isVisible()) await expectOnScreen(page, b, `${screen}: button «${(await b.innerText()).replace(/\s+/g, ' ')}»`);
  }
}

for (const size of SIZES) {
  for (const text of TEXT) {
    const variant = `${size.name}-${text.name.replace(/\+/g, 'p')}`;
    test(`every kiosk step's main action is on screen without scrolling (${size.width}×${size.height}, ${text.name})`, async ({ page, browser, served, consoleErrors }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(served.url);
      const h1 = page.getByRole('heading', { level: 1 });
      const shot = async (name: string) => page.screenshot({ path: `${SCREENS}/fit-${name}-${variant}.png` });
      const main = (name: string | RegExp) => page.locator('.kiosk-nav').getByRole('button', { name });
      const setTextSize = async () => {
        if (text.button) await page.getByRole('button', { name: text.button }).click();
      };
      await expect(h1).toHaveText(WELCOME);
      await setTextSize();
      await shot('home');
      await expectAllButtonsOnScreen(page, 'home');

      await page.getByRole('button', { name: /^Nhập số định danh/ }).click();
      await expect(h1).toHaveText('Nhập thông tin của Ông/Bà');
      await shot('identify');
      await expectAllButtonsOnScreen(page, 'identify');
      await page.getByRole('button', { name: /^Quay lại/ }).click();
      await expect(h1).toHaveText(WELCOME);
      await setTextSize();

      await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
      await expect(h1).toContainText('Cho phép dùng thông tin của Ông/Bà');
      await expect(main(/^Đồng ý/)).toBeEnabled();
      await expectOnScreen(page, main(/^Đồng ý/), 'consent: Đồng ý');
      await shot('consent');
      expect(await seriousViolations(page)).toEqual([]);
      // The centre releases the profile once the holder confirms on the registered phone.
      await confirmOnDemoPhone(page);
      await main(/^Đồng ý/).click();

      await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
      const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
      await expect(birth).toBeVisible();
      await expectOnScreen(page, main(/^In phiếu/), 'reminders: In phiếu');
      await shot('reminders');
      expect(await seriousViolations(page)).toEqual([]);

      await birth.getByRole('button', { name: 'So sánh các cách thực hiện' }).click();
      await expect(h1).toContainText('So sánh các cách thực hiện');
      await expectOnScreen(page, main(/^In bảng so sánh/), 'comparison: In');
      await shot('comparison');
      await page.getByRole('button', { name: /^Quay lại/ }).click();

      await birth.getByRole('button', { name: 'Chuẩn bị hồ sơ' }).click();
      for (let step = 1; step < 7; step++) {
        await expect(h1).toContainText(`Bước ${step}/7`);
        await expectOnScreen(page, main('Tiếp tục'), `dossier step ${step}: Tiếp tục`);
        await shot(`dossier-${step}`);
        await fillStep(page);
        await main('Tiếp tục').click();
      }
      await expect(h1).toContainText('Bước 7/7');
      await expectOnScreen(page, main('In hồ sơ'), 'dossier summary: In hồ sơ');
      await shot('dossier-7');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Kết thúc và xóa thông tin' }).click();
      await expect(h1).toHaveText(WELCOME);
      expect(await page.evaluate(() => window.scrollY), 'a new turn starts at the top').toBe(0);
      expect(consoleErrors).toEqual([]);
    });
  }
}

/** What a step still needs, supplied the quickest way (the journey test counts the touches of the citizen's way). */
async function fillStep(page: Page) {
  const fill = async (name: string, value: string) => {
    const field = page.getByRole('textbox', { name, exact: true });
    if ((await field.count()) > 0 && (await field.inputValue()) === '') await field.fill(value);
  };
  await fill('Họ, chữ đệm, tên', 'Trần Minh Anh');
  await fill('Nơi sinh', 'Bệnh viện Từ Dũ');
  await fill('Quê quán', 'Tỉnh Long An');
  for (const choice of ['Mẹ', 'Nữ', 'Không']) {
    const radio = page.getByRole('radio', { name: choice, exact: true });
    if ((await radio.count()) > 0) await radio.check();
  }
}
