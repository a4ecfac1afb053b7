import { describe, expect, it } from 'vitest';
import { lintMessages } from '../support/lint-text';

// The layering of DESIGN.md, checked by the same ESLint config `npm run lint` uses.
const importErrors = (filePath: string, code: string) => lintMessages(filePath, code, ['no-restricted-imports', 'no-restricted-syntax']);

describe('layer boundaries', () => {
  it.each([
    ['electron/host/x.ts', "import { app } from 'electron';"],
    ['electron/proactive/x.ts', "import { ipcMain } from 'electron';"],
    ['electron/host/x.ts', "import { autoUpdater } from 'electron-updater';"],
    ['electron/app/x.ts', "import { shell } from 'electron'; void shell.openExternal('https://example.org');"],
    ['renderer/x.ts', "import { createHost } from '../electron/host/create-host';"],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';"],
    ['renderer/x.ts', "import { parsePersonalNumber } from '../drivers/idcard/personal-number';"],
    ['drivers/idcard/x.ts', "import { AppError } from '../../electron/contract';"],
    ['electron/contract/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/contract/x.ts', "import { createRouter } from '../host/router';"],
    ['electron/proactive/x.ts', "import { startWebHost } from '../host/web-host';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['electron/app/x.ts', "import { app } from 'electron';"],
    ['renderer/x.ts', "import { channels } from '../electron/contract';"],
    ['electron/host/x.ts', "import { identify } from '../proactive/citizen-identity';"],
    ['electron/contract/x.ts', "import { z } from 'zod';"],
  ])('%s may: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
