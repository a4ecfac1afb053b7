import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import { startServedApp, type ServedApp } from '../support/served-app';

export { spawnServe } from '../support/served-app';

type Served = Pick<ServedApp, 'url' | 'origin' | 'dataDir' | 'central'>;

/** Starts the real CLI in browser mode on its demo, with a fresh SQLite file and its own central simulator, once per worker. */
export const test = base.extend<{ consoleErrors: string[] }, { served: Served }>({
  served: [
    // Playwright reads the fixture's dependencies from this pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const app = await startServedApp({ cases: 300, seed: 'e2e' });
      await use(app);
      await app.close();
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
