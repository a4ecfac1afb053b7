import type { Browser, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { kioskCall } from './kiosk-print';
import { logIn } from './log-in';
import { technicianReplays } from './replay';

/**
 * Printing on a real CUPS of the run's own (test/e2e/global-setup.ts): MotCuaPDF prints, MotCuaOffline is
 * disabled. The served app is shared by every spec of the worker, so the choices are undone at the end.
 */
const SCREENS = 'test-results/screens';
const PDF_QUEUE = 'MotCuaPDF';
const OFFLINE_QUEUE = 'MotCuaOffline';

/** A technician's channel call from a browser of its own (its own session). */
async function asTechnician(browser: Browser, url: string, channel: string, input: unknown) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await kioskCall(page, 'session.unlockTechnician', { pin: '246810' });
  await kioskCall(page, channel, input);
  await context.close();
}

async function openAs(browser: Browser, url: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(url);
  await page.goto(`${new URL(url).origin}${path}`);
  return page;
}

test.describe.serial('printing', () => {
  test.afterAll(async ({ browser, served }) => {
    for (const kind of ['dossier-a4', 'slip-80mm']) await asTechnician(browser, served.url, 'printers.choose', { kind, printer: null });
  });

  test('the technician sees the printers, chooses one per document kind and prints a test page', async ({ browser, served }) => {
    const page = await openAs(browser, served.url, '/technician');
    await kioskCall(page, 'session.unlockTechnician', { pin: '246810' });
    await page.reload();
    const panel = page.locator('.printers-panel');
    await expect(panel.getByRole('heading', { level: 2, name: 'Máy in' })).toBeVisible();
    await expect(panel.getByRole('row', { name: new RegExp(OFFLINE_QUEUE) })).toContainText('Tạm dừng');
    await expect(panel.getByRole('row', { name: new RegExp(PDF_QUEUE) })).toContainText('Sẵn sàng');

    await panel.getByLabel('Máy in cho Hồ sơ khổ A4').selectOption(PDF_QUEUE);
    await panel.getByLabel('Máy in cho Phiếu 80 mm').selectOption(OFFLINE_QUEUE);
    await expect(panel.getByRole('row', { name: new RegExp(PDF_QUEUE) })).toContainText('Hồ sơ khổ A4');
    await expect(panel.getByRole('row', { name: new RegExp(OFFLINE_QUEUE) })).toContainText('Phiếu 80 mm');

    await panel.getByRole('row', { name: new RegExp(PDF_QUEUE) }).getByRole('button', { name: 'In trang thử' }).click();
    await expect(panel.getByRole('status')).toContainText('Đã in — mời lấy giấy');
    await expect(panel.getByRole('status')).toContainText(`Đã in trên máy ${PDF_QUEUE}.`);
    await expect(panel.getByRole('row', { name: new RegExp(PDF_QUEUE) })).toContainText('Hàng đợi: 0 lệnh');
    // A reload shows the choices kept.
    await page.reload();
    await expect(panel.getByLabel('Máy in cho Phiếu 80 mm')).toHaveValue(OFFLINE_QUEUE);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${SCREENS}/technician-printers-vi.png` });
    expect(await seriousViolations(page, '.printers-panel')).toEqual([]);
    await page.context().close();
  });

  test('a kiosk slip on the paused printer is kept with a calm message; the counter reprints it once the technician moves the slips to MotCuaPDF', async ({
    page,
    browser,
    served,
    consoleErrors,
  }) => {
    await page.goto(served.url);
    await technicianReplays(browser, served.url, 'hid-pos-cccd-qr', 'id-reader');
    await page.getByRole('button', { name: /^Không đồng ý/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Việc cần làm của Ông/Bà');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'In phiếu 80 mm' }).click();
    const kept = page.getByRole('alert');
    await expect(kept).toContainText('Máy in đang tạm dừng, chưa in được.');
    await expect(kept).toContainText('Tài liệu đã được giữ lại; mời Ông/Bà đến quầy, cán bộ sẽ in lại cho Ông/Bà.');
    await expect(kept).toContainText('The document is kept; please go to the counter and an officer will reprint it.');
    expect(downloads).toBe(0);
    await page.screenshot({ path: `${SCREENS}/kiosk-print-kept-vi.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    const counter = await openAs(browser, served.url, '/counter');
    await logIn(counter);
    await counter.getByRole('tab', { name: 'Tài liệu chờ in lại' }).click();
    const item = counter.getByRole('listitem').filter({ hasText: /phieu-nhac-viec-.*-80mm\.pdf/ });
    await expect(item).toContainText('Phiếu 80 mm');
    await expect(item).toContainText('Máy in đang tạm dừng hoặc chưa sẵn sàng.');
    await counter.screenshot({ path: `${SCREENS}/counter-kept-vi.png`, fullPage: true });
    expect(await seriousViolations(counter, '.counter-kept')).toEqual([]);

    await asTechnician(browser, served.url, 'printers.choose', { kind: 'slip-80mm', printer: PDF_QUEUE });
    await item.getByRole('button', { name: /^In lại/ }).click();
    const keptPanel = counter.locator('.counter-kept');
    await expect(keptPanel.getByRole('status')).toContainText('Đã in — mời lấy giấy');
    await expect(keptPanel.getByRole('status')).toContainText(`Đã in trên máy ${PDF_QUEUE}.`);
    await expect(counter.getByText('Không có tài liệu nào chờ in lại.')).toBeVisible();
    await counter.screenshot({ path: `${SCREENS}/counter-reprinted-vi.png`, fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
