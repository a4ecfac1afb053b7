import type { Browser } from '@playwright/test';

/** A technician in another browser (its own session) assigns the recorded scanner and replays it. */
export async function technicianReplays(browser: Browser, url: string, name: string, role: 'id-reader' | 'barcode-scanner') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(
    async ({ name, role }) => {
      const call = async (channel: string, input: unknown) => {
        const r = await (await fetch(`/api/${channel}`, { method: 'POST', body: JSON.stringify(input) })).json();
        if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
        return r.value;
      };
      await call('session.unlockTechnician', { pin: '246810' });
      const device = await call('devices.replay', { name });
      await call('devices.assign', { key: device.key, role, profile: device.profile });
      await call('devices.replay', { name });
    },
    { name, role },
  );
  await context.close();
}
