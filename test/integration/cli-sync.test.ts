import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { runMotcua } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

// The real `motcua sync` and `motcua db stats` processes against the real simulator on loopback.
const tmp = makeTempDir('motcua-cli-sync-');
let sim: CentralSim;
let keyFile: string;


beforeAll(async () => {
  sim = await startCentralSim({ cases: 300, seed: 'cli-sync' });
  keyFile = join(tmp.dir, 'central-public.pem');
  writeFileSync(keyFile, sim.publicKeyPem);
});
afterAll(async () => {
  await sim.close();
  tmp.cleanup();
});

describe('motcua sync and db stats', { timeout: 30_000 }, () => {
  it('--once drains the feed (exit 0) and db stats shows every case and the cursor at the feed head', async () => {
    const db = join(tmp.dir, 'kiosk.db');
    const sync = await runMotcua('sync', '--central', sim.url, '--token', sim.token, '--central-key', keyFile, '--db', db, '--once');
    expect(sync.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(sync.status).toBe(0);
    const head = ((await (await fetch(`${sim.url}/v1/health`)).json()) as { seq: number }).seq;
    const stats = await runMotcua('db', 'stats', '--db', db, '--json');
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ schemaVersion: expect.any(Number), counts: { cases: 300 }, cursor: head, outbox: { pending: 0, sent: 0, attention: 0 } });
    // Again: nothing new, nothing duplicated.
    expect((await runMotcua('sync', '--central', sim.url, '--token', sim.token, '--central-key', keyFile, '--db', db, '--once')).status).toBe(0);
    expect(JSON.parse((await runMotcua('db', 'stats', '--db', db, '--json')).stdout).counts.cases).toBe(300);
  });

  it('a feed signed by another key is refused with a one-line reason, exit 1, and nothing is applied', async () => {
    const db = join(tmp.dir, 'wrong-key.db');
    const otherKey = join(tmp.dir, 'other.pem');
    writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const sync = await runMotcua('sync', '--central', sim.url, '--token', sim.token, '--central-key', otherKey, '--db', db, '--once');
    expect(sync.status).toBe(1);
    const reason = sync.stderr.split('\n').filter((l) => l.startsWith('motcua sync:'));
    expect(reason).toEqual([expect.stringContaining('bad-signature')]);
    expect(JSON.parse((await runMotcua('db', 'stats', '--db', db, '--json')).stdout)).toMatchObject({ counts: { cases: 0 }, cursor: 0 });
  });

  it('--role kiosk is stored (db stats shows it) and the cases are kept without applicant; without --role the stored role holds; --role counter pulls whole cases again', async () => {
    const db = join(tmp.dir, 'role.db');
    const sync = (...role: string[]) => runMotcua('sync', '--central', sim.url, '--token', sim.token, '--central-key', keyFile, '--db', db, ...role, '--once');
    expect((await runMotcua('db', 'stats', '--db', db, '--json')).stdout).toContain('"role":null');
    expect((await sync('--role', 'kiosk')).status).toBe(0);
    expect(JSON.parse((await runMotcua('db', 'stats', '--db', db, '--json')).stdout)).toMatchObject({ role: 'kiosk', counts: { cases: 300 } });
    const { fullName } = (JSON.parse(sim.store.page(0, 100).find((r) => r.line.includes('"type":"case"'))!.line) as { data: { applicant: { fullName: string } } }).data.applicant;
    const byName = async () => (JSON.parse((await runMotcua('search', '--db', db, '--query', fullName, '--json')).stdout) as { cases: unknown[] }).cases;
    expect(await byName()).toEqual([]);
    expect((await sync()).status).toBe(0);
    expect(JSON.parse((await runMotcua('db', 'stats', '--db', db, '--json')).stdout).role).toBe('kiosk');
    const counter = await sync('--role', 'counter');
    expect(counter.status).toBe(0);
    expect(counter.stdout).toContain('pulled again from the start');
    expect(JSON.parse((await runMotcua('db', 'stats', '--db', db, '--json')).stdout)).toMatchObject({ role: 'counter', counts: { cases: 300 } });
    expect(await byName()).toContainEqual(expect.objectContaining({ applicantName: fullName }));
    expect((await sync('--role', 'hall')).status).toBe(2);
  });

  it('a wrong token is refused with exit 1', async () => {
    const sync = await runMotcua('sync', '--central', sim.url, '--token', 'nope', '--central-key', keyFile, '--db', join(tmp.dir, 't.db'), '--once');
    expect(sync.status).toBe(1);
    expect(sync.stderr).toMatch(/motcua sync: unauthorized/);
  });
});
