/**
 * A day-long outage on a simulated clock: the centre is unreachable (every connection
 * reset) for 24 hours while the kiosk takes a submission every 10 minutes and the sync keeps
 * trying. The backoff is capped, so there is no retry storm (attempts counted per simulated hour);
 * nothing leaves the outbox; the status says offline with the last success time. When the centre
 * comes back the queue drains in order, one central case per submission, and the sync catches up.
 * Real I/O, simulated time: it runs in seconds. Size: OUTAGE_HOURS (default 24).
 */
import { afterAll, expect, it } from 'vitest';
import { CaseRepository } from '../../electron/db/case-repository';
import { SYNC_INTERVAL_MS } from '../../electron/sync/sync-service';
import { caseDifference, centralReceiptsByApplicant, startSyncRig, type KioskRequest, type Submission } from '../support/sync-rig';
import { makeTempDir } from '../support/temp-dir';

const HOUR = 3_600_000;
const OUTAGE_HOURS = Number(process.env.OUTAGE_HOURS ?? 24);
const SUBMIT_EVERY_MS = 10 * 60_000;
const START = Date.parse('2026-11-23T01:00:00.000Z');
const SUBMISSIONS_PER_HOUR = HOUR / SUBMIT_EVERY_MS;
/** The longest wait between tries while the centre is unreachable: the backoff's cap (backoff.ts). */
const MAX_BACKOFF_MS = 5 * 60_000;
/** Once capped, a wait is at least half the cap (jitter); a submission's own sync round comes on top. */
const MAX_PULLS_PER_HOUR = Math.floor(HOUR / (MAX_BACKOFF_MS / 2)) + 1 + SUBMISSIONS_PER_HOUR;
/** No wait is longer than the cap: the kiosk never stops trying. */
const MIN_PULLS_PER_HOUR = Math.floor(HOUR / MAX_BACKOFF_MS);

const tmp = makeTempDir('motcua-outage-');
afterAll(() => tmp.cleanup());

/** Requests of one kind per simulated hour from `from`, for `hours` hours. */
function perHour(requests: KioskRequest[], from: number, hours: number, kind: (r: KioskRequest) => boolean): number[] {
  const counts = Array.from({ length: hours }, () => 0);
  for (const r of requests) {
    const hour = Math.floor((r.at - from) / HOUR);
    if (kind(r) && hour >= 0 && hour < hours) counts[hour]!++;
  }
  return counts;
}

it(`a ${OUTAGE_HOURS}-hour outage: capped retries, nothing dropped, the queue drains in order when the centre is back`, { timeout: 60_000 }, async () => {
  const realStart = performance.now();
  const rig = await startSyncRig({ dir: tmp.dir, name: 'outage', cases: 500, limit: 500, start: START });
  try {
    await rig.runUntil(() => rig.caughtUp());
    const before = rig.service.current();
    expect(before.lastSuccessAt).toBe(new Date(START).toISOString());

    rig.sim.setFaults({ down: true });
    const outageStart = rig.clock.ms();
    const outageEnd = outageStart + OUTAGE_HOURS * HOUR;
    const submissions: (Submission & { at: number })[] = [];
    for (let nextSubmission = outageStart + SUBMIT_EVERY_MS; ; ) {
      const due = rig.clock.nextDue()!;
      if (nextSubmission < outageEnd && nextSubmission <= due) {
        rig.clock.advanceTo(nextSubmission);
        submissions.push({ ...(await rig.submit(`Người Chờ Mạng ${submissions.length}`)), at: nextSubmission });
        nextSubmission += SUBMIT_EVERY_MS;
      } else if (due < outageEnd) {
        await rig.clock.fireNext();
      } else {
        break;
      }
    }
    rig.clock.advanceTo(outageEnd);
    expect(submissions).toHaveLength(OUTAGE_HOURS * SUBMISSIONS_PER_HOUR - 1);

    // No retry storm, and no giving up: pulls per hour stay between what the capped backoff allows.
    const pulls = perHour(rig.requests, outageStart, OUTAGE_HOURS, (r) => r.path === '/v1/changes');
    const posts = perHour(rig.requests, outageStart, OUTAGE_HOURS, (r) => r.method === 'POST');
    const all = perHour(rig.requests, outageStart, OUTAGE_HOURS, () => true);
    for (const n of pulls.slice(1)) {
      expect(n).toBeGreaterThanOrEqual(MIN_PULLS_PER_HOUR);
      expect(n).toBeLessThanOrEqual(MAX_PULLS_PER_HOUR);
    }
    // The first hour also holds the ramp from 1 s up to the cap: ten more at most (1 s doubling reaches 5 min in nine).
    expect(pulls[0]).toBeLessThanOrEqual(MAX_PULLS_PER_HOUR + 10);
    expect(Math.max(...posts)).toBeLessThanOrEqual(pulls[0]!);

    // Nothing dropped or expired: every submission is still pending, as queued.
    expect(rig.outbox.counts()).toEqual({ pending: submissions.length, sent: 0, attention: 0, superseded: 0 });
    for (const s of submissions) {
      expect(rig.outbox.get(s.id)).toMatchObject({ state: 'pending', idempotencyKey: s.idempotencyKey, createdAt: new Date(s.at).toISOString(), body: { applicant: { fullName: s.fullName } } });
    }
    const offline = rig.service.current();
    expect(offline).toMatchObject({ state: 'offline', cursor: before.cursor, lastSuccessAt: before.lastSuccessAt, lastError: expect.stringContaining('network'), outbox: { pending: submissions.length } });
    expect(Date.parse(offline.nextAttemptAt!) - rig.clock.ms()).toBeLessThanOrEqual(MAX_BACKOFF_MS);

    // The centre comes back: one capped wait, a beat or two, and everything is through.
    rig.sim.setFaults({});
    const back = rig.clock.ms();
    const realBack = performance.now();
    const beats = await rig.runUntil(() => rig.caughtUp());
    const drainMs = rig.clock.ms() - back;
    expect(drainMs).toBeLessThanOrEqual(MAX_BACKOFF_MS + 2 * SYNC_INTERVAL_MS);

    // In order, exactly one central case each, each receipt stored and its case synced here.
    expect(rig.outbox.counts()).toEqual({ pending: 0, sent: submissions.length, attention: 0, superseded: 0 });
    const byApplicant = centralReceiptsByApplicant(rig.sim);
    const cases = new CaseRepository(rig.db);
    const seqs = submissions.map((s) => {
      const receipt = rig.outbox.get(s.id)!.receipt!;
      expect(byApplicant.get(s.fullName)).toEqual([receipt.receiptCode]);
      return cases.byReceiptCode(receipt.receiptCode)!.seq;
    });
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(caseDifference(rig.sim, rig.db)).toEqual({ missing: [], extra: [], changed: [] });
    expect(rig.service.current()).toMatchObject({ state: 'idle', cursor: rig.sim.store.lastSeq(), lag: 0, lastError: null, lastSuccessAt: rig.clock.now().toISOString() });

    console.log(JSON.stringify({
      outageHours: OUTAGE_HOURS,
      submissions: submissions.length,
      pullsPerHour: { min: Math.min(...pulls), max: Math.max(...pulls), firstHour: pulls[0] },
      postsPerHour: { min: Math.min(...posts), max: Math.max(...posts) },
      requestsPerHour: { min: Math.min(...all), max: Math.max(...all), total: all.reduce((a, b) => a + b, 0) },
      drain: { simulatedSeconds: drainMs / 1000, beats, realMs: Math.round(performance.now() - realBack) },
      realMs: Math.round(performance.now() - realStart),
    }));
  } finally {
    await rig.close();
  }
});
