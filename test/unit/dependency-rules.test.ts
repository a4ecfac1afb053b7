import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

/**
 * The allow-lists and the cycle rule of `.dependency-cruiser.cjs` (run by `npm run lint`), proven on
 * a small tree of their own: each wrong arrow is refused with its rule's name, a right one is not.
 */
const CONFIG = join(process.cwd(), '.dependency-cruiser.cjs');
const DEPCRUISE = join(process.cwd(), 'node_modules', '.bin', 'depcruise');

const TREE: Record<string, string> = {
  'electron/db/repo.ts': "import { route } from '../host/router';\nexport const repo = route;",
  'electron/host/router.ts': "import { remind } from '../proactive/remind';\nexport const route = remind;",
  'electron/proactive/remind.ts': 'export const remind = 1;',
  'electron/print/sheet.ts': "import { remind } from '../proactive/remind';\nexport const sheet = remind;",
  'electron/security/sign.ts': "import { remind } from '../proactive/remind';\nexport const sign = remind;",
  'electron/sync/a.ts': "import { b } from './b';\nexport const a = () => b;",
  'electron/sync/b.ts': "import { a } from './a';\nexport const b = () => a;",
  'electron/contract/channel.ts': "import { repo } from '../db/repo';\nexport const channel = repo;",
  'drivers/hid/scan.ts': "import { channel } from '../../electron/contract/channel';\nexport const scan = channel;",
  'renderer/page.ts': "import { sheet } from '../electron/print/sheet';\nimport { channel } from '../electron/contract/channel';\nexport const page = [sheet, channel];",
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'preserve', moduleResolution: 'bundler' } }),
};

let tmp: ReturnType<typeof makeTempDir>;
let report: string;

beforeAll(() => {
  tmp = makeTempDir('motcua-depcruise-');
  for (const [path, text] of Object.entries(TREE)) {
    mkdirSync(dirname(join(tmp.dir, path)), { recursive: true });
    writeFileSync(join(tmp.dir, path), text);
  }
  try {
    execFileSync(DEPCRUISE, ['electron', 'drivers', 'renderer', '--config', CONFIG, '--output-type', 'err'], { cwd: tmp.dir, encoding: 'utf8' });
    report = '';
  } catch (error) {
    report = String((error as { stdout?: string }).stdout);
  }
}, 60_000);
afterAll(() => tmp.cleanup());

describe('dependency rules', () => {
  it.each([
    ['db-allow-list', 'electron/db/repo.ts → electron/host/router.ts'],
    ['print-allow-list', 'electron/print/sheet.ts → electron/proactive/remind.ts'],
    ['security-allow-list', 'electron/security/sign.ts → electron/proactive/remind.ts'],
    ['contract-is-pure', 'electron/contract/channel.ts → electron/db/repo.ts'],
    ['drivers-know-nothing-of-ours', 'drivers/hid/scan.ts → electron/contract/channel.ts'],
    ['renderer-sees-the-contract', 'renderer/page.ts → electron/print/sheet.ts'],
  ])('%s refuses %s', (rule, arrow) => {
    expect(report).toContain(`${rule}: ${arrow}`);
  });

  it('refuses a cycle', () => {
    expect(report).toMatch(/no-circular: electron\/sync\/(a|b)\.ts/);
  });

  it('lets the allowed arrows through: the host uses proactive, the renderer the contract', () => {
    expect(report).not.toContain('electron/host/router.ts → electron/proactive/remind.ts');
    expect(report).not.toContain('renderer/page.ts → electron/contract/channel.ts');
  });
});
