/**
 * A kiosk syncing with the reference centre on a simulated clock, for the fault tests: the real
 * SyncService and Outbox on a real SQLite file, the simulator on loopback, every /v1 request the
 * kiosk makes recorded at its simulated time, and the comparisons that say whether anything was
 * lost or duplicated.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AuditRepository } from '../../electron/db/audit-repository';
import { CaseRepository } from '../../electron/db/case-repository';
import { openDatabase, type Db } from '../../electron/db/connection';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog } from '../../electron/security/audit';
import { Outbox, type DossierBody } from '../../electron/sync/outbox';
import { SyncService } from '../../electron/sync/sync-service';
import type { CaseData } from './central-sim/cases';
import { canonicalJson } from './central-sim/http-util';
import { Prng } from './central-sim/prng';
import { startCentralSim, type CentralSim } from './central-sim/server';
import { SimulatedClock } from './simulated-clock';

export interface KioskRequest {
  /** Simulated ms since the epoch. */
  at: number;
  method: string;
  path: string;
  /** The `after` of a /v1/changes request. */
  after: number | null;
  /** The Idempotency-Key of a dossier POST. */
  idempotencyKey: string | null;
}

export interface Submission {
  id: number;
  idempotencyKey: string;
  fullName: string;
}

export interface SyncRig {
  sim: CentralSim;
  db: Db;
  outbox: Outbox;
  /** The kiosk's audit log; the service ships it to the centre. */
  audit: AuditLog;
  service: SyncService;
  clock: SimulatedClock;
  requests: KioskRequest[];
  /** Told of each request before it goes out, e.g. to switch a fault on part-way through a sync. */
  beforeRequest: ((request: KioskRequest) => void) | null;
  /** Queues a dossier the way the counter does: enqueued and audited, then a sync round at once. */
  submit(fullName: string, fields?: DossierBody['fields']): Promise<Submission>;
  /** Runs the service's timed beats until `done()` holds after one; returns how many ran. */
  runUntil(done: () => boolean, maxBeats?: number): Promise<number>;
  /** Idle, cursor at the centre's head, nothing pending in the outbox, no audit row unshipped. */
  caughtUp(): boolean;
  close(): Promise<void>;
}

export interface SyncRigOptions {
  dir: string;
  name: string;
  cases: number;
  /** Changes per batch of the kiosk's pull. */
  limit: number;
  start: number;
}

export async function startSyncRig(options: SyncRigOptions): Promise<SyncRig> {
  const clock = new SimulatedClock(options.start);
  const sim = await startCentralSim({ cases: options.cases, seed: options.name, now: clock.now });
  const { db } = openDatabase(join(options.dir, `${options.name}.db`), 'electron/db/migrations');
  const outbox = new Outbox(db, clock.now);
  const requests: KioskRequest[] = [];
  const prng = new Prng(options.name);
  const rig: SyncRig = {
    sim,
    db,
    outbox,
    audit: new AuditLog(new AuditRepository(db), new SettingsRepository(db), clock.now),
    clock,
    requests,
    beforeRequest: null,
    service: new SyncService({
      db,
      outbox,
      link: { url: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem },
      onStatus: () => undefined,
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input);
        const after = url.searchParams.get('after');
        const idempotencyKey = new Headers(init?.headers).get('idempotency-key');
        const request = { at: clock.ms(), method: init?.method ?? 'GET', path: url.pathname, after: after === null ? null : Number(after), idempotencyKey };
        rig.beforeRequest?.(request);
        requests.push(request);
        return fetch(input, init);
      },
      random: () => prng.next(),
      clock,
      limit: options.limit,
      // One batch per answer: a fault switched on at a later request then hits in the middle of the sync.
      batchesPerRequest: 1,
    }),
    async submit(fullName, fields = { reason: 'Thẻ hết hạn' }) {
      const queued = outbox.enqueue({ procedureCode: 'CC.CAP-DOI', applicant: { personalNumber: '001090123456', fullName }, fields });
      rig.audit.record({ session: `rig-${queued.id}`, role: 'officer', channel: 'counter.submit', purpose: 'assisted-submission', legalBasis: 'rig', subject: '001090123456', outcome: 'ok', actor: 'officer' });
      await rig.service.syncNow();
      return { ...queued, fullName };
    },
    async runUntil(done, maxBeats = 2000) {
      for (let beats = 1; beats <= maxBeats; beats++) {
        await clock.fireNext();
        if (done()) return beats;
      }
      throw new Error(`not done after ${maxBeats} beats: ${JSON.stringify(rig.service.current())}`);
    },
    caughtUp() {
      const status = rig.service.current();
      return status.state === 'idle' && status.cursor === sim.store.lastSeq() && status.outbox.pending === 0 && status.audit.unshipped === 0;
    },
    async close() {
      await rig.service.stop();
      db.close();
      await sim.close();
    },
  };
  rig.service.start();
  return rig;
}

const fingerprint = (seq: number, data: unknown): string => `${seq}:${createHash('sha256').update(canonicalJson(data)).digest('hex')}`;

/** The centre's latest change of every case, read from its feed in seq order. */
function centralLatest(sim: CentralSim): Map<string, { seq: number; data: CaseData } | null> {
  const latest = new Map<string, { seq: number; data: CaseData } | null>();
  for (let after = 0; ; ) {
    const page = sim.store.page(after, 5000);
    if (page.length === 0) return latest;
    for (const { seq, line } of page) {
      const change = JSON.parse(line) as { type: string; op: string; id: string; data?: CaseData };
      if (change.type === 'case') latest.set(change.id, change.op === 'delete' ? null : { seq, data: change.data! });
      after = seq;
    }
  }
}

/** Every case the centre holds: id → seq and SHA-256 of its data. */
function centralCaseFingerprints(sim: CentralSim): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, c] of centralLatest(sim)) if (c) out.set(id, fingerprint(c.seq, c.data));
  return out;
}

/** Every case this kiosk holds, fingerprinted the same way. */
function localCaseFingerprints(db: Db): Map<string, string> {
  const out = new Map<string, string>();
  for (const { id, seq, ...data } of new CaseRepository(db).all()) out.set(id, fingerprint(seq, data));
  return out;
}

/** How the kiosk's cases differ from the centre's (ids, seq, data): all empty when they are equal. */
export function caseDifference(sim: CentralSim, db: Db): { missing: string[]; extra: string[]; changed: string[] } {
  const central = centralCaseFingerprints(sim);
  const local = localCaseFingerprints(db);
  return {
    missing: [...central.keys()].filter((id) => !local.has(id)),
    extra: [...local.keys()].filter((id) => !central.has(id)),
    changed: [...central].filter(([id, f]) => local.has(id) && local.get(id) !== f).map(([id]) => id),
  };
}

/** The centre's cases by applicant name: a submission's unique name must map to exactly one. */
export function centralReceiptsByApplicant(sim: CentralSim): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of centralLatest(sim).values()) {
    if (!c) continue;
    const name = c.data.applicant.fullName;
    out.set(name, [...(out.get(name) ?? []), c.data.receiptCode]);
  }
  return out;
}
