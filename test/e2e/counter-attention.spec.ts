import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { kioskPrintsBirthRegistration } from './kiosk-print';
import { counterScansHandoff } from './log-in';

const SCREENS = 'test-results/screens';
/** Long An was merged into Tây Ninh on 1 July 2025: the centre refuses the old name, the kiosk's form did not know. */
const REFUSAL = {
  field: 'child.placeOfOrigin',
  value: 'Tỉnh Long An',
  code: 'administrative-unit-abolished',
  message: 'Quê quán: "Tỉnh Long An" không còn là đơn vị hành chính từ 01/07/2025; hãy ghi "Tỉnh Tây Ninh".',
};

/** The counter's form that identifies the citizen served (number and birth date). */
const IDENTIFY_FORM = 'Công dân';

// The centre is shared by every spec: its refusal must not outlive this one.
test.afterEach(({ served }) => served.central.setFaults({}));

test('the centre refuses a dossier: the officer sees it under "Cần xử lý", corrects it and gets a receipt', async ({ page, browser, served, consoleErrors }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(served.url);
  const handoff = await kioskPrintsBirthRegistration(page, testInfo);
  served.central.setFaults({ refuseDossier: REFUSAL });

  const counter = await counterScansHandoff(browser, served, consoleErrors, handoff);
  await counter.getByRole('checkbox', { name: /Giấy chứng sinh/ }).check();
  await counter.getByRole('button', { name: 'Tiếp nhận và gửi hồ sơ' }).click();
  await expect(counter.getByText('Hệ thống trung tâm từ chối hồ sơ; cần kiểm tra lại.', { exact: false })).toBeVisible({ timeout: 15_000 });
  // Refused, so no receipt: nothing offers one, and the officer is told where to look.
  await expect(counter.getByRole('alert')).toContainText('Không in giấy biên nhận cho hồ sơ này');
  await expect(counter.getByRole('button', { name: /giấy biên nhận/ })).toHaveCount(0);

  // "Cần xử lý": the refused dossier with the centre's code and words, and what can be done.
  await counter.getByRole('tab', { name: 'Cần xử lý (1)' }).click();
  const item = counter.getByRole('article', { name: 'Đăng ký khai sinh · Nguyễn Văn An' });
  await expect(item).toBeVisible();
  await expect(item.getByText('administrative-unit-abolished · HTTP 422')).toBeVisible();
  await expect(item.getByText(REFUSAL.message)).toBeVisible();
  // Why and what to do in Vietnamese, whatever the centre's own words.
  await expect(item.getByText('Trung tâm không nhận vì có thông tin trong hồ sơ chưa đúng hoặc còn thiếu.')).toBeVisible();
  await expect(item.getByText('Bấm «Sửa và nộp lại», đối chiếu với giấy tờ gốc của công dân, sửa rồi nộp lại.')).toBeVisible();
  await expect(item.getByText('Nguyễn Văn An · 079199012345')).toBeVisible();
  await counter.screenshot({ path: `${SCREENS}/counter-attention.png`, fullPage: true });
  expect(await seriousViolations(counter)).toEqual([]);
  await counter.getByRole('button', { name: 'English' }).click();
  await expect(counter.getByRole('heading', { level: 2, name: 'Needs attention' })).toBeVisible();
  await expect(counter.getByRole('button', { name: 'Correct and resubmit' })).toBeVisible();
  await counter.screenshot({ path: `${SCREENS}/counter-attention-en.png`, fullPage: true });
  await counter.getByRole('button', { name: 'Tiếng Việt' }).click();

  // "Sửa và nộp lại": the dossier opens; the officer identifies the mother, corrects the place of origin and submits again.
  served.central.setFaults({ refuseDossier: REFUSAL });
  await item.getByRole('button', { name: 'Sửa và nộp lại' }).click();
  await expect(counter.getByRole('heading', { level: 2, name: /TỜ KHAI ĐĂNG KÝ KHAI SINH/ })).toBeVisible();
  const identify = counter.getByRole('form', { name: IDENTIFY_FORM });
  await identify.getByLabel('Số định danh cá nhân').fill('079199012345');
  await identify.getByLabel('Ngày sinh').fill('01051999');
  await identify.getByLabel('Ngày sinh').press('Enter');
  await expect(counter.getByText('079199012345 · sinh 01/05/1999')).toBeVisible();
  await counter.getByText('Nội dung tờ khai', { exact: true }).click();
  const origin = counter.getByRole('group', { name: 'Người được khai sinh', exact: true }).getByLabel('Quê quán');
  await expect(origin).toHaveValue('Tỉnh Long An');
  await origin.fill('Tỉnh Tây Ninh');
  await counter.getByRole('form', { name: 'TỜ KHAI ĐĂNG KÝ KHAI SINH' }).getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(counter.getByRole('status').filter({ hasText: 'Đã lưu.' })).toBeVisible();
  await counter.getByRole('button', { name: 'Tiếp nhận và gửi hồ sơ' }).click();
  const sent = counter.getByText(/^Đã gửi\. Mã hồ sơ: MC-\d{6}-\d{7}$/);
  await expect(sent).toBeVisible({ timeout: 15_000 });
  const receiptCode = (await sent.textContent())!.replace('Đã gửi. Mã hồ sơ: ', '');
  expect(served.central.store.caseByReceipt(receiptCode)?.applicant.fullName).toBe('Nguyễn Văn An');

  // Nothing is left waiting.
  await counter.getByRole('tab', { name: 'Cần xử lý', exact: true }).click();
  await expect(counter.getByText('Không có hồ sơ nào cần xử lý.')).toBeVisible();
  await counter.context().close();
  expect(consoleErrors).toEqual([]);
});
