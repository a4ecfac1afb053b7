/**
 * The durable outbox against the reference central simulator on loopback, with a real SQLite
 * file: enqueue is durable before any network, 201 stores the receipt, 429/503/network keep the
 * row pending behind Retry-After and backoff, 4xx moves it to 'attention' for an officer, and a
 * resend after a lost answer never makes a second case.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase, openDatabaseFile } from '../../electron/db/connection';
import { Outbox, OutboxRetryError, type DossierBody, type SendDueOptions } from '../../electron/sync/outbox';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { makeTempDir } from '../support/temp-dir';

const MIGRATIONS_DIR = join(process.cwd(), 'electron', 'db', 'migrations');
const T0 = Date.parse('2026-11-23T02:30:00.000Z');

const dossier = (fullName: string, fields: DossierBody['fields'] = { reason: 'Thẻ hết hạn' }): DossierBody => ({
  procedureCode: 'CC.CAP-DOI',
  applicant: { personalNumber: '001090123456', fullName },
  fields,
});

let temp: ReturnType<typeof makeTempDir>;
let dbPath: string;
let db: Db;
let sim: CentralSim;
let clock: number;
let outbox: Outbox;
/** Every POST the outbox made, by Idempotency-Key. */
let posts: string[];

const now = () => new Date(clock);
const countingFetch: typeof fetch = (input, init) => {
  posts.push(new Headers(init?.headers).get('idempotency-key') ?? '');
  return fetch(input, init);
};
const opts = (extra: Partial<SendDueOptions> = {}): SendDueOptions => ({ baseUrl: sim.url, token: sim.token, fetch: countingFetch, now, random: () => 1, ...extra });

/** The cases in the simulator's feed whose applicant has this name. */
function simCases(fullName: string): { id: string; receiptCode: string }[] {
  return sim.store
    .page(0, 1_000_000)
    .map((l) => JSON.parse(l.line) as { type: string; id: string; data?: { receiptCode: string; applicant?: { fullName: string } } })
    .filter((c) => c.type === 'case' && c.data?.applicant?.fullName === fullName)
    .map((c) => ({ id: c.id, receiptCode: c.data!.receiptCode }));
}

function reopen(): void {
  db.close();
  db = openDatabase(dbPath, MIGRATIONS_DIR).db;
  outbox = new Outbox(db, now);
}

beforeEach(async () => {
  temp = makeTempDir('motcua-outbox-');
  dbPath = join(temp.dir, 'motcua.db');
  db = openDatabase(dbPath, MIGRATIONS_DIR).db;
  clock = T0;
  outbox = new Outbox(db, now);
  posts = [];
  sim = await startCentralSim({ cases: 5, seed: 'outbox', token: 'device-token' });
});

afterEach(async () => {
  db.close();
  await sim.close();
  temp.cleanup();
});

describe('Outbox.enqueue', () => {
  it('writes the pending row to the database file before returning, with no network', () => {
    const { id, idempotencyKey } = outbox.enqueue(dossier('Lê Văn Bền'));
    expect(idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(posts).toEqual([]);

    // Another connection to the same file sees it at once, without this one closing.
    const other = openDatabaseFile(dbPath, { readonly: true });
    try {
      const row = other.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Record<string, unknown>;
      expect(row).toMatchObject({ idempotency_key: idempotencyKey, state: 'pending', attempts: 0, last_error: null, receipt: null });
      // Stored encrypted (electron/security/field-cipher.ts); the outbox reads it back after a restart.
      expect(row.body).toMatch(/^enc1:/);
    } finally {
      other.close();
    }

    reopen();
    expect(outbox.counts()).toEqual({ pending: 1, sent: 0, attention: 0, superseded: 0 });
    expect(outbox.get(id)).toMatchObject({ idempotencyKey, state: 'pending', nextAttemptAt: new Date(T0).toISOString(), body: dossier('Lê Văn Bền') });
  });

  it('finds the pending rows through an index, not by reading every sent one', () => {
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM outbox WHERE state = 'pending' ORDER BY id").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX outbox_state/);
  });

  it('gives every dossier its own key', () => {
    const keys = Array.from({ length: 20 }, (_, i) => outbox.enqueue(dossier(`Người ${i}`)).idempotencyKey);
    expect(new Set(keys).size).toBe(20);
  });
});

describe('Outbox.sendDue', () => {
  it('a 201 stores the receipt and marks the row sent, with its Idempotency-Key', async () => {
    const { id, idempotencyKey } = outbox.enqueue(dossier('Phạm Thị Gửi'));
    const summary = await outbox.sendDue(opts());
    expect(summary).toEqual({ sent: 1, pending: 0, attention: 0, attempted: 1, nextAttemptAt: null });
    expect(posts).toEqual([idempotencyKey]);

    const [made] = simCases('Phạm Thị Gửi');
    const entry = outbox.get(id)!;
    expect(entry).toMatchObject({ state: 'sent', attempts: 1, lastError: null, nextAttemptAt: null });
    expect(entry.receipt).toEqual({ caseId: made!.id, receiptCode: made!.receiptCode, status: 'received' });
    expect(outbox.list('sent').map((e) => e.id)).toEqual([id]);
    expect(outbox.counts()).toEqual({ pending: 0, sent: 1, attention: 0, superseded: 0 });

    // Nothing left to send.
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 0, sent: 0 });
    expect(posts).toHaveLength(1);
  });

  it('a 503 with Retry-After keeps the row pending, and it is not sent again before Retry-After', async () => {
    const { id } = outbox.enqueue(dossier('Hoàng Văn Chờ'));
    sim.setFaults({ failNext: { count: 1, status: 503, retryAfterSeconds: 5 } });

    const first = await outbox.sendDue(opts());
    expect(first).toMatchObject({ sent: 0, pending: 1, attention: 0, attempted: 1, nextAttemptAt: new Date(T0 + 5000).toISOString() });
    const entry = outbox.get(id)!;
    expect(entry).toMatchObject({ state: 'pending', attempts: 1, receipt: null, nextAttemptAt: new Date(T0 + 5000).toISOString() });
    expect(entry.lastError).toMatchObject({ kind: 'http', status: 503, code: 'unavailable', retryAfterSeconds: 5, delayMs: 5000 });

    // Just before Retry-After: no request at all, also from a fresh process on the same file.
    clock = T0 + 4999;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 0, pending: 1 });
    reopen();
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 0, pending: 1 });
    expect(posts).toHaveLength(1);

    clock = T0 + 5000;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 1, sent: 1, pending: 0 });
    expect(outbox.get(id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(simCases('Hoàng Văn Chờ')).toHaveLength(1);
  });

  it('a 429 ends the run: the other due rows wait behind it', async () => {
    const a = outbox.enqueue(dossier('Chờ A'));
    const b = outbox.enqueue(dossier('Chờ B'));
    sim.setFaults({ failNext: { count: 1, status: 429, retryAfterSeconds: 3 } });
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 1, sent: 0, pending: 2, nextAttemptAt: new Date(T0 + 3000).toISOString() });
    expect(outbox.get(a.id)!.lastError).toMatchObject({ status: 429, code: 'rate-limited', retryAfterSeconds: 3 });
    expect(outbox.get(b.id)).toMatchObject({ attempts: 0, lastError: null });

    clock = T0 + 2000;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 0 });
    clock = T0 + 3000;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 2, sent: 2, pending: 0 });
  });

  it('without Retry-After the wait grows by backoff; a network failure keeps the row pending', async () => {
    const { id } = outbox.enqueue(dossier('Không Mạng'));
    const down = 'http://127.0.0.1:1'; // nothing listens on port 1
    await outbox.sendDue(opts({ baseUrl: down }));
    let entry = outbox.get(id)!;
    expect(entry).toMatchObject({ state: 'pending', attempts: 1 });
    expect(entry.lastError).toMatchObject({ kind: 'network', status: null, delayMs: 1000 });

    clock = T0 + 1000;
    await outbox.sendDue(opts({ baseUrl: down }));
    entry = outbox.get(id)!;
    expect(entry).toMatchObject({ attempts: 2, nextAttemptAt: new Date(T0 + 1000 + 2000).toISOString() });

    clock = T0 + 2999;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 0 });
    clock = T0 + 3000;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 1, sent: 1 });
  });

  it('a timeout keeps the row pending', async () => {
    const { id } = outbox.enqueue(dossier('Chậm Quá'));
    sim.setFaults({ latencyMs: 2000 });
    expect(await outbox.sendDue(opts({ timeoutMs: 100 }))).toMatchObject({ attempted: 1, sent: 0, pending: 1 });
    expect(outbox.get(id)).toMatchObject({ state: 'pending', attempts: 1, lastError: { kind: 'network' } });
  });

  it('a 400 (bad body) moves the row to attention with the code and message, and sendDue leaves it alone', async () => {
    const bad: DossierBody = { ...dossier('Sai Số'), applicant: { personalNumber: '99909012345', fullName: 'Sai Số' } };
    const { id } = outbox.enqueue(bad);
    const good = outbox.enqueue(dossier('Đúng Số'));

    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 2, sent: 1, attention: 1, pending: 0 });
    const entry = outbox.get(id)!;
    expect(entry).toMatchObject({ state: 'attention', attempts: 1, receipt: null, nextAttemptAt: null });
    expect(entry.lastError).toMatchObject({ kind: 'http', status: 400, code: 'bad-dossier', delayMs: null });
    expect(entry.lastError!.message).toMatch(/applicant\.personalNumber/);
    expect(outbox.get(good.id)).toMatchObject({ state: 'sent' });
    expect(outbox.list('attention').map((e) => e.id)).toEqual([id]);

    // Never retried by sendDue, however long we wait.
    clock = T0 + 24 * 3600_000;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 0, attention: 0 });
    expect(posts).toHaveLength(2);
    expect(outbox.counts()).toEqual({ pending: 0, sent: 1, attention: 1, superseded: 0 });
  });

  it('retry(id) puts an attention row back to pending; supersede(id, body) sends a corrected body as a new row under a fresh key, keeping the refused one', async () => {
    const bad: DossierBody = { ...dossier('Sửa Lại'), procedureCode: 'NO.SUCH' };
    const { id, idempotencyKey } = outbox.enqueue(bad);
    await outbox.sendDue(opts());
    expect(outbox.get(id)!.lastError).toMatchObject({ status: 400, code: 'unknown-procedure' });

    // Unchanged: back to pending, due at once, same key — and refused again.
    clock = T0 + 60_000;
    expect(outbox.retry(id)).toMatchObject({ state: 'pending', attempts: 0, lastError: null, idempotencyKey, nextAttemptAt: new Date(clock).toISOString() });
    expect(outbox.counts()).toEqual({ pending: 1, sent: 0, attention: 0, superseded: 0 });
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 1, attention: 1 });
    expect(posts).toEqual([idempotencyKey, idempotencyKey]);

    // Corrected by the officer: a new row with a fresh key is sent; the refused one stays, superseded.
    const fixed = outbox.supersede(id, dossier('Sửa Lại'));
    expect(fixed.idempotencyKey).not.toBe(idempotencyKey);
    expect(outbox.get(fixed.id)!.body.procedureCode).toBe('CC.CAP-DOI');
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 1, sent: 1 });
    expect(outbox.get(fixed.id)).toMatchObject({ state: 'sent', receipt: { receiptCode: simCases('Sửa Lại')[0]!.receiptCode } });
    expect(outbox.get(id)).toMatchObject({ state: 'superseded', supersededBy: fixed.id, idempotencyKey, body: { procedureCode: 'NO.SUCH' } });
    expect(outbox.counts()).toMatchObject({ attention: 0, superseded: 1 });

    // Only attention rows can be retried.
    expect(() => outbox.retry(id)).toThrow(OutboxRetryError);
    expect(() => outbox.retry(9999)).toThrow(OutboxRetryError);
  });

  it('a 409 (key used with another body) goes to attention, never resent blindly', async () => {
    const { id, idempotencyKey } = outbox.enqueue(dossier('Trùng Khóa'));
    // Someone else already used this key with a different body.
    const other = await fetch(`${sim.url}/v1/dossiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(dossier('Người Khác')),
    });
    expect(other.status).toBe(201);

    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 1, attention: 1, sent: 0 });
    expect(outbox.get(id)!.lastError).toMatchObject({ status: 409, code: 'idempotency-key-reused' });
    expect(simCases('Trùng Khóa')).toHaveLength(0);
    // A 409 is about the body under this key: the corrected dossier goes under a fresh key.
    const fixed = outbox.supersede(id, dossier('Trùng Khóa'));
    await outbox.sendDue(opts());
    expect(outbox.get(fixed.id)).toMatchObject({ state: 'sent' });
    expect(simCases('Trùng Khóa')).toHaveLength(1);
  });

  it('a corrected body is refused when the centre did not refuse the body', async () => {
    const { id } = outbox.enqueue(dossier('Sai Mã'));
    await outbox.sendDue(opts({ token: 'wrong-token' }));
    expect(outbox.get(id)).toMatchObject({ state: 'attention', lastError: { status: 401, code: 'unauthorized' } });
    expect(() => outbox.supersede(id, dossier('Sai Mã', {}))).toThrow(/not refused for its body/);
    outbox.retry(id);
    await outbox.sendDue(opts());
    expect(outbox.get(id)).toMatchObject({ state: 'sent' });
  });

  it('10 enqueued dossiers are all sent, each exactly once', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `Công Dân Số ${i + 1}`);
    const ids = names.map((n) => outbox.enqueue(dossier(n)).id);
    // Two overlapping calls share one run.
    const [a, b] = await Promise.all([outbox.sendDue(opts()), outbox.sendDue(opts())]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ attempted: 10, sent: 10, pending: 0, attention: 0 });
    expect(posts).toHaveLength(10);
    expect(new Set(posts).size).toBe(10);
    expect(outbox.counts()).toEqual({ pending: 0, sent: 10, attention: 0, superseded: 0 });

    const receipts = ids.map((id) => outbox.get(id)!.receipt!.receiptCode);
    expect(new Set(receipts).size).toBe(10);
    names.forEach((n, i) => expect(simCases(n).map((c) => c.receiptCode)).toEqual([receipts[i]]));
  });
});

describe('Outbox: a lost answer never makes a second case', () => {
  it('the POST reaches the centre, the process dies before the 201 is stored; the resend gets the same receipt', async () => {
    const name = 'Trần Mất Kết Nối';
    const { id, idempotencyKey } = outbox.enqueue(dossier(name));
    // The request is delivered and the centre makes the case; the answer is lost on the way back.
    const lostAnswer: typeof fetch = async (input, init) => {
      const res = await countingFetch(input, init);
      await res.body?.cancel();
      throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
    };
    expect(await outbox.sendDue(opts({ fetch: lostAnswer }))).toMatchObject({ attempted: 1, sent: 0, pending: 1 });
    expect(simCases(name)).toHaveLength(1);
    expect(outbox.get(id)).toMatchObject({ state: 'pending', attempts: 1, receipt: null, lastError: { kind: 'network' } });

    // "Crash": a new process opens the same file and sends what is due.
    reopen();
    clock = T0 + 60_000;
    expect(await outbox.sendDue(opts())).toMatchObject({ attempted: 1, sent: 1, pending: 0 });
    expect(posts).toEqual([idempotencyKey, idempotencyKey]);

    const cases = simCases(name);
    expect(cases).toHaveLength(1);
    expect(outbox.get(id)).toMatchObject({ state: 'sent', receipt: { caseId: cases[0]!.id, receiptCode: cases[0]!.receiptCode, status: 'received' } });
  });

  it('the 201 arrives but its body is cut; the resend gets the same receipt', async () => {
    const name = 'Lý Bị Cắt';
    const { id } = outbox.enqueue(dossier(name));
    const cutBody: typeof fetch = async (input, init) => {
      const res = await countingFetch(input, init);
      const text = await res.text();
      const cut = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, 10)));
          controller.error(new Error('connection reset'));
        },
      });
      return new Response(cut, { status: res.status, headers: res.headers });
    };
    expect(await outbox.sendDue(opts({ fetch: cutBody }))).toMatchObject({ attempted: 1, sent: 0, pending: 1 });
    expect(outbox.get(id)).toMatchObject({ state: 'pending', lastError: { kind: 'bad-response', status: 201 } });
    expect(simCases(name)).toHaveLength(1);

    clock = T0 + 60_000;
    expect(await outbox.sendDue(opts())).toMatchObject({ sent: 1 });
    const cases = simCases(name);
    expect(cases).toHaveLength(1);
    expect(outbox.get(id)!.receipt).toEqual({ caseId: cases[0]!.id, receiptCode: cases[0]!.receiptCode, status: 'received' });
  });
});
