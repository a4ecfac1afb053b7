import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { kioskCall } from './kiosk-print';
import { logIn } from './log-in';

const NEW_OFFICER = { username: 'lan.nguyen', displayName: 'Cán bộ Nguyễn Thị Lan', password: 'quầy-số-3-sáng' };

test('a technician logs in with an account, creates an officer who can then log in at the counter, disables, enables and unlocks them', async ({ page, browser, served, consoleErrors }) => {
  await page.goto(served.url);
  await page.goto(`${served.origin}/technician`);
  await expect(page.getByRole('heading', { level: 2, name: 'Hoặc mở khóa bằng mã PIN kỹ thuật viên' })).toBeVisible();
  await logIn(page, { username: 'kythuat', password: 'motcua-demo' });

  const panel = page.getByRole('region', { name: 'Tài khoản' });
  await expect(panel.getByRole('cell', { name: 'canbo', exact: true })).toBeVisible();
  await expect(panel.getByRole('cell', { name: 'kythuat', exact: true })).toBeVisible();
  expect(await seriousViolations(page, '.accounts-panel')).toEqual([]);

  const form = page.getByRole('form', { name: 'Tài khoản mới' });
  await form.getByLabel('Tên đăng nhập').fill(NEW_OFFICER.username);
  await form.getByLabel('Họ và tên').fill(NEW_OFFICER.displayName);
  await form.getByLabel('Vai trò').selectOption('officer');
  await form.getByLabel('Mật khẩu').fill('ngắn');
  await form.getByLabel('Mật khẩu').press('Enter');
  await expect(panel.getByRole('alert')).toHaveText('Mật khẩu phải có ít nhất 10 ký tự.');
  await form.getByLabel('Mật khẩu').fill(NEW_OFFICER.password);
  await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Đã tạo tài khoản ${NEW_OFFICER.username}.`);
  await expect(panel.getByRole('cell', { name: NEW_OFFICER.displayName })).toBeVisible();

  // The new officer, at another workstation (another browser session).
  const counter = await browser.newPage();
  await counter.goto(served.url);
  await counter.goto(`${served.origin}/counter`);
  await logIn(counter, NEW_OFFICER);
  await expect(counter.getByText(`Đang làm việc: ${NEW_OFFICER.displayName}`)).toBeVisible();
  await counter.getByRole('button', { name: 'Đăng xuất' }).click();
  // Someone then guesses five wrong passwords there: the account locks.
  const { username, password } = NEW_OFFICER;
  for (let i = 0; i < 5; i++) await expect(kioskCall(counter, 'auth.login', { username, password: 'không-phải-mật-khẩu' })).rejects.toThrow('AUTH_FAILED');
  await expect(kioskCall(counter, 'auth.login', { username, password })).rejects.toThrow('AUTH_LOCKED');

  const row = panel.getByRole('row', { name: new RegExp(NEW_OFFICER.username) });
  await panel.getByRole('button', { name: `Vô hiệu hóa tài khoản ${NEW_OFFICER.username}` }).click();
  await expect(row).toContainText('Đã vô hiệu hóa');
  await panel.getByRole('button', { name: `Cho dùng lại tài khoản ${NEW_OFFICER.username}` }).click();
  await expect(panel.getByRole('status')).toHaveText(`Tài khoản ${NEW_OFFICER.username} đã được dùng lại.`);
  await expect(row).toContainText('Đang bị khóa tạm thời');
  await panel.screenshot({ path: 'test-results/screens/technician-accounts-locked.png' });
  expect(await seriousViolations(page, '.accounts-panel')).toEqual([]);
  await panel.getByRole('button', { name: `Mở khóa tài khoản ${NEW_OFFICER.username}` }).click();
  await expect(row).toContainText('Đang dùng');
  await logIn(counter, NEW_OFFICER);
  await expect(counter.getByText(`Đang làm việc: ${NEW_OFFICER.displayName}`)).toBeVisible();
  await counter.close();
  expect(consoleErrors).toEqual([]);
});
