/**
 * Retention: the host purges right after it starts and then once a day, on its clock (a
 * fake one here); each run that removed something is one audit entry; closing the host stops it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../electron/db/audit-repository';
import { createHost, type Host } from '../../electron/host/create-host';
import { RETENTION_INTERVAL_MS } from '../../electron/security/retention';
import { SimulatedClock } from '../support/simulated-clock';
import { makeTempDir } from '../support/temp-dir';

const START = new Date('2026-11-20T03:00:00.000Z');
const DAY = RETENTION_INTERVAL_MS;

let tmp: ReturnType<typeof makeTempDir>;
let host: Host | undefined;
let clock: SimulatedClock;
let lines: string[];

beforeEach(() => {
  tmp = makeTempDir('motcua-retention-schedule-');
  clock = new SimulatedClock(START.getTime());
  lines = [];
  host = createHost({
    appRoot: process.cwd(),
    dbPath: join(tmp.dir, 'motcua.db'),
    demo: true,
    transport: 'browser',
    version: 'test',
    devices: false,
    sync: false,
    retentionClock: clock,
    log: (line) => lines.push(line),
  });
});
afterEach(async () => {
  await host?.close();
  tmp.cleanup();
});

/** A draft left behind (neither printed nor submitted) as a crash would leave it, last written at `at`. */
function leftDraft(id: string, at: Date): void {
  host!.db
    .prepare(`INSERT INTO drafts (id, session, subject, form_id, status, data, created_at, updated_at) VALUES (?, 's', 'hmac', 'cc01', 'draft', '{}', ?, ?)`)
    .run(id, at.toISOString(), at.toISOString());
}
const drafts = () => host!.db.prepare('SELECT id FROM drafts ORDER BY id').pluck().all();
const purgeEntries = () => new AuditRepository(host!.db).all().filter((r) => r.channel === 'retention.purge');

describe('the retention schedule', () => {
  it('runs right after start, then every 24 hours, each run logged and audited when it removed something', async () => {
    leftDraft('crash-1', new Date(START.getTime() - 3 * DAY));
    expect(lines).toEqual([]); // the host comes up first
    expect(clock.nextDue()).toBe(START.getTime());
    await clock.fireNext();
    expect(drafts()).toEqual([]);
    expect(lines).toEqual(['retention: consents=0 drafts=1 sentBodiesReduced=0 otherCentreCases=0 closedCases=0']);
    expect(clock.nextDue()).toBe(START.getTime() + DAY);

    // A draft left an hour after start is 23 hours old at the next run: kept; the run after takes it.
    leftDraft('crash-2', new Date(START.getTime() + 3_600_000));
    await clock.fireNext();
    expect(drafts()).toEqual(['crash-2']);
    await clock.fireNext();
    expect(drafts()).toEqual([]);
    expect(clock.ms()).toBe(START.getTime() + 2 * DAY);
    expect(lines).toHaveLength(3);
    // Two runs removed a draft, the one between removed nothing: two audit entries.
    expect(purgeEntries().map((r) => r.outcome)).toEqual(Array(2).fill('consents=0 drafts=1 sentBodiesReduced=0 otherCentreCases=0 closedCases=0'));
  });

  it('stops with the host: no timer left behind', async () => {
    await clock.fireNext();
    expect(clock.nextDue()).not.toBeNull();
    await host!.close();
    host = undefined;
    expect(clock.nextDue()).toBeNull();
  });
});
