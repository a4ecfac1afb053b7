import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from './axe';
import { expect, spawnServe, test } from './fixtures';
import { logIn } from './log-in';

const FIRST = { username: 'ktv.dau', displayName: 'Kỹ thuật viên Đậu Văn Minh', password: 'lần-đầu-khởi-động' };

test('on first start (no demo, no account) the counter asks for the first technician, who then logs in and reaches the console', async ({ page, consoleErrors }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-first-'));
  const { url, child } = await spawnServe(['--db', join(dataDir, 'first.db')]);
  try {
    const origin = new URL(url).origin;
    await page.goto(url);
    await page.goto(`${origin}/counter`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quầy tiếp nhận');
    await expect(page.getByRole('heading', { level: 2, name: 'Tạo tài khoản kỹ thuật viên đầu tiên' })).toBeVisible();
    await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.type(FIRST.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(FIRST.displayName);
    await page.keyboard.press('Tab');
    await page.keyboard.type('ngắn');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Mật khẩu phải có ít nhất 10 ký tự.');
    await page.getByLabel('Mật khẩu').fill(FIRST.password);
    await page.getByLabel('Mật khẩu').press('Enter');

    await expect(page.getByText('Đã tạo tài khoản. Hãy đăng nhập.')).toBeVisible();
    await logIn(page, FIRST);
    await expect(page.getByText(`Đang làm việc: ${FIRST.displayName}`)).toBeVisible();
    // The same session opens the technician console, where the new technician manages accounts.
    await page.goto(`${origin}/technician`);
    await expect(page.getByRole('region', { name: 'Tài khoản' }).getByRole('cell', { name: FIRST.username, exact: true })).toBeVisible();
    // And nobody can create another first technician now.
    const again = await page.request.post(`${origin}/api/accounts.bootstrap`, { data: { ...FIRST, username: 'ke.khac' } });
    expect(await again.json()).toMatchObject({ ok: false, error: { code: 'BOOTSTRAP_DONE' } });
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(consoleErrors).toEqual([]);
});
