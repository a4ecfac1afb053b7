import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startCentre } from '../support/centre-processes';
import { seriousViolations } from './axe';
import { logIn } from './log-in';

const SCREENS = 'test-results/screens';
let centre: Awaited<ReturnType<typeof startCentre>>;

test.beforeAll(async () => {
  centre = await startCentre(['kiosk', 'kiosk', 'counter', 'counter', 'display', 'rating']);
});
test.afterAll(async () => centre?.close());

async function open(browser: Browser, url: string, path: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.goto(`${new URL(url).origin}${path}`);
  return page;
}

test('a citizen takes a number at a kiosk, a counter calls it, the display announces it; a kiosk asks for an officer and one comes', async ({ browser }) => {
  const errors: string[] = [];
  const [kiosk1, kiosk2, counter1, counter2, display, rating] = centre.machines;
  const screen = await open(browser, display!.url, '/', errors);
  await expect(screen).toHaveURL(/\/display$/);
  const k1 = await open(browser, kiosk1!.url, '/kiosk', errors);
  const k2 = await open(browser, kiosk2!.url, '/kiosk', errors);

  // Two citizens take numbers for civil status at two kiosks: A001 then A002, one ahead.
  for (const [page, expected, ahead] of [[k1, 'A001', 0], [k2, 'A002', 1]] as const) {
    await page.getByRole('button', { name: /Lấy số thứ tự/ }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Hộ tịch/ }).click();
    await expect(page.getByTestId('ticket-number')).toHaveText(expected);
    await expect(page.getByText(`Số người đang chờ trước Ông/Bà: ${ahead}`)).toBeVisible();
    expect((await download).suggestedFilename()).toBe(`so-thu-tu-${expected}.pdf`);
  }
  await k2.screenshot({ path: `${SCREENS}/queue-ticket-taken-vi.png`, fullPage: true });
  expect(await seriousViolations(k2)).toEqual([]);

  // Counter 1 and counter 2 (both serve civil status) call.
  const c1 = await open(browser, counter1!.url, '/counter', errors);
  await logIn(c1);
  const c2 = await open(browser, counter2!.url, '/counter', errors);
  await logIn(c2);
  await c1.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(c1.getByTestId('counter-current')).toHaveText('Đang mời số A001');
  await expect(screen.getByTestId('announcement')).toContainText('Mời số A001 đến quầy số 1');
  await c2.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
  await expect(c2.getByTestId('counter-current')).toHaveText('Đang mời số A002');
  await expect(screen.getByTestId('announcement')).toContainText('Mời số A002 đến quầy số 2');
  await expect(screen.getByTestId('current-call')).toHaveCount(2);
  await screen.screenshot({ path: `${SCREENS}/queue-display-vi.png`, fullPage: true });
  expect(await seriousViolations(screen)).toEqual([]);
  await c1.getByRole('button', { name: 'Bắt đầu phục vụ' }).click();
  await expect(c1.getByTestId('counter-current')).toHaveText('Đang phục vụ số A001');

  // The screen facing the citizen at counter 1 asks about A001: three faces, optional reasons.
  const rate = await open(browser, rating!.url, '/', errors);
  await expect(rate).toHaveURL(/\/rating$/);
  await expect(rate.getByText('Số A001 tại quầy số 1')).toBeVisible();
  await rate.getByRole('radio', { name: /Rất hài lòng/ }).click();
  await rate.getByLabel(/Giải quyết nhanh/).check();
  await rate.screenshot({ path: `${SCREENS}/queue-rating-vi.png`, fullPage: true });
  expect(await seriousViolations(rate)).toEqual([]);
  await rate.getByRole('button', { name: /Gửi đánh giá/ }).click();
  await expect(rate.getByRole('heading', { name: /Cảm ơn Ông\/Bà đã đánh giá!/ })).toBeVisible();

  // "Hỏi cán bộ" at kiosk 2 reaches both counters; counter 2 answers and the kiosk says so.
  await k2.getByRole('button', { name: 'Xong' }).click();
  await k2.getByRole('button', { name: /Hỏi cán bộ/ }).first().click();
  await expect(k2.getByTestId('help-status')).toContainText('Đã báo cho cán bộ');
  await expect(c1.getByTestId('help-requests')).toContainText('Kiosk K2');
  await expect(c2.getByTestId('help-requests')).toContainText('Kiosk K2');
  await c2.getByRole('button', { name: 'Tôi đến ngay' }).click();
  await expect(k2.getByTestId('help-status')).toContainText('Cán bộ quầy số 2 đang đến');
  await expect(c1.getByTestId('help-requests')).toContainText('quầy 2 đã nhận');
  await k2.screenshot({ path: `${SCREENS}/queue-help-coming-vi.png`, fullPage: true });

  // The head of the centre sees the day: two tickets, the charts, and the CSV of the tickets.
  await c1.getByRole('link', { name: 'Hoạt động trong ngày' }).click();
  await expect(c1.getByTestId('day-tickets')).toHaveText('2');
  await expect(c1.getByRole('img', { name: 'Số phiếu theo giờ và dịch vụ' })).toBeVisible();
  await c1.screenshot({ path: `${SCREENS}/queue-day-vi.png`, fullPage: true });
  const csv = c1.waitForEvent('download');
  await c1.getByRole('button', { name: 'Xuất tệp CSV' }).click();
  const file = await (await csv).path();
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('number,service,priority,issued_at,called_at,counter,state,wait_minutes');
  expect(text).toMatch(/A001,ho-tich,no,[^,]+,[^,]+,1,serving,/);
  expect(errors).toEqual([]);
});
