/**
 * Audit shipping: the kiosk ships its audit log to the reference centre on loopback
 * (POST /v1/audit) on the sync beat and keeps only the unshipped tail. Shipped rows leave the
 * database, the chain held here verifies from the anchor, the centre's copy verifies as one chain,
 * and nothing is lost or kept twice when an answer is lost, the centre is down, or it refuses a
 * chain that does not continue its own (then nothing is deleted, and the sync status and the
 * doctor say so in Vietnamese and English).
 */
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../electron/contract';
import { AuditRepository } from '../../electron/db/audit-repository';
import { backupDatabase } from '../../electron/db/backup';
import { keyFileSecretStore } from '../../electron/security/secret-store';
import { openDatabase } from '../../electron/db/connection';
import { newSession } from '../../electron/host/session';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog, rowHash } from '../../electron/security/audit';
import { AUDIT_BATCH, AuditShipper } from '../../electron/sync/audit-shipper';
import { centralAudit, centralChainHolds } from '../support/central-audit';
import { hostCall, startHostWithCentral } from '../support/host-with-central';
import { runMotcua } from '../support/run-cli';
import { startCentralSim } from '../support/central-sim/server';
import { startSyncRig, type SyncRig } from '../support/sync-rig';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir('motcua-audit-shipping-');
afterAll(() => tmp.cleanup());

let rig: SyncRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const start = async (name: string): Promise<SyncRig> => (rig = await startSyncRig({ dir: tmp.dir, name, cases: 20, limit: 500, start: Date.parse('2026-11-24T01:00:00.000Z') }));

/** `n` uses of personal data, as the router records a kiosk's calls. */
function record(r: SyncRig, n: number, session = 'kiosk-1'): void {
  for (let i = 0; i < n; i++) {
    r.audit.record({ session, role: 'kiosk', channel: 'proactive.reminders', purpose: 'proactive-services', legalBasis: 'Luật Căn cước 2023, Điều 21', subject: '001099012345', outcome: 'ok' });
  }
}

const local = (r: SyncRig) => new AuditRepository(r.db).all();
const auditPosts = (r: SyncRig) => r.requests.filter((q) => q.path === '/v1/audit').length;

describe('the audit log ships to the centre', () => {
  it('in batches of 500: shipped rows go, the chain held here starts at the anchor, the centre holds it whole', async () => {
    const r = await start('ship');
    record(r, 1203);
    await r.service.syncNow();
    expect(local(r)).toEqual([]);
    expect(auditPosts(r)).toBe(3);
    expect(r.audit.verify()).toEqual({ ok: true, rows: 0, shipped: 1203, shippedThrough: 1203 });
    expect(r.service.current().audit).toEqual({ unshipped: 0, shipped: 1203, shippedThrough: 1203, error: null });
    const central = centralAudit(r.sim);
    expect(central.map((e) => e.id)).toEqual(Array.from({ length: 1203 }, (_, i) => i + 1));
    expect(centralChainHolds(central)).toBe(true);

    // Appended after the prune: the ids go on and the chain continues from the anchor.
    record(r, 2);
    const [next] = local(r);
    expect(next).toMatchObject({ id: 1204, prev_hash: central.at(-1)!.hash });
    expect(r.audit.verify()).toEqual({ ok: true, rows: 2, shipped: 1203, shippedThrough: 1203 });
    await r.service.syncNow();
    expect(centralAudit(r.sim)).toHaveLength(1205);
    expect(centralChainHolds(centralAudit(r.sim))).toBe(true);
    expect(r.audit.verify()).toEqual({ ok: true, rows: 0, shipped: 1205, shippedThrough: 1205 });
  });

  it('a lost answer: the rows stay, are sent again, and the centre keeps them once', async () => {
    const r = await start('lost');
    r.sim.setFaults({ loseAuditReply: true });
    record(r, 10);
    await r.service.syncNow();
    expect(local(r)).toHaveLength(10);
    expect(centralAudit(r.sim)).toHaveLength(10);
    // Waiting for a reply is no refusal: nothing for the technician.
    expect(r.service.current().audit).toEqual({ unshipped: 10, shipped: 0, shippedThrough: 0, error: null });
    r.sim.setFaults({});
    record(r, 3);
    await r.runUntil(() => r.caughtUp());
    expect(auditPosts(r)).toBeGreaterThanOrEqual(2);
    expect(local(r)).toEqual([]);
    expect(centralAudit(r.sim).map((e) => e.id)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(centralChainHolds(centralAudit(r.sim))).toBe(true);
  });

  it('the centre down: rows accumulate, then ship in order when it is back', async () => {
    const r = await start('down');
    r.sim.setFaults({ down: true });
    record(r, 7);
    await r.service.syncNow();
    record(r, 4);
    await r.clock.fireNext();
    expect(r.service.current()).toMatchObject({ state: 'offline', audit: { unshipped: 11, shipped: 0, error: null } });
    expect(r.audit.verify()).toMatchObject({ ok: true, rows: 11 });
    r.sim.setFaults({});
    await r.runUntil(() => r.caughtUp());
    expect(local(r)).toEqual([]);
    expect(centralAudit(r.sim)).toHaveLength(11);
    expect(centralChainHolds(centralAudit(r.sim))).toBe(true);
  });

  it('a technician\'s "sync now" after a failure ships at once, not after the shipper\'s backoff', async () => {
    const r = await start('now');
    r.sim.setFaults({ down: true });
    record(r, 3);
    await r.service.syncNow();
    expect(r.service.current().audit).toMatchObject({ unshipped: 3, shipped: 0 });
    r.sim.setFaults({});
    await r.service.retryNow();
    expect(r.service.current().audit).toMatchObject({ unshipped: 0, shipped: 3 });
    expect(centralAudit(r.sim)).toHaveLength(3);
  });

  it('a row altered before shipping: the centre refuses the batch (409), nothing is deleted, the status says why', async () => {
    const r = await start('tampered');
    record(r, 5);
    r.db.prepare("UPDATE audit_log SET outcome = 'hidden' WHERE id = 3").run();
    await r.service.syncNow();
    expect(local(r)).toHaveLength(5);
    expect(centralAudit(r.sim)).toEqual([]);
    expect(r.service.current().audit).toEqual({ unshipped: 5, shipped: 0, shippedThrough: 0, error: { code: 'AUDIT_CHAIN_BREAK', message: ERROR_MESSAGES.AUDIT_CHAIN_BREAK } });
    expect(r.audit.verify()).toEqual({ ok: false, brokenAt: 3 });
  });

  it('a kiosk restored from a backup older than its last shipment: the centre refuses its new rows, the kiosk keeps them', async () => {
    const r = await start('restored');
    record(r, 5);
    const backup = join(tmp.dir, 'restored-backup.db');
    await backupDatabase(r.db, backup, Number.MAX_SAFE_INTEGER, keyFileSecretStore(tmp.dir));
    record(r, 5);
    await r.service.syncNow();
    expect(centralAudit(r.sim)).toHaveLength(10);

    const { db } = openDatabase(backup, 'electron/db/migrations');
    try {
      const restored = new AuditLog(new AuditRepository(db), new SettingsRepository(db));
      restored.record({ session: 'after-restore', role: 'kiosk', channel: 'citizen.open', purpose: 'identification', legalBasis: 'x', subject: null, outcome: 'ok' });
      const shipper = new AuditShipper(db);
      const summary = await shipper.shipDue({ baseUrl: r.sim.url, token: r.sim.token });
      expect(summary).toMatchObject({ shipped: 0, requests: 1, error: { kind: 'chain-break', status: 409, code: 'audit-chain-break' } });
      expect(shipper.status()).toMatchObject({ unshipped: 6, shipped: 0, error: { code: 'AUDIT_CHAIN_BREAK' } });
      expect(centralAudit(r.sim)).toHaveLength(10);
    } finally {
      db.close();
    }
  });
});

describe('a machine registered again', () => {
  it('carries its chain on at the centre; a first batch that continues no chain held there is refused', async () => {
    const sim = await startCentralSim({ cases: 1, enrolmentCodes: ['E-1', 'E-2', 'E-3'] });
    const { db } = openDatabase(join(tmp.dir, 'reregistered.db'), 'electron/db/migrations');
    try {
      const register = async (enrolmentCode: string): Promise<{ deviceId: string; token: string }> => {
        const publicKeyPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
        const res = await fetch(`${sim.url}/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ publicKeyPem, centreCode: 'HN-01', role: 'kiosk', enrolmentCode }) });
        return (await res.json()) as { deviceId: string; token: string };
      };
      const log = new AuditLog(new AuditRepository(db), new SettingsRepository(db));
      const use = () => log.record({ session: 's', role: 'kiosk', channel: 'citizen.open', purpose: 'identification', legalBasis: 'x', subject: null, outcome: 'ok' });
      const first = await register('E-1');
      use();
      use();
      expect(await new AuditShipper(db).shipDue({ baseUrl: sim.url, token: first.token })).toMatchObject({ shipped: 2, error: null });

      const second = await register('E-2');
      use();
      expect(await new AuditShipper(db).shipDue({ baseUrl: sim.url, token: second.token })).toMatchObject({ shipped: 1, error: null });
      expect(centralAudit(sim, second.deviceId).map((e) => e.id)).toEqual([1, 2, 3]);
      expect(centralChainHolds(centralAudit(sim, second.deviceId))).toBe(true);

      // Another machine with a chain of its own that this centre never saw the start of.
      const stranger = await register('E-3');
      const e = { ...centralAudit(sim, second.deviceId)[2]!, id: 9, prevHash: 'b'.repeat(64) };
      const hash = rowHash({ at: e.at, session: e.session, role: e.role, channel: e.channel, purpose: e.purpose, legal_basis: e.legalBasis, subject: e.subject, outcome: e.outcome, actor: e.actor, target: e.target, assurance: e.assurance, prev_hash: e.prevHash });
      const refused = await fetch(`${sim.url}/v1/audit`, { method: 'POST', headers: { authorization: `Bearer ${stranger.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ entries: [{ ...e, hash }] }) });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/neither starts a chain nor continues one/);
      expect(centralAudit(sim, stranger.deviceId)).toEqual([]);
    } finally {
      db.close();
      await sim.close();
    }
  });
});

describe('verifying the chain held here, from the anchor', () => {
  /** 8 rows shipped, then rows 9–12 held here. */
  async function shippedThenHeld(name: string): Promise<SyncRig> {
    const r = await start(name);
    record(r, 8);
    await r.service.syncNow();
    record(r, 4);
    expect(r.audit.verify()).toEqual({ ok: true, rows: 4, shipped: 8, shippedThrough: 8 });
    return r;
  }

  it.each([
    ['the first unshipped row deleted', 'DELETE FROM audit_log WHERE id = 9', 10],
    ['a middle unshipped row deleted', 'DELETE FROM audit_log WHERE id = 10', 11],
    ['an unshipped row altered', "UPDATE audit_log SET purpose = 'marketing' WHERE id = 11", 11],
    ['the anchor altered', `UPDATE audit_shipping SET through_hash = '${'e'.repeat(64)}'`, 9],
    ['the anchor deleted', 'DELETE FROM audit_shipping', 9],
  ])('%s: the break is found', async (what, sql, brokenAt) => {
    const r = await shippedThenHeld(what.replace(/\W+/g, '-'));
    r.db.prepare(sql).run();
    expect(r.audit.verify()).toEqual({ ok: false, brokenAt });
  });

  it('motcua audit verify says how many entries were shipped through which row', async () => {
    const r = await shippedThenHeld('cli');
    const path = r.db.name;
    await r.close();
    rig = undefined;
    const json = await runMotcua('audit', 'verify', '--db', path, '--json');
    expect(JSON.parse(json.stdout)).toEqual({ ok: true, rows: 4, shipped: 8, shippedThrough: 8 });
    const text = await runMotcua('audit', 'verify', '--db', path);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/4 dòng; 8 dòng đã gửi về trung tâm, đến dòng 8 .*4 rows checked; 8 entries shipped to the centre, through row 8/);
  });
});

describe('the app host', () => {
  it('ships a full batch at once between beats, so the rows held here stay under one request', async () => {
    const running = await startHostWithCentral('audit-busy', { sync: true });
    try {
      const call = hostCall(() => running.host);
      const rows = () => new AuditRepository(running.host.db).unshippedCount();
      // The first beat runs at start; after it the next is 30 s away, longer than this test.
      await expect.poll(() => running.host.router.dispatch(newSession('officer'), 'sync.status', {}).then((r) => r.ok && (r.value as { lastSuccessAt: string | null }).lastSuccessAt)).toBeTruthy();
      const before = centralAudit(running.sim).length;
      for (let i = 0; i < 3 * AUDIT_BATCH; i++) await call(newSession('kiosk'), 'citizen.open', { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' });
      await expect.poll(rows).toBeLessThan(AUDIT_BATCH);
      expect(centralAudit(running.sim).length - before).toBeGreaterThan(2 * AUDIT_BATCH);
      expect(centralChainHolds(centralAudit(running.sim))).toBe(true);
      expect(running.host.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await running.close();
    }
  });

  it('ships on sync.now, and its doctor names a chain break in Vietnamese and English', async () => {
    const running = await startHostWithCentral('audit-doctor');
    try {
      const call = hostCall(() => running.host);
      await call(newSession('kiosk'), 'citizen.open', { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' });
      const held = new AuditRepository(running.host.db).unshippedCount();
      expect(held).toBeGreaterThan(0);
      const status = await call<{ audit: unknown }>(newSession('officer'), 'sync.now', {});
      expect(status.audit).toEqual({ unshipped: 0, shipped: held, shippedThrough: held, error: null });
      expect(centralAudit(running.sim).length).toBe(held);

      // Another copy of this kiosk's history reaches the centre first: this kiosk's next rows no longer continue it.
      running.sim.store.transaction(() => running.sim.store.appendAudit('operator', held + 1, 'a'.repeat(64), '{}'));
      await call(newSession('kiosk'), 'citizen.open', { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' });
      const refused = await call<{ audit: { error: { code: string } | null; unshipped: number } }>(newSession('officer'), 'sync.now', {});
      expect(refused.audit).toMatchObject({ unshipped: 1, error: { code: 'AUDIT_CHAIN_BREAK' } });
      const doctor = await call<{ audit: unknown; problems: string[] }>(newSession('technician'), 'diagnostics.doctor', {});
      expect(doctor.audit).toEqual({ unshipped: 1, shipped: held, shippedThrough: held, error: 'AUDIT_CHAIN_BREAK' });
      expect(doctor.problems).toContain(`audit: ${ERROR_MESSAGES.AUDIT_CHAIN_BREAK.vi} / ${ERROR_MESSAGES.AUDIT_CHAIN_BREAK.en}`);
    } finally {
      await running.close();
    }
  });
});
