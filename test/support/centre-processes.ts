import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { MachineRole } from '../../electron/hub/pairing';
import { spawnServe } from './served-app';
import { makeTempDir } from './temp-dir';

export const CENTRE_CODE = 'E2E0-CODE-2026';

/** `motcua hub` as its own process (the built CLI) on 127.0.0.1; resolves with the URL its first line gives. */
export async function spawnHub(dbPath: string, port = 0): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/motcua.cjs', 'hub', '--port', String(port), '--listen', '127.0.0.1', '--db', dbPath, '--pairing-code', CENTRE_CODE], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`motcua hub exited with ${code}`)));
  });
  return { url: first.replace(/^hub: /, ''), child };
}

/** Waits until a served machine says it is paired with the hub (it pairs after printing its URL). */
async function paired(url: string): Promise<void> {
  const { origin, searchParams } = new URL(url);
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${origin}/api/hub.status`, { method: 'POST', headers: { authorization: `Bearer ${searchParams.get('token')}`, 'content-type': 'application/json' }, body: '{}' });
    const body = (await res.json()) as { ok: boolean; value?: { state: string } };
    if (body.value?.state !== 'unpaired') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url}: not paired with the hub`);
}

/**
 * A centre on one machine: the hub and each machine a real `motcua serve` of its own (own SQLite),
 * paired on first start with --hub/--hub-code/--role.
 */
export async function startCentre(roles: readonly MachineRole[]) {
  const temp = makeTempDir('motcua-centre-');
  const hub = await spawnHub(join(temp.dir, 'hub.db'));
  // One after the other, so the hub numbers them in this order: K1, K2, counter 1, 2 …
  const machines: { role: MachineRole; url: string; origin: string; child: ChildProcess }[] = [];
  for (const [i, role] of roles.entries()) {
    const served = await spawnServe(['--demo', '--db', join(temp.dir, `${role}-${i}.db`), '--hub', hub.url, '--hub-code', CENTRE_CODE, '--role', role]);
    machines.push({ role, url: served.url, child: served.child, origin: new URL(served.url).origin });
    await paired(served.url);
  }
  return {
    dir: temp.dir,
    hub,
    machines,
    close: async () => {
      const children = [hub.child, ...machines.map((m) => m.child)].filter((c) => c.exitCode === null && c.signalCode === null);
      await Promise.all(children.map((c) => new Promise<void>((resolve) => (c.once('exit', () => resolve()), c.kill('SIGTERM')))));
      temp.cleanup();
    },
  };
}
