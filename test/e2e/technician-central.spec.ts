import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from './axe';
import { expect, spawnServe, test } from './fixtures';
import { logIn } from './log-in';
import { startCentralSim } from '../support/central-sim/server';

const CODE = 'HN-ENROL-4821';

test('a technician points a fresh machine at its centre, registers it with a one-time code and tests the link', async ({ page, consoleErrors }) => {
  // A machine with no centre yet, and a centre that has issued one enrolment code.
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-central-'));
  const central = await startCentralSim({ cases: 20, seed: 'e2e-central', enrolmentCodes: [CODE] });
  const { url, child } = await spawnServe(['--demo', '--db', join(dataDir, 'demo.db')]);
  try {
    await page.goto(url);
    await page.goto(`${new URL(url).origin}/technician`);
    await logIn(page, { username: 'kythuat', password: 'motcua-demo' });
    const panel = page.getByRole('region', { name: 'Kết nối hệ thống trung tâm' });
    await expect(panel.getByText('Chưa đăng ký', { exact: true })).toBeVisible();
    await panel.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await expect(panel.getByRole('status')).toHaveText('Chưa nhập địa chỉ và khóa công khai của trung tâm.');

    await panel.getByLabel('Địa chỉ hệ thống trung tâm').fill(central.url);
    await panel.getByLabel('Khóa công khai của trung tâm (PEM)').fill(central.publicKeyPem);
    await panel.getByRole('button', { name: 'Lưu' }).click();
    // The technician compares this with the fingerprint the centre's IT reads out.
    const fingerprint = createHash('sha256').update(createPublicKey(central.publicKeyPem).export({ type: 'spki', format: 'der' })).digest().subarray(0, 16).toString('hex');
    await expect(panel.getByText(fingerprint)).toBeVisible();

    await panel.getByLabel('Mã đăng ký một lần').fill('HN-ENROL-0000');
    await panel.getByLabel('Mã trung tâm').fill('hn-tthcc-01');
    await panel.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect(panel.getByRole('alert')).toHaveText('Mã đăng ký không đúng hoặc đã được dùng. Hãy xin mã mới từ bộ phận CNTT của trung tâm.');
    await panel.getByLabel('Mã đăng ký một lần').fill(CODE);
    await panel.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Đã đăng ký máy với trung tâm' })).toBeVisible();
    await expect(panel.getByText(/^Đã đăng ký \(mã máy dev-/)).toBeVisible();

    await panel.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await expect(panel.getByRole('status').first()).toHaveText('Kết nối tốt: trung tâm trả lời, chấp nhận máy này và đúng khóa đã ghim.');
    await panel.screenshot({ path: 'test-results/screens/technician-central.png' });
    expect(await seriousViolations(page, '.central-panel')).toEqual([]);

    // The centre goes away: the answer is calm, and says the machine keeps working.
    await central.close();
    await panel.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await expect(panel.getByRole('status').first()).toHaveText(/^Chưa kết nối được trung tâm\. Máy vẫn làm việc/);
    expect(consoleErrors).toEqual([]);
  } finally {
    child.kill('SIGTERM');
    await central.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
