import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import type { TakenTicket } from '../../electron/contract';
import { newSession } from '../../electron/host/session';
import { startMachineHost } from '../support/hub-machines';
import { makeTempDir } from '../support/temp-dir';
import { until } from '../support/until';

const CODE = 'KILL-TEST-CODE';
const temp = makeTempDir('motcua-hub-kill-');
const hubDb = join(temp.dir, 'hub.db');
const kiosks = [startMachineHost('kiosk-a', { listen: true }), startMachineHost('kiosk-b', { listen: true })];
let hub: ChildProcess | null = null;

/** The real `motcua hub` (through tsx); resolves with its port once it prints its URL. */
async function startHubProcess(port: number): Promise<number> {
  hub = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/motcua.ts', 'hub', '--port', String(port), '--listen', '127.0.0.1', '--db', hubDb, '--pairing-code', CODE], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await new Promise<string>((resolve) => createInterface({ input: hub!.stdout! }).once('line', resolve));
  return Number(/:(\d+)$/.exec(first)![1]);
}

afterAll(async () => {
  hub?.kill('SIGKILL');
  await Promise.all(kiosks.map((k) => k.close()));
  temp.cleanup();
});

const session = newSession('kiosk');
const take = (i: number) => kiosks[i % 2]!.call<{ ticket: TakenTicket }>(session, 'queue.take', { serviceId: i % 3 === 0 ? 'can-cuoc-cu-tru' : 'ho-tich' }).then((r) => r.ticket);

describe('the hub killed mid-day', () => {
  it('loses no ticket and numbers none twice: kiosks issue from their blocks, the hub takes them back in order', async () => {
    const port = await startHubProcess(0);
    const url = `http://127.0.0.1:${port}`;
    expect((await kiosks[0]!.host.hub.join({ url, code: CODE, role: 'kiosk' })).label).toBe('K1');
    expect((await kiosks[1]!.host.hub.join({ url, code: CODE, role: 'kiosk' })).label).toBe('K2');
    const issued: TakenTicket[] = [];
    // Two kiosks at once, 30 citizens each; the hub dies without warning after the tenth pair.
    for (let i = 0; i < 30; i++) {
      if (i === 10) hub!.kill('SIGKILL');
      issued.push(...(await Promise.all([take(2 * i), take(2 * i + 1)])));
    }
    const offline = issued.filter((t) => t.offline);
    expect(offline.length).toBeGreaterThanOrEqual(38);
    expect(offline.map((t) => t.number).filter((n) => n.startsWith('K1-')).slice(0, 3)).toEqual(['K1-001', 'K1-002', 'K1-003']);
    // Numbers issued while the hub was away are called by hand when it is back; every number is unique.
    expect(new Set(issued.map((t) => t.number)).size).toBe(issued.length);

    await startHubProcess(port);
    await Promise.all(kiosks.map((k) => k.host.hub.settle()));
    await until(() => kiosks.every((k) => k.host.hub.status().state === 'online'), 10_000);
    // Numbered from the hub again after it returns: A and B continue where the hub left off.
    const after = await take(0);
    expect(after.offline).toBe(false);

    const db = new Database(hubDb, { readonly: true });
    try {
      const rows = db.prepare('SELECT number, issued_at AS issuedAt FROM tickets').all() as { number: string; issuedAt: string }[];
      const held = new Map(rows.map((r) => [r.number, r.issuedAt]));
      expect(held.size).toBe(rows.length);
      // Each ticket is on the hub once, with the time it was issued: its place in the queue is its turn.
      for (const t of [...issued, after]) expect(held.get(t.number), t.number).toBe(t.issuedAt);
    } finally {
      db.close();
    }
    expect(kiosks.map((k) => k.host.hub.status().label)).toEqual(['K1', 'K2']);
  }, 60_000);
});
