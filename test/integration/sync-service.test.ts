import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncStatus } from '../../electron/contract';
import { openDatabase } from '../../electron/db/connection';
import { Outbox } from '../../electron/sync/outbox';
import { SyncService } from '../../electron/sync/sync-service';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { makeTempDir } from '../support/temp-dir';
import { until } from '../support/until';

const tmp = makeTempDir('motcua-sync-service-');
let sim: CentralSim;
beforeAll(async () => {
  sim = await startCentralSim({ cases: 120, seed: 'sync-service' });
});
afterAll(async () => {
  await sim.close();
  tmp.cleanup();
});

it('sync now pulls the feed, sends queued submissions, and reports offline then recovery', async () => {
  const { db } = openDatabase(join(tmp.dir, 'k.db'), 'electron/db/migrations');
  const outbox = new Outbox(db);
  const statuses: SyncStatus[] = [];
  const service = new SyncService({ db, outbox, link: { url: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem }, onStatus: (s) => statuses.push(s), random: () => 0 });
  outbox.enqueue({ procedureCode: '1.001193', applicant: { personalNumber: '001099012345', fullName: 'Nguyễn Văn An' }, fields: { childName: 'Nguyễn Văn Bình' } });
  expect(service.current()).toMatchObject({ state: 'idle', cursor: 0, outbox: { pending: 1, attention: 0 } });

  const synced = await service.syncNow();
  const head = ((await (await fetch(`${sim.url}/v1/health`)).json()) as { seq: number }).seq;
  // The pull runs first, then the submission goes out and becomes the feed's newest change.
  expect(synced).toMatchObject({ state: 'idle', cursor: head - 1, lag: 0, progress: 1, lastError: null, outbox: { pending: 0, attention: 0 } });
  expect(outbox.counts().sent).toBe(1);
  expect(statuses.some((s) => s.state === 'syncing')).toBe(true);

  sim.setFaults({ failNext: { count: 10, status: 503, retryAfterSeconds: 60 } });
  const offline = await service.syncNow();
  expect(offline).toMatchObject({ state: 'offline', cursor: head - 1, lastError: expect.stringContaining('unavailable') });
  sim.setFaults({});
  // Back online: the case the submission made arrives with the feed.
  expect(await service.syncNow()).toMatchObject({ state: 'idle', cursor: head, lastError: null });
  await service.stop();
  db.close();
});

it('an unforeseen error in a pull is reported and retried, never leaving the machine without a next attempt', async () => {
  const { db } = openDatabase(join(tmp.dir, 'unforeseen.db'), 'electron/db/migrations');
  class DiskFullOnce extends Outbox {
    failed = false;
    override async sendDue(...args: Parameters<Outbox['sendDue']>) {
      if (!this.failed) {
        this.failed = true;
        throw new Error('SQLITE_FULL: database or disk is full');
      }
      return super.sendDue(...args);
    }
  }
  const statuses: SyncStatus[] = [];
  const service = new SyncService({ db, outbox: new DiskFullOnce(db), link: { url: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem }, onStatus: (s) => statuses.push(s), random: () => 0 });
  service.start();
  await until(() => statuses.some((s) => s.state === 'error'));
  const failed = service.current();
  expect(failed).toMatchObject({ state: 'error', lastError: expect.stringContaining('SQLITE_FULL') });
  expect(failed.nextAttemptAt).not.toBeNull();
  expect(await service.syncNow()).toMatchObject({ state: 'idle', lastError: null });
  await service.stop();
  db.close();
});
