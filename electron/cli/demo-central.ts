import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CentralLink } from '../sync/sync-service';

export interface DemoCentral {
  link: CentralLink;
  stop(): void;
}

/**
 * The demo's central system: the reference simulator, started beside the app from a source
 * checkout. Packaged builds do not ship it, and then the demo runs without a centre.
 */
export async function startDemoCentral(root: string, dataDir: string): Promise<DemoCentral | null> {
  const main = join(root, 'test', 'support', 'central-sim', 'main.ts');
  if (!existsSync(main)) return null;
  const args = ['--import', 'tsx', main, '--port', '0', '--cases', '2000', '--seed', 'demo'];
  args.push('--key-dir', join(dataDir, 'central'), '--db', join(dataDir, 'central.db'));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string | null>((resolve) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', () => resolve(null));
  });
  if (line === null) return null;
  const { url, token, publicKeyPem } = JSON.parse(line) as CentralLink;
  const stop = () => void child.kill('SIGTERM');
  process.once('exit', stop);
  return { link: { url, token, publicKeyPem }, stop };
}
