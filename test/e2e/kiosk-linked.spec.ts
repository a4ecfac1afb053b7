import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { CENTRE_CODE, spawnHub } from '../support/centre-processes';
import { startServedApp } from '../support/served-app';
import { makeTempDir } from '../support/temp-dir';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { expectOnScreen, SIZES, TEXT } from './on-screen';
import { confirmOnDemoPhone } from './phone-confirm';
import { technicianReplays } from './replay';

const SCREENS = 'test-results/screens';
const LINKED = 'Làm một lần: khai sinh, thường trú và thẻ bảo hiểm y tế cho con';
const FORMS = ['TỜ KHAI ĐĂNG KÝ KHAI SINH', 'TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ', 'TỜ KHAI THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ'];

/** What a step still needs, the quickest way; the child's facts are typed once, in the birth form. */
async function fillStep(page: Page) {
  const fill = async (name: string, value: string) => {
    const field = page.getByRole('textbox', { name, exact: true });
    if ((await field.count()) > 0 && (await field.inputValue()) === '') await field.fill(value);
  };
  await fill('Họ, chữ đệm, tên', 'Trần Minh Anh');
  await fill('Nơi sinh', 'Bệnh viện Từ Dũ');
  await fill('Quê quán', 'Tỉnh Long An');
  await fill('Họ, chữ đệm và tên chủ hộ', 'Nguyễn Văn An');
  await fill('Số định danh cá nhân của chủ hộ', '079199012345');
  await fill('Nội dung đề nghị', 'Đăng ký thường trú cho con mới sinh');
  await fill('[13] Nơi đăng ký khám bệnh, chữa bệnh ban đầu', 'Bệnh viện Từ Dũ');
  for (const choice of ['Mẹ', 'Nữ', 'Không']) {
    const radio = page.getByRole('radio', { name: choice, exact: true });
    if ((await radio.count()) > 0) await radio.check();
  }
}

/**
 * The mother's card, consent, the "làm một lần" reminder, every step of the three forms with its
 * main action on screen, the summary, the print: returns the PDF's text and the forms' parts seen.
 */
async function linkedJourney(page: Page, browser: Browser, url: string, variant: string, textButton: string | null) {
  const h1 = page.getByRole('heading', { level: 1 });
  const main = (name: string | RegExp) => page.locator('.kiosk-nav').getByRole('button', { name });
  const shot = (name: string) => page.screenshot({ path: `${SCREENS}/linked-${name}-${variant}.png` });
  await page.goto(url);
  if (textButton) await page.getByRole('button', { name: textButton }).click();
  await technicianReplays(browser, url, 'hid-pos-cccd-qr', 'id-reader');
  await confirmOnDemoPhone(page);
  await main(/^Đồng ý/).click();
  await expect(h1).toHaveText('Việc cần làm của Ông/Bà');
  const reminder = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: LINKED }) });
  await reminder.getByRole('button', { name: 'Chuẩn bị hồ sơ' }).click();

  await expect(page.locator('.dossier-form')).toContainText('Thủ tục 1/3');
  await expect(page.getByText('Ông/Bà chỉ khai một lần')).toBeVisible();
  const parts: string[] = [];
  for (let step = 1; (await main('Tiếp tục').count()) > 0; step++) {
    await expect(h1).toContainText(`Bước ${step}/`);
    parts.push(((await page.locator('.linked-part').textContent()) ?? '').trim());
    await expectOnScreen(page, main('Tiếp tục'), `linked step ${step}: Tiếp tục`);
    await shot(`step-${String(step).padStart(2, '0')}`);
    await fillStep(page);
    await main('Tiếp tục').click();
    await expect(h1).not.toContainText(`Bước ${step}/`);
  }
  await expect(h1).toContainText('Xem lại và in hồ sơ');
  await expect(page.locator('.dossier-form')).toContainText('Hồ sơ liên thông: 3 thủ tục, nộp một lần');
  for (const [i, title] of FORMS.entries()) await expect(page.getByRole('heading', { level: 2, name: `Thủ tục ${i + 1}/3: ${title}` })).toBeVisible();
  // The child's name was typed once, in the birth form; the health card's form has it too.
  const card = page.getByRole('region', { name: `Thủ tục 3/3: ${FORMS[2]}` });
  await expect(card.getByRole('definition').filter({ hasText: 'Trần Minh Anh' })).toHaveCount(1);
  await expectOnScreen(page, main('In hồ sơ'), 'linked summary: In hồ sơ');
  await shot('summary');
  expect(await seriousViolations(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await main('In hồ sơ').click();
  const file = `${SCREENS}/linked-${variant}.pdf`;
  await (await download).saveAs(file);
  await expect(page.getByRole('status').filter({ hasText: /Đã tạo hồ sơ \(\d+ trang\)/ })).toBeVisible();
  await expectOnScreen(page, page.getByText(/Đã tạo hồ sơ \(\d+ trang\)/), 'linked printed: the notice');
  await shot('printed');
  return { text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), file, parts };
}

for (const size of SIZES) {
  for (const text of TEXT) {
    const variant = `${size.name}-${text.name.replace(/\+/g, 'p')}`;
    test(`"làm một lần" opens the three linked forms as one dossier, every step on screen, printed as one (${size.width}×${size.height}, ${text.name})`, async ({ page, browser, served, consoleErrors }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      const { text: pdf, file, parts } = await linkedJourney(page, browser, served.url, variant, text.button);
      expect([...new Set(parts)]).toEqual(['Thủ tục 1/3:', 'Thủ tục 2/3:', 'Thủ tục 3/3:']);
      for (const title of FORMS) expect(pdf.replace(/\s+/g, ' ')).toContain(title);
      console.log(`linked dossier, ${variant}: ${parts.length} steps before the summary; ${file}`);
      // No hub paired with this kiosk: no queue number is offered.
      await expect(page.getByTestId('take-number-offer')).toHaveCount(0);
      expect(consoleErrors).toEqual([]);
    });
  }
}

test('at the end of a turn with a dossier to hand in, a kiosk paired with the hub offers a number for the service that receives it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const temp = makeTempDir('motcua-linked-hub-');
  const hub = await spawnHub(join(temp.dir, 'hub.db'));
  const app = await startServedApp({ cases: 50, seed: 'linked-hub', args: ['--hub', hub.url, '--hub-code', CENTRE_CODE, '--role', 'kiosk'] });
  try {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await linkedJourney(page, browser, app.url, 'hub-portrait-A', null);
    // Filed once where its first procedure, the birth registration, is received: civil status.
    const offer = page.getByTestId('take-number-offer');
    await expect(offer).toHaveText(/Lấy số thứ tự: Hộ tịch \(khai sinh, kết hôn, khai tử\)/);
    await expectOnScreen(page, offer, 'printed: Lấy số thứ tự');
    await page.screenshot({ path: `${SCREENS}/linked-take-number-offer-portrait.png` });
    await offer.click();
    await expect(page.getByRole('button', { name: /Căn cước, cư trú/ })).toHaveCount(0);
    const ticket = page.waitForEvent('download');
    await page.getByRole('button', { name: /Hộ tịch/ }).click();
    await expect(page.getByTestId('ticket-number')).toHaveText('A001');
    expect((await ticket).suggestedFilename()).toBe('so-thu-tu-A001.pdf');
    await page.screenshot({ path: `${SCREENS}/linked-take-number-ticket-portrait.png` });
  } finally {
    await app.close();
    hub.child.kill('SIGTERM');
    temp.cleanup();
  }
});
