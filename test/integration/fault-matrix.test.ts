/**
 * Faults during a full sync and during submissions. For every fault mode of the central
 * simulator (the list is faultsSchema's keys, so a new mode without a case here fails), a kiosk
 * syncs a few thousand cases from zero; the fault switches on part-way through, dossiers are
 * submitted while it is on, the service keeps retrying under it, then it switches off. Afterwards
 * nothing is lost and nothing is duplicated: the kiosk's cases are the centre's (ids, seq, data),
 * the cursor is the centre's head, every submission made exactly one central case and holds its
 * receipt, one the centre refused waits in 'attention', and each submission's audit row reached the
 * centre once, in one chain, and left the kiosk. Time is simulated (backoff and
 * Retry-After cost nothing); sizes: FAULT_MATRIX_CASES, FAULT_MATRIX_SUBMISSIONS.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../electron/contract';
import { CaseRepository } from '../../electron/db/case-repository';
import { faultsSchema, type ActiveFaults, type Faults } from '../support/central-sim/faults';
import { centralAudit, centralChainHolds } from '../support/central-audit';
import { caseDifference, centralReceiptsByApplicant, startSyncRig, type Submission } from '../support/sync-rig';
import { makeTempDir } from '../support/temp-dir';

const CASES = Number(process.env.FAULT_MATRIX_CASES ?? 3000);
const SUBMISSIONS = Number(process.env.FAULT_MATRIX_SUBMISSIONS ?? 12);
const BATCH = 500;
/** Timed beats the fault stays on after the submissions: the service retries under it. */
const FAULTY_BEATS = 3;
const START = Date.parse('2026-11-23T01:00:00.000Z');
const REFUSAL = { field: 'note', value: 'thiếu tờ khai', code: 'thieu-to-khai', message: 'Hồ sơ thiếu tờ khai theo quy định của trung tâm.' };
/** Every third submission carries the value a central rule refuses (only while refuseDossier is on). */
const refusable = (i: number): boolean => i % 3 === 0;

interface FaultCase {
  faults: Faults;
  /** The kiosk's sync state right after the fault hit mid-sync: it carries on, is offline, or rejected a batch. */
  hit: SyncStatus['state'];
  /** Answers are lost: some dossier must have been POSTed again under its key (and still made one case). */
  resends?: true;
  /** Audit answers are lost: while it is on, the centre holds entries the kiosk still holds too (to send again). */
  auditHeldTwice?: true;
}

const CASES_BY_MODE: Record<keyof ActiveFaults, FaultCase> = {
  latencyMs: { faults: { latencyMs: 25 }, hit: 'idle' },
  failNext: { faults: { failNext: { count: 6, status: 503, retryAfterSeconds: 120 } }, hit: 'offline' },
  cutAfterBytes: { faults: { cutAfterBytes: 20_000 }, hit: 'error' },
  badSignature: { faults: { badSignature: true }, hit: 'error' },
  duplicateLines: { faults: { duplicateLines: true }, hit: 'error' },
  refuseDossier: { faults: { refuseDossier: REFUSAL }, hit: 'idle' },
  drip: { faults: { drip: { bytes: 32_768, tickMs: 1 } }, hit: 'idle' },
  down: { faults: { down: true }, hit: 'offline' },
  loseDossierReply: { faults: { loseDossierReply: true }, hit: 'idle', resends: true },
  loseAuditReply: { faults: { loseAuditReply: true }, hit: 'idle', auditHeldTwice: true },
};

const tmp = makeTempDir('motcua-fault-matrix-');
const figures: Record<string, unknown>[] = [];
afterAll(() => {
  console.log(`fault matrix, ${CASES} cases and ${SUBMISSIONS} submissions per mode:\n${figures.map((f) => JSON.stringify(f)).join('\n')}`);
  tmp.cleanup();
});

describe('every central fault mode during a full sync and during submissions', { timeout: 60_000 }, () => {
  it.each(Object.keys(faultsSchema.shape))('%s: nothing lost, nothing duplicated, the queue drains', async (mode) => {
    const fault = CASES_BY_MODE[mode as keyof ActiveFaults];
    expect(fault, `no case for the fault mode '${mode}'`).toBeDefined();
    const realStart = performance.now();
    const rig = await startSyncRig({ dir: tmp.dir, name: `fault-${mode}`, cases: CASES, limit: BATCH, start: START });
    try {
      // Part-way: the first request for a second batch switches the fault on.
      let on = false;
      let requestsBefore = 0;
      rig.beforeRequest = (r) => {
        if (!on && r.path === '/v1/changes' && (r.after ?? 0) > 0) {
          on = true;
          requestsBefore = rig.requests.length;
          rig.sim.setFaults(fault.faults);
        }
      };
      await rig.runUntil(() => on);
      const hit = rig.service.current();
      expect(hit).toMatchObject({ state: fault.hit });
      expect(hit.cursor).toBeGreaterThan(0);

      const submissions: Submission[] = [];
      for (let i = 0; i < SUBMISSIONS; i++) {
        submissions.push(await rig.submit(`Người Nộp ${mode} ${i}`, { note: refusable(i) ? REFUSAL.value : 'đủ giấy tờ' }));
      }
      for (let i = 0; i < FAULTY_BEATS; i++) await rig.clock.fireNext();
      const auditHeldTwice = centralAudit(rig.sim).length > 0 && rig.service.current().audit.unshipped > 0;
      rig.sim.setFaults({});
      const requestsUnderFault = rig.requests.length - requestsBefore;
      await rig.runUntil(() => rig.caughtUp());

      // The kiosk's cases are exactly the centre's, and the cursor is its head.
      expect(caseDifference(rig.sim, rig.db)).toEqual({ missing: [], extra: [], changed: [] });
      expect(rig.service.current()).toMatchObject({ state: 'idle', cursor: rig.sim.store.lastSeq(), lag: 0, lastError: null });

      // One central case per accepted submission, its receipt stored; refused ones wait for an officer.
      const refusedExpected = mode === 'refuseDossier' ? submissions.filter((_, i) => refusable(i)) : [];
      const byApplicant = centralReceiptsByApplicant(rig.sim);
      const cases = new CaseRepository(rig.db);
      for (const s of submissions) {
        const entry = rig.outbox.get(s.id)!;
        if (refusedExpected.includes(s)) {
          expect(entry).toMatchObject({ state: 'attention', receipt: null, lastError: { status: 422, code: REFUSAL.code }, body: { fields: { note: REFUSAL.value } } });
          expect(byApplicant.get(s.fullName)).toBeUndefined();
          continue;
        }
        expect(entry.state).toBe('sent');
        expect(byApplicant.get(s.fullName)).toEqual([entry.receipt!.receiptCode]);
        expect(rig.sim.store.idempotent(s.idempotencyKey)?.reply.body).toEqual(entry.receipt);
        expect(cases.byReceiptCode(entry.receipt!.receiptCode)?.applicant.fullName).toBe(s.fullName);
      }
      expect(rig.outbox.counts()).toEqual({ pending: 0, sent: SUBMISSIONS - refusedExpected.length, attention: refusedExpected.length, superseded: 0 });
      const posts = rig.requests.filter((r) => r.idempotencyKey !== null);
      const resentKeys = new Set(posts.filter((r, i) => posts.findIndex((p) => p.idempotencyKey === r.idempotencyKey) !== i).map((r) => r.idempotencyKey)).size;
      if (fault.resends) expect(resentKeys).toBeGreaterThan(0);
      // Every submission's audit row reached the centre once, as one chain, and left the kiosk.
      expect(centralAudit(rig.sim)).toHaveLength(SUBMISSIONS);
      expect(centralChainHolds(centralAudit(rig.sim))).toBe(true);
      expect(rig.audit.verify()).toEqual({ ok: true, rows: 0, shipped: SUBMISSIONS, shippedThrough: SUBMISSIONS });
      if (fault.auditHeldTwice) expect(auditHeldTwice).toBe(true);
      figures.push({ mode, cases: cases.count(), posts: posts.length, resentKeys, requestsUnderFault, requestsTotal: rig.requests.length, simulatedMinutes: Math.round((rig.clock.ms() - START) / 60_000), realMs: Math.round(performance.now() - realStart) });
    } finally {
      await rig.close();
    }
  });
});
