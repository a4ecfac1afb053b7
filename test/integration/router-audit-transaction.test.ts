import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract';
import { createRouter, type Handlers } from '../../electron/host/router';
import { newSession } from '../../electron/host/session';
import type { AuditEntry } from '../../electron/security/audit';

// Power loss: a call's work and its audit row commit together, so no crash can keep the
// one without the other: a synchronous handler's in the router's transaction, an async handler's
// in its `commit`, before or after its awaits. A real SQLite database holds both.

const CITIZEN = { personalNumber: '001099012345', birthDate: '1999-05-01', source: 'typed' as const };
const IDENTITY = { personalNumber: '001099012345', provinceCode: '001', provinceName: 'Hà Nội', sex: 'male' as const, birthDate: '1999-05-01', age: 27 };

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE work (what TEXT); CREATE TABLE audit (channel TEXT, outcome TEXT)');
});
afterEach(() => db.close());

const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const routerOf = (handlers: Partial<Handlers>, record: (entry: AuditEntry) => void) =>
  createRouter({ handlers: handlers as Handlers, audit: { record }, transaction: (work) => db.transaction(work).immediate() });
const routerWith = (open: Handlers['citizen.open'], record: (entry: AuditEntry) => void) => routerOf({ 'citizen.open': open }, record);
const written = (entry: AuditEntry) => void db.prepare('INSERT INTO audit VALUES (?, ?)').run(entry.channel, entry.outcome);
const outcomes = () => db.prepare('SELECT outcome FROM audit ORDER BY rowid').pluck().all();
const work = (what: string) => void db.prepare('INSERT INTO work VALUES (?)').run(what);
const OPENED = { identity: IDENTITY, fullName: null, assurance: 'typed' as const };

/** A handler's await, resumed by the test: a kill -9 could land while it waits. */
function pause() {
  let resume = () => {};
  const paused = new Promise<void>((r) => (resume = r));
  return { paused, resume: () => resume() };
}

describe('the router: a call and its audit row in one transaction', () => {
  it('a synchronous handler: if the audit row cannot be written, neither is the work', async () => {
    const router = routerWith(
      () => {
        db.prepare("INSERT INTO work VALUES ('opened')").run();
        return OPENED;
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

  it('an async handler that commits before its await: its work and its ok row are committed while it waits', async () => {
    const { paused, resume } = pause();
    const router = routerWith(async (_input, _session, { commit }) => {
      commit(() => work('queued'));
      await paused;
      return OPENED;
    }, written);
    const call = router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN);
    expect(db.inTransaction).toBe(false);
    expect([count('work'), outcomes()]).toEqual([1, ['ok']]);
    resume();
    expect(await call).toMatchObject({ ok: true });
    expect(outcomes()).toEqual(['ok']);
  });

  it('an async handler that commits after its await: nothing while it waits, then the work and its row at once', async () => {
    const { paused, resume } = pause();
    let kept = 0;
    const router = routerWith(
      async (_input, _session, { commit }) => {
        await paused;
        commit(() => work('printed'));
        return OPENED;
      },
      (entry) => {
        kept = count('work');
        written(entry);
      },
    );
    const call = router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN);
    await Promise.resolve();
    expect([count('work'), count('audit')]).toEqual([0, 0]);
    resume();
    expect(await call).toMatchObject({ ok: true });
    // The row was written with the work already in place.
    expect([kept, count('work'), outcomes()]).toEqual([1, 1, ['ok']]);
  });

  it('an async commit whose audit row cannot be written keeps no work either', async () => {
    const router = routerWith(
      async (_input, _session, { commit }) => {
        await Promise.resolve();
        commit(() => work('printed'));
        return OPENED;
      },
      () => {
        throw new Error('disk I/O error');
      },
    );
    await expect(router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN)).rejects.toThrow('disk I/O error');
    expect(count('work')).toBe(0);
  });

  it('a failure after the commit: the kept work keeps its ok row, and the failure gets a row of its own', async () => {
    const router = routerWith(async (_input, _session, { commit }) => {
      commit(() => work('consented'));
      await Promise.resolve();
      throw new AppError('CENTRAL_NOT_CONFIGURED');
    }, written);
    expect(await router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN)).toMatchObject({ ok: false, error: { code: 'CENTRAL_NOT_CONFIGURED' } });
    expect([count('work'), outcomes()]).toEqual([1, ['ok', 'CENTRAL_NOT_CONFIGURED']]);
  });

  it('a channel whose audit subject is in its output names it at commit, or keeps nothing', async () => {
    const entries: AuditEntry[] = [];
    const submit = (subject?: string): Handlers['counter.submit'] =>
      async (_input, _session, { commit }) => {
        commit(() => work('queued'), subject);
        await Promise.resolve();
        throw new AppError('SUBMISSION_NOT_FOUND');
      };
    const officer = newSession('officer');
    for (const subject of [CITIZEN.personalNumber, undefined]) {
      await routerOf({ 'counter.submit': submit(subject) }, (e) => entries.push(e)).dispatch(officer, 'counter.submit', { draftId: 'd1' });
    }
    expect(entries.map((e) => [e.outcome, e.subject])).toEqual([
      ['ok', CITIZEN.personalNumber],
      ['SUBMISSION_NOT_FOUND', null],
      ['INTERNAL', null],
    ]);
    expect(count('work')).toBe(1);
  });

  it('one commit per call, and none after its answer', async () => {
    let late: (() => void) | undefined;
    const router = routerWith((_input, _session, { commit }) => {
      commit(() => work('once'));
      late = () => commit(() => work('after the answer'));
      return OPENED;
    }, written);
    expect(await router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN)).toMatchObject({ ok: true });
    expect(late).toThrow('one commit per call');
    expect([count('work'), outcomes()]).toEqual([1, ['ok']]);
  });

  it('a synchronous handler is answered without an extra tick', async () => {
    const order: string[] = [];
    const router = routerWith(() => OPENED, written);
    void router.dispatch(newSession('kiosk'), 'citizen.open', CITIZEN).then(() => order.push('answer'));
    void Promise.resolve().then(() => order.push('one tick later'));
    await new Promise((r) => setTimeout(r, 0));
    expect(order).toEqual(['answer', 'one tick later']);
  });
});
