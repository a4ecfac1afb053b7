import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';

interface Served {
  /** The URL `motcua serve` printed, token included. */
  url: string;
  origin: string;
  dataDir: string;
  /** The reference central system the app syncs with. */
  central: CentralSim;
}

/** Starts `motcua serve` with these arguments; resolves with the URL it prints (token included). */
export async function spawnServe(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child: ChildProcess = spawn(process.execPath, ['bin/motcua.cjs', 'serve', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`motcua serve exited with ${code}`)));
  });
  return { url, child };
}

/** Starts the real CLI in browser mode on its demo, with a fresh SQLite file and its own central simulator, once per worker. */
export const test = base.extend<{ consoleErrors: string[] }, { served: Served }>({
  served: [
    // Playwright reads the fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
      const central = await startCentralSim({ cases: 300, seed: 'e2e' });
      const keyFile = join(dataDir, 'central-public.pem');
      writeFileSync(keyFile, central.publicKeyPem);
      const args = ['--demo', '--db', join(dataDir, 'demo.db'), '--central', central.url, '--token', central.token, '--central-key', keyFile];
      const { url, child } = await spawnServe(args);
      await use({ url, origin: new URL(url).origin, dataDir, central });
      child.kill('SIGTERM');
      await central.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
  },
});

export { expect };
