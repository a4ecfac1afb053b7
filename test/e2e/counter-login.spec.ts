import { join } from 'node:path';
import { openDatabaseFile } from '../../electron/db/connection';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { DEMO_OFFICER, logIn } from './log-in';


test('the counter asks an officer to log in: a wrong password in both languages, the counter after success, log-out', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/counter`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quầy tiếp nhận');
  await expect(page.getByRole('heading', { level: 2, name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard only: type, Tab, type, Enter.
  await page.keyboard.type(DEMO_OFFICER.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
  await expect(page.getByLabel('Mật khẩu')).toHaveValue('');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('alert')).toHaveText('The username or password is wrong.');
  await expect(page.getByRole('heading', { level: 2, name: 'Log in' })).toBeVisible();
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();

  // An unknown user gets the very same message.
  await logIn(page, { username: 'khongco', password: DEMO_OFFICER.password });
  await expect(page.getByLabel('Mật khẩu')).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');

  await logIn(page);
  await expect(page.getByText(`Đang làm việc: ${DEMO_OFFICER.displayName}`)).toBeVisible();
  await expect(page.getByLabel('Số định danh cá nhân')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The session is the host's, not the page's: a reload keeps the officer signed in.
  await page.reload();
  await expect(page.getByLabel('Số định danh cá nhân')).toBeVisible();

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Đăng nhập' })).toBeVisible();
  await expect(page.getByLabel('Số định danh cá nhân')).toHaveCount(0);
  // And the host agrees: an officer's channel is refused to this browser now.
  const refused = await page.request.post(`${served.origin}/api/sync.now`, { data: {} });
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(consoleErrors).toEqual([]);
});

test('an officer idle longer than auth.idleMinutes is signed out by the host, and the counter says so at the next key', async ({ page, served, consoleErrors }) => {
  // Three seconds instead of fifteen minutes; the setting is read at every call, so the running app follows.
  const setIdle = (minutes: string | null) => {
    const db = openDatabaseFile(join(served.dataDir, 'demo.db'));
    try {
      if (minutes === null) db.prepare("DELETE FROM settings WHERE key = 'auth.idleMinutes'").run();
      else db.prepare("INSERT INTO settings (key, value) VALUES ('auth.idleMinutes', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(minutes);
    } finally {
      db.close();
    }
  };
  await page.clock.install();
  setIdle('0.05');
  try {
    await page.goto(served.url);
    await page.goto(`${served.origin}/counter`);
    await logIn(page);
    await expect(page.getByLabel('Số định danh cá nhân')).toBeVisible();
    await page.waitForTimeout(3_500);
    // The screen asks the host again only after 30 s of its own clock.
    await page.clock.fastForward(31_000);
    await page.getByLabel('Số định danh cá nhân').press('1');
    await expect(page.getByText('Phiên làm việc đã kết thúc vì lâu không sử dụng. Hãy đăng nhập lại.')).toBeVisible();
    await expect(page.getByLabel('Số định danh cá nhân')).toHaveCount(0);
  } finally {
    setIdle(null);
  }
  expect(consoleErrors).toEqual([]);
});
