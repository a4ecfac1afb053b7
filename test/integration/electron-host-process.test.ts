import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../support/temp-dir';

/**
 * The utility process's entry (electron/app/host-process.ts) with a stand-in for Electron's
 * `process.parentPort` and a real host on a real database: what the main process would see.
 */
type Message = { t: string; [key: string]: unknown };
const fromHost: Message[] = [];
const listeners: ((e: { data: unknown }) => void)[] = [];
const parentPort = {
  postMessage: (message: Message) => fromHost.push(message),
  on: (_event: 'message', listener: (e: { data: unknown }) => void) => listeners.push(listener),
  once: (_event: 'message', listener: (e: { data: unknown }) => void) => {
    const once = (e: { data: unknown }) => {
      listeners.splice(listeners.indexOf(once), 1);
      listener(e);
    };
    listeners.push(once);
  },
};
const send = (data: unknown) => [...listeners].forEach((l) => l({ data }));
const answer = (pred: (m: Message) => boolean) => vi.waitFor(() => fromHost.find(pred) ?? Promise.reject(new Error('no answer yet')), { timeout: 20_000 });

const tmp = makeTempDir('motcua-host-process-');
afterAll(() => tmp.cleanup());

describe('host process', () => {
  it('starts the host from its init message, says its state, answers calls, seals with the host key and ends on close', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    Object.assign(process, { parentPort });
    await import('../../electron/app/host-process');
    const dbPath = join(tmp.dir, 'motcua.db');
    const hostKey = randomBytes(32).toString('base64');
    send({ t: 'init', appRoot: process.cwd(), dbPath, demo: true, version: 'test', provisioningDirs: [], hostKey });

    expect(await answer((m) => m.t === 'state')).toEqual({ t: 'state', updateUrl: null, servingCitizen: false });
    send({ t: 'call', id: 7, session: { id: 's1', role: 'kiosk' }, channel: 'app.info', input: {} });
    expect(await answer((m) => m.t === 'result' && m.id === 7)).toMatchObject({ result: { ok: true, value: { transport: 'electron', demo: true } } });
    // A personal-data call: its audit row needs the subject key, which the host makes and seals.
    send({ t: 'call', id: 8, session: { id: 's1', role: 'kiosk' }, channel: 'citizen.open', input: { personalNumber: '001087012345', birthDate: '1987-01-10', source: 'typed' } });
    await answer((m) => m.t === 'result' && m.id === 8);

    send({ t: 'close' });
    await answer((m) => m.t === 'closed');
    expect(exit).toHaveBeenCalledWith(0);
    // Secrets the host sealed (the audit's subject key) are under the host key: the OS keyring's kind.
    // The database's own key is sealed the same way: it opens with the host key's store.
    const { openDatabaseFile } = await import('../../electron/db/connection');
    const { hostKeySecretStore } = await import('../../electron/security/secret-store');
    const db = openDatabaseFile(dbPath, { readonly: true, secrets: hostKeySecretStore(Buffer.from(hostKey, 'base64')) });
    const sealed = db.prepare("SELECT value FROM settings WHERE value LIKE 'os:%' OR value LIKE 'key-file:%'").all() as { value: string }[];
    db.close();
    expect(sealed.length).toBeGreaterThan(0);
    expect(sealed.every((row) => row.value.startsWith('os:'))).toBe(true);
    exit.mockRestore();
  }, 60_000);
});
