import { expect, test } from '@playwright/test';
import { startCentre } from '../support/centre-processes';
import { seriousViolations } from './axe';
import { logIn } from './log-in';

let centre: Awaited<ReturnType<typeof startCentre>>;

test.beforeAll(async () => {
  centre = await startCentre(['kiosk', 'counter']);
});
test.afterAll(async () => centre?.close());

test('a technician at a counter machine sets the centre’s services on the hub, and the kiosk offers them at once', async ({ browser }) => {
  const errors: string[] = [];
  const [kiosk, counter] = centre.machines;
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(counter!.url);
  await page.goto(`${counter!.origin}/technician`);
  await logIn(page, { username: 'kythuat', password: 'motcua-demo' });

  const panel = page.getByRole('region', { name: 'Dịch vụ xếp hàng của trung tâm' });
  await expect(panel.getByRole('group', { name: 'Dịch vụ A: Hộ tịch (khai sinh, kết hôn, khai tử)' })).toBeVisible();
  expect(await seriousViolations(page, '.queue-services')).toEqual([]);

  // A fifth service, social insurance, at counters 2 and 3; first with the letter A already taken.
  await panel.getByRole('button', { name: 'Thêm dịch vụ' }).click();
  const added = panel.getByRole('group', { name: /^Dịch vụ E:/ });
  await added.getByLabel('Tên (tiếng Việt)').fill('Bảo hiểm xã hội');
  await added.getByLabel('Tên (tiếng Anh)').fill('Social insurance');
  await added.getByLabel('Các quầy phục vụ').fill('2, 3');
  await added.getByLabel('Chữ cái đầu số').selectOption('A');
  await panel.getByRole('button', { name: 'Lưu dịch vụ lên trạm điều phối' }).click();
  await expect(panel.getByRole('alert')).toContainText('Mỗi dịch vụ cần một chữ cái đầu số');
  await expect(panel.getByRole('group', { name: 'Dịch vụ A: Bảo hiểm xã hội' }).getByLabel('Chữ cái đầu số')).toHaveAttribute('aria-invalid', 'true');
  await panel.getByRole('group', { name: 'Dịch vụ A: Bảo hiểm xã hội' }).getByLabel('Chữ cái đầu số').selectOption('E');
  await panel.getByRole('button', { name: 'Lưu dịch vụ lên trạm điều phối' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã lưu trên trạm điều phối. Kiosk và quầy dùng danh sách mới ngay.');

  const citizen = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await citizen.goto(kiosk!.url);
  await citizen.goto(`${kiosk!.origin}/kiosk`);
  await citizen.getByRole('button', { name: /Lấy số thứ tự/ }).click();
  const download = citizen.waitForEvent('download');
  await citizen.getByRole('button', { name: /Bảo hiểm xã hội/ }).click();
  await expect(citizen.getByTestId('ticket-number')).toHaveText('E001');
  await download;
  expect(errors).toEqual([]);
});
