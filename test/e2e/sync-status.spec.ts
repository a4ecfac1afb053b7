import { BrowserModeClient } from '../support/browser-mode-client';
import { expect, test } from './fixtures';

const SCREENS = 'test-results/screens';

test('the technician sees the app in sync with the centre, offline when it fails, and back after "sync now"', async ({ page, served, consoleErrors }) => {
  await page.goto(`${served.url}`);
  await page.goto(`${served.origin}/technician`);
  await page.getByLabel('Mã PIN kỹ thuật viên').pressSequentially('246810');
  await page.getByRole('button', { name: 'Mở khóa' }).click();
  const panel = page.getByRole('region', { name: 'Đồng bộ với hệ thống trung tâm' });
  await expect(panel.getByRole('status')).toHaveText('Đã đồng bộ');
  const head = ((await (await fetch(`${served.central.url}/v1/health`)).json()) as { seq: number }).seq;
  await expect(panel).toContainText(`Đã nhận đến thay đổi số ${head}`);

  served.central.setFaults({ failNext: { count: 50, status: 503, retryAfterSeconds: 30 } });
  await panel.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect(panel.getByRole('status')).toHaveText('Mất kết nối — vẫn làm việc với dữ liệu đã có');
  await page.screenshot({ path: `${SCREENS}/sync-offline-vi.png`, fullPage: true });

  // A citizen identified at a kiosk meanwhile: an audit entry to ship.
  const heldByCentre = served.central.store.auditEntries('operator').length;
  await (await BrowserModeClient.open(served.url)).call('citizen.open', { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' });
  served.central.setFaults({});
  await panel.getByRole('button', { name: 'Đồng bộ ngay' }).click();
  await expect(panel.getByRole('status')).toHaveText('Đã đồng bộ');
  // The audit went to the centre on that beat, the kiosk's entry with it, and the panel counts what the
  // centre holds (what waits is what the app appended since: the served app is shared with other specs).
  const atCentre = served.central.store.auditEntries('operator') as { channel: string }[];
  expect(atCentre.slice(heldByCentre).map((e) => e.channel)).toContain('citizen.open');
  const shipped = atCentre.length;
  await expect(panel).toContainText(new RegExp(`Nhật ký truy cập chờ gửi về trung tâm: \\d+ · đã gửi: ${shipped}`));
  await page.screenshot({ path: `${SCREENS}/sync-audit-shipped-vi.png`, fullPage: true });
  expect(consoleErrors).toEqual([]);
});
