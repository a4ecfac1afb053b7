/**
 * The host's writer thread, on its own connection to the encrypted file: the sync's pull there
 * brings the feed whole with its cursor and progress while the host's connection writes meanwhile
 * (one writer at a time, both kept), the case index catches up there, and a refused batch leaves
 * the cursor where it was.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SyncStatus } from '../../electron/contract';
import { CaseRepository } from '../../electron/db/case-repository';
import { CaseSearch } from '../../electron/db/case-search';
import { openDatabase } from '../../electron/db/connection';
import { Outbox } from '../../electron/sync/outbox';
import { SyncService } from '../../electron/sync/sync-service';
import { startWriterThread } from '../../electron/host/writer-thread';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { makeTempDir } from '../support/temp-dir';
import { until } from '../support/until';

const WORKER = join(process.cwd(), 'test', 'support', 'writer-worker.cjs');
const CASES = 3000;
const tmp = makeTempDir('motcua-writer-thread-');
let sim: CentralSim;
beforeAll(async () => {
  sim = await startCentralSim({ cases: CASES, seed: 'pull-thread' });
});
afterAll(async () => {
  await sim.close();
  tmp.cleanup();
});

const head = async () => ((await (await fetch(`${sim.url}/v1/health`)).json()) as { seq: number }).seq;

it('pulls the whole feed and indexes it in the writer thread while the host writes on its own connection', async () => {
  const { db } = openDatabase(join(tmp.dir, 'k.db'), 'electron/db/migrations');
  const errors: unknown[] = [];
  const writer = startWriterThread(WORKER, db, (e) => errors.push(e));
  const outbox = new Outbox(db);
  const statuses: SyncStatus[] = [];
  const link = { url: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem };
  const service = new SyncService({ db, outbox, link, onStatus: (s) => statuses.push(s), limit: 500, pull: writer.pull });
  const before = await head();
  const pulling = service.syncNow();
  // The host's own writes while the worker writes the feed: each waits for the other's short transaction.
  for (let i = 0; i < 20; i++) {
    outbox.enqueue({ procedureCode: '1.001193', applicant: { personalNumber: '001099012345', fullName: 'Nguyễn Văn An' }, fields: { n: String(i) } });
    await new Promise((r) => setTimeout(r, 5));
  }
  const synced = await pulling;
  // The submissions go out after the pull, on the same beat, and become the feed's newest changes.
  expect(synced).toMatchObject({ state: 'idle', cursor: before, lastError: null, outbox: { pending: 0, attention: 0 } });
  expect(new CaseRepository(db).count()).toBe(CASES);
  expect(outbox.counts().sent).toBe(20);
  expect(await head()).toBe(before + 20);
  // Progress came batch by batch from the worker, the cursor only ever moving on.
  const cursors = statuses.map((s) => s.cursor);
  expect(new Set(cursors).size).toBeGreaterThan(CASES / 500);
  expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
  // The writer thread's index driver made every case searchable by name; the host's search finds one.
  const search = CaseSearch.of(db);
  await until(() => search.status().complete, 60_000);
  const one = new CaseRepository(db).all()[0]!;
  expect(search.search(one.applicant.fullName, { limit: 100 }).map((h) => h.receiptCode)).toContain(one.receiptCode);
  expect(errors).toEqual([]);
  await service.stop();
  await writer.close();
  db.close();
}, 120_000);

it('a batch the worker refuses leaves the cursor and the data as they were, and says why', async () => {
  const { db } = openDatabase(join(tmp.dir, 'refused.db'), 'electron/db/migrations');
  const writer = startWriterThread(WORKER, db, () => undefined);
  const other = await startCentralSim({ cases: 10, seed: 'another-centre' });
  try {
    const result = await writer.pull({ db, baseUrl: sim.url, token: sim.token, publicKeyPem: other.publicKeyPem });
    expect(result).toMatchObject({ ok: false, cursor: 0, applied: 0, error: { kind: 'rejected', reason: 'bad-signature' } });
    expect(new CaseRepository(db).count()).toBe(0);
  } finally {
    await other.close();
    await writer.close();
    db.close();
  }
}, 60_000);
