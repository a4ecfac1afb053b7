import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/db/connection';
import { CaseRepository } from '../../electron/db/case-repository';
import { pullOnce } from '../../electron/sync/central-client';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import type { Faults } from '../support/central-sim/faults';
import { makeTempDir } from '../support/temp-dir';

// The client against the reference simulator on a bad day: every fault leaves the kiosk's data
// as it was (nothing half-applied), and the next pull without the fault completes.
const tmp = makeTempDir('motcua-sync-faults-');
let sim: CentralSim;
let n = 0;
beforeAll(async () => {
  sim = await startCentralSim({ cases: 150, seed: 'faults' });
});
afterAll(async () => {
  await sim.close();
  tmp.cleanup();
});

const freshDb = (): Db => openDatabase(join(tmp.dir, `k${n++}.db`), 'electron/db/migrations').db;
const pull = (db: Db) => pullOnce({ db, baseUrl: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem, limit: 50 });

describe('pulling from a faulty centre', { timeout: 30_000 }, () => {
  it.each<[string, Faults, Record<string, unknown>]>([
    ['a connection cut mid-batch', { cutAfterBytes: 3000 }, { kind: 'rejected', reason: 'truncated' }],
    ['a bad signature', { badSignature: true }, { kind: 'rejected', reason: 'bad-signature' }],
    ['a duplicated line', { duplicateLines: true }, { kind: 'rejected', reason: 'seq-order' }],
    ['503 with Retry-After', { failNext: { count: 1, status: 503, retryAfterSeconds: 7 } }, { kind: 'unavailable', retryAfterSeconds: 7 }],
    ['429 with Retry-After', { failNext: { count: 1, status: 429, retryAfterSeconds: 3 } }, { kind: 'rate-limited', retryAfterSeconds: 3 }],
  ])('%s: nothing applied, the error recorded, and the next pull completes', async (_name, faults, error) => {
    const db = freshDb();
    sim.setFaults(faults);
    const failed = await pull(db);
    sim.setFaults({});
    expect(failed).toMatchObject({ ok: false, error, cursor: 0 });
    expect(new CaseRepository(db).count()).toBe(0);
    const done = await pull(db);
    expect(done).toMatchObject({ ok: true });
    expect(new CaseRepository(db).count()).toBe(150);
    db.close();
  });

  it('a slow drip still arrives whole', async () => {
    const db = freshDb();
    sim.setFaults({ drip: { bytes: 4096, tickMs: 1 } });
    const result = await pull(db);
    sim.setFaults({});
    expect(result).toMatchObject({ ok: true });
    expect(new CaseRepository(db).count()).toBe(150);
    db.close();
  });
});
