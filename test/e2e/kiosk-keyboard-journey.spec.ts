import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { technicianReplays } from './replay';

const SCREENS = 'test-results/screens';
const TONE_NAMES: Record<string, string> = { '\u0300': 'huyền', '\u0301': 'sắc', '\u0309': 'hỏi', '\u0303': 'ngã', '\u0323': 'nặng' };

/** What a citizen does with a finger, counted: touches on the screen, and keys on the on-screen keyboard. */
class Finger {
  touches = 0;
  keys = 0;
  typedFields: string[] = [];
  constructor(private readonly page: Page) {}

  async tap(target: Locator) {
    this.touches++;
    await target.click();
  }

  /** Touches the field, types `text` on the on-screen keyboard only (letters, then a word's tone mark), and touches Xong. */
  async type(field: Locator, name: string, text: string, screenshot?: string) {
    this.typedFields.push(name);
    await this.tap(field);
    const keyboard = this.page.getByRole('group', { name: 'Bàn phím tiếng Việt / Vietnamese keyboard' });
    await expect(keyboard).toBeVisible();
    if (screenshot) {
      await this.page.screenshot({ path: screenshot });
      expect(await seriousViolations(this.page)).toEqual([]);
    }
    const press = async (key: Locator) => {
      this.keys++;
      await key.click();
    };
    const words = text.split(' ');
    for (const [i, word] of words.entries()) {
      if (i > 0) await press(keyboard.getByRole('button', { name: /^Dấu cách/ }));
      const tone = [...word.normalize('NFD')].find((c) => TONE_NAMES[c]);
      const bare = [...word.normalize('NFD')].filter((c) => !TONE_NAMES[c]).join('').normalize('NFC');
      for (const ch of bare) {
        let key = keyboard.getByRole('button', { name: ch, exact: true });
        if ((await key.count()) === 0) {
          await press(keyboard.getByRole('button', { name: /^Chữ hoa/ }));
          key = keyboard.getByRole('button', { name: ch, exact: true });
        }
        await press(key);
      }
      if (tone) await press(keyboard.getByRole('button', { name: `Dấu ${TONE_NAMES[tone]}` }));
    }
    await expect(keyboard.locator('output')).toHaveText(text);
    await this.tap(keyboard.getByRole('button', { name: /^Xong/ }));
    await expect(field).toHaveValue(text);
  }
}

for (const size of [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
] as const) {
  test(`identify → prepared birth dossier → print with the on-screen keyboard only: at most 20 touches and 3 typed fields (${size.name})`, async ({ page, browser, served, consoleErrors }, testInfo) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await page.goto(served.url);
    const finger = new Finger(page);
    const h1 = page.getByRole('heading', { level: 1 });
    const bar = page.locator('.kiosk-nav');
    const next = async (step: number) => {
      await finger.tap(bar.getByRole('button', { name: 'Tiếp tục' }));
      await expect(h1).toContainText(`Bước ${step}/7`);
    };

    // The card under the scanner identifies the citizen: no touch.
    await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
    // The centre releases the profile once the holder confirms on the registered phone: two touches and the six digits it sends.
    await finger.tap(page.getByRole('button', { name: /^Xác nhận qua điện thoại/ }).first());
    const sms = page.getByRole('complementary', { name: /TRÌNH DIỄN — Điện thoại của công dân/ }).locator('.demo-phone-text').last();
    await expect(sms).toContainText(/Mã xác nhận MotCua: \d{6}/);
    const code = /Mã xác nhận MotCua: (\d{6})/.exec(await sms.innerText())![1]!;
    await page.getByLabel('Mã xác nhận').fill(code);
    finger.keys += code.length;
    await finger.tap(page.getByRole('button', { name: 'Xác nhận', exact: true }));
    await expect(page.locator('[data-assurance="holder-confirmed"]')).toBeVisible();
    await finger.tap(bar.getByRole('button', { name: /^Đồng ý/ }));
    const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh cho con' }) });
    await finger.tap(birth.getByRole('button', { name: 'Chuẩn bị hồ sơ' }));

    // 1: the addressee is the People's Committee of the commune the family lives in, already chosen.
    await expect(h1).toContainText('Bước 1/7');
    await expect(page.getByRole('radio', { name: 'Ủy ban nhân dân Phường Sài Gòn, Thành phố Hồ Chí Minh' })).toBeChecked();
    await next(2);

    // 2: the relationship is one touch.
    await finger.tap(page.getByRole('radio', { name: 'Mẹ' }));
    await next(3);

    // 3: the child — the birth date from the centre, ethnicity from the parents, nationality Việt Nam; three fields typed.
    await expect(page.getByRole('textbox', { name: 'Ngày, tháng, năm sinh' })).toHaveAttribute('readonly', '');
    await expect(page.getByRole('radio', { name: 'Kinh' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Việt Nam' })).toBeChecked();
    await finger.type(page.getByRole('textbox', { name: 'Họ, chữ đệm, tên', exact: true }), 'child.fullName', 'Trần Minh Anh');
    await page.screenshot({ path: `${SCREENS}/journey-step3-${size.name}.png` });
    await finger.tap(page.getByRole('radio', { name: 'Nữ' }));
    await finger.type(page.getByRole('textbox', { name: 'Nơi sinh' }), 'child.placeOfBirth', 'Bệnh viện Từ Dũ', `${SCREENS}/journey-keyboard-${size.name}.png`);
    await finger.type(page.getByRole('textbox', { name: 'Quê quán' }), 'child.placeOfOrigin', 'Long An');
    await next(4);
    // 4 and 5: the parents, from the national database.
    await next(5);
    await next(6);
    // 6: copies.
    await finger.tap(page.getByRole('radio', { name: 'Không' }));
    await next(7);

    const [download] = await Promise.all([page.waitForEvent('download'), finger.tap(bar.getByRole('button', { name: 'In hồ sơ' }))]);
    const pdfPath = testInfo.outputPath('dossier.pdf');
    await download.saveAs(pdfPath);
    await expect(page.getByRole('status')).toContainText('Đã tạo hồ sơ');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const value of ['Trần Minh Anh', 'Bệnh viện Từ Dũ', 'Long An', 'Ủy ban nhân dân Phường Sài Gòn', 'Kinh', 'Việt Nam']) expect(text).toContain(value);

    console.log(`${size.name}: ${finger.touches} touches, ${finger.typedFields.length} typed fields (${finger.typedFields.join(', ')}), ${finger.keys} keys on the keyboard`);
    testInfo.annotations.push({ type: 'touches', description: String(finger.touches) }, { type: 'keys', description: String(finger.keys) });
    expect(finger.touches).toBeLessThanOrEqual(20);
    expect(finger.typedFields.length).toBeLessThanOrEqual(3);
    expect(consoleErrors).toEqual([]);
  });
}
