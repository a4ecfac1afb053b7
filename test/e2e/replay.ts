import type { Browser } from '@playwright/test';

/**
 * A technician in another browser (its own session) assigns the recorded scanner; `replay()` then
 * plays the recording again, as a citizen holding up the card once more.
 */
export async function replayingTechnician(browser: Browser, url: string, name: string, role: 'id-reader' | 'barcode-scanner') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const call = (channel: string, input: unknown) =>
    page.evaluate(
      async ({ channel, input }) => {
        const r = await (await fetch(`/api/${channel}`, { method: 'POST', body: JSON.stringify(input) })).json();
        if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
        return r.value as { key: string; profile: unknown };
      },
      { channel, input },
    );
  await call('session.unlockTechnician', { pin: '246810' });
  const device = await call('devices.replay', { name });
  await call('devices.assign', { key: device.key, role, profile: device.profile });
  return {
    replay: async () => void (await call('devices.replay', { name })),
    close: () => context.close(),
  };
}

/** A technician in another browser (its own session) assigns the recorded scanner and replays it. */
export async function technicianReplays(browser: Browser, url: string, name: string, role: 'id-reader' | 'barcode-scanner') {
  const technician = await replayingTechnician(browser, url, name, role);
  await technician.replay();
  await technician.close();
}
