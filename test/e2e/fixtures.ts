import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

interface Served {
  /** The URL `motcua serve` printed, token included. */
  url: string;
  origin: string;
  dataDir: string;
}

/** Starts the real CLI in browser mode on its demo, with a fresh SQLite file, once per worker. */
export const test = base.extend<{ consoleErrors: string[] }, { served: Served }>({
  served: [
    // Playwright reads the fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
      const child: ChildProcess = spawn(process.execPath, ['bin/motcua.cjs', 'serve', '--demo', '--db', join(dataDir, 'demo.db')], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`motcua serve exited with ${code}`)));
      });
      await use({ url, origin: new URL(url).origin, dataDir });
      child.kill('SIGTERM');
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
