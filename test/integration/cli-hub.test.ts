import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient, pairWithHub } from '../../electron/hub/hub-client';
import { newDeviceKey } from '../support/hub-rig';
import { makeTempDir } from '../support/temp-dir';

const temp = makeTempDir('motcua-cli-hub-');
afterEach(() => temp.cleanup());

describe('motcua hub', () => {
  it('prints its URL as the first line, then the pairing code; machines pair with that code', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/motcua.ts', 'hub', '--port', '0', '--listen', '127.0.0.1', '--db', join(temp.dir, 'hub.db'), '--pairing-code', 'ABCD-EFGH-JKLM'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines: string[] = [];
      const lineReader = createInterface({ input: child.stdout });
      await new Promise<void>((resolve) => lineReader.on('line', (line) => lines.push(line) === 2 && resolve()));
      expect(lines[0]).toMatch(/^hub: http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toContain('ABCD-EFGH-JKLM');
      const url = lines[0]!.slice('hub: '.length);
      const key = newDeviceKey();
      const link = await pairWithHub(url, 'abcd efgh jklm', 'kiosk', key);
      const { ticket } = await new HubClient({ link, key }).call<{ ticket: { number: string } }>('take', { serviceId: 'ho-tich' });
      expect(ticket.number).toBe('A001');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses a missing --db or a bad --port', async () => {
    const run = (...args: string[]) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, ['--import', 'tsx', 'electron/cli/motcua.ts', 'hub', ...args], { stdio: 'ignore' }).on('exit', resolve));
    expect(await run('--port', '0')).toBe(1);
    expect(await run('--port', 'x', '--db', join(temp.dir, 'h.db'))).toBe(1);
    // Two cold starts of the TypeScript CLI: over 2 s each on a loaded machine.
  }, 30_000);
});
