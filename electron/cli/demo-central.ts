import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AutoEnrolment } from '../host/central-host';
import type { DemoPhoneControl } from '../host/demo-phone';

export interface DemoCentral {
  /** The simulator's address and key, and a one-time code the app enrols with on its own. */
  enrol: AutoEnrolment;
  /** The citizens' "phones" of the demo centre, shown by the kiosk's demo panel. */
  phone: DemoPhoneControl;
  stop(): void;
}

/** The demo centre's code (resources/demo has its name and address). */
export const DEMO_CENTRE_CODE = 'DEMO-TTHCC-01';

/**
 * The demo's central system: the reference simulator, started beside the app from a source
 * checkout. Packaged builds do not ship it, and then the demo runs without a centre. Each start
 * issues a fresh enrolment code: the app registers like a real machine, with no configuration.
 */
export async function startDemoCentral(root: string, dataDir: string): Promise<DemoCentral | null> {
  const main = join(root, 'test', 'support', 'central-sim', 'main.ts');
  if (!existsSync(main)) return null;
  const enrolmentCode = `DEMO-${randomBytes(6).toString('hex').toUpperCase()}`;
  const args = ['--import', 'tsx', main, '--port', '0', '--cases', '2000', '--seed', 'demo', '--enrolment-code', enrolmentCode];
  args.push('--key-dir', join(dataDir, 'central'), '--db', join(dataDir, 'central.db'));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string | null>((resolve) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => resolve(null));
  });
  if (line === null) return null;
  const { url, publicKeyPem, token } = JSON.parse(line) as { url: string; publicKeyPem: string; token: string };
  const stop = () => void child.kill('SIGTERM');
  process.once('exit', stop);
  return { enrol: { url, publicKeyPem, enrolmentCode, centreCode: DEMO_CENTRE_CODE }, phone: { url, token }, stop };
}
