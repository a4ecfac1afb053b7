import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../electron/host/router';
import { newSession } from '../../electron/host/session';
import type { AuditEntry } from '../../electron/security/audit';

// Power loss (issue 9): a call's work and its audit row commit together when the handler is
// synchronous, so no crash can keep the one without the other. A real SQLite file holds both.

const CITIZEN = { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' as const };
const IDENTITY = { personalNumber: '001099012345', provinceCode: '001', provinceName: 'Hà Nội', sex: 'male' as const, birthDate: '1999-05-01', age: 27 };

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE work (what TEXT); CREATE TABLE audit (channel TEXT)');
});
afterEach(() => db.close());

const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function routerWith(open: Handlers['citizen.open'], record: (entry: AuditEntry) => void) {
  return createRouter({ handlers: { 'citizen.open': open } as Handlers, audit: { record }, transaction: (work) => db.transaction(work).immediate() });
}
const written = (entry: AuditEntry) => void db.prepare('INSERT INTO audit VALUES (?)').run(entry.channel);

describe('the router: a call and its audit row in one transaction', () => {
  it('a synchronous handler: if the audit row cannot be written, neither is the work', async () => {
    const router = routerWith(
      () => {
        db.prepare("INSERT INTO work VALUES ('opened')").run();
        return { identity: IDENTITY, fullName: null };
      },
      () => {
        throw new Error('disk I/O error');
      },
    );
    await expect(router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN)).rejects.toThrow('disk I/O error');
    expect(count('work')).toBe(0);
  });

  it('a synchronous handler that fails keeps what it wrote before failing, with its audit row', async () => {
    const router = routerWith(() => {
      db.prepare("INSERT INTO work VALUES ('half')").run();
      throw new Error('boom');
    }, written);
    expect(await router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect([count('work'), count('audit')]).toEqual([1, 1]);
  });

  it('an async handler: its writes before the first await are committed while it waits, not held in a transaction', async () => {
    let resume = () => {};
    const router = routerWith(async () => {
      db.prepare("INSERT INTO work VALUES ('queued')").run();
      await new Promise<void>((r) => (resume = r));
      return { identity: IDENTITY, fullName: null };
    }, written);
    const call = router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN);
    expect(db.inTransaction).toBe(false);
    expect([count('work'), count('audit')]).toEqual([1, 0]);
    resume();
    expect(await call).toMatchObject({ ok: true });
    expect(count('audit')).toBe(1);
  });
});
