import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

test('the procedure catalogue: typed without accents on the on-screen keyboard, browsed by life event, each procedure with who, papers, fee, time, forms and online', async ({ page, served, consoleErrors }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(served.url);
  await page.getByRole('button', { name: /^Tra cứu thủ tục/ }).click();
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveText('Tra cứu thủ tục Look up a procedure');
  await expect(page.getByRole('status')).toContainText('thủ tục');

  // Typed without accents: the keyboard's letters only.
  await page.getByRole('searchbox', { name: /^Tên thủ tục/ }).click();
  const keyboard = page.getByRole('group', { name: 'Bàn phím tiếng Việt / Vietnamese keyboard' });
  for (const ch of 'Thuong tru') await keyboard.getByRole('button', { name: ch === ' ' ? /^Dấu cách/ : ch, exact: ch !== ' ' }).click();
  await page.screenshot({ path: `${SCREENS}/kiosk-catalogue-typing.png` });
  await keyboard.getByRole('button', { name: /^Xong/ }).click();
  const residence = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký thường trú', exact: true }) });
  await expect(residence).toContainText('Nơi giải quyết: Công an xã, phường, đặc khu');
  await expect(page.getByRole('heading', { name: 'Đăng ký khai sinh', exact: true })).toHaveCount(0);
  await residence.getByRole('button', { name: 'Xem chi tiết' }).click();
  await expect(residence.getByRole('heading', { name: 'Thành phần hồ sơ' })).toBeVisible();
  await expect(residence).toContainText('Làm trực tuyến được');
  await expect(residence).toContainText('CT01');

  // By life event: a newborn's procedures, whatever was typed cleared.
  await page.getByRole('searchbox', { name: /^Tên thủ tục/ }).fill('');
  await page.getByRole('button', { name: /^Đăng ký khai sinh, thường trú và thẻ bảo hiểm y tế cho trẻ/ }).click();
  const birth = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Đăng ký khai sinh', exact: true }) });
  await expect(birth).toContainText('Nơi giải quyết: Ủy ban nhân dân');
  await expect(birth).toContainText('Lệ phí: Miễn phí');
  await birth.getByRole('button', { name: 'Xem chi tiết' }).click();
  await expect(birth).toContainText('Giấy chứng sinh');
  await expect(birth).toContainText('TỜ KHAI ĐĂNG KÝ KHAI SINH');
  await page.screenshot({ path: `${SCREENS}/kiosk-catalogue.png` });
  expect(await seriousViolations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
