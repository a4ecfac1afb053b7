import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRepository } from '../../electron/db/case-repository';
import { openDatabase, type Db } from '../../electron/db/connection';
import { SyncStateRepository } from '../../electron/db/sync-state-repository';
import { applyBatch, CHANGES_FEED } from '../../electron/sync/apply-batch';
import { readVerifiedBatch } from '../../electron/sync/batch-verifier';
import { parseRetryAfter, pullOnce, type PullResult } from '../../electron/sync/central-client';
import { makeTempDir } from '../support/temp-dir';

// ---- A tiny signed feed of GET /v1/changes on loopback (this file's own test support) ----

const central = generateKeyPairSync('ed25519');
const impostor = generateKeyPairSync('ed25519');
const PUBLIC_PEM = central.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const TOKEN = 'device-token-123';

interface Change {
  seq: number;
  type: 'case' | 'procedure' | 'option' | 'rulepack' | 'form';
  op: 'upsert' | 'delete';
  id: string;
  data?: Record<string, unknown>;
}

type Mode =
  | 'ok'
  | 'truncate' // the change lines, then the connection is destroyed before the checkpoint
  | 'wrong-key'
  | 'tamper' // a line changed after the hash was taken
  | 'wrong-hash' // a hash of other bytes, correctly signed
  | 'duplicate' // the first line twice, hashed and signed as sent
  | 'endless' // change lines for ever, never a checkpoint, until the client hangs up
  | { status: number; retryAfter?: string };

class FeedServer {
  readonly changes: Change[] = [];
  /** Modes for the next requests, in order; then 'ok'. */
  plan: Mode[] = [];
  endlessLinesSent = 0;
  readonly requests: { after: string | null; limit: string | null; auth: string | undefined }[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const u = new URL(req.url ?? '/', 'http://x');
      this.requests.push({ after: u.searchParams.get('after'), limit: u.searchParams.get('limit'), auth: req.headers.authorization });
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (u.pathname !== '/v1/changes') return json(404, { error: { code: 'not-found', message: 'no such route' } });
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(401, { error: { code: 'unauthorized', message: 'bad token' } });
      const mode = this.plan.shift() ?? 'ok';
      if (typeof mode === 'object') {
        return json(mode.status, { error: { code: 'busy', message: 'try later' } }, mode.retryAfter ? { 'retry-after': mode.retryAfter } : {});
      }
      const after = Number(u.searchParams.get('after') ?? '0');
      const limit = Number(u.searchParams.get('limit') ?? '1000');
      const pending = this.changes.filter((c) => c.seq > after);
      const batch = pending.slice(0, limit);
      let lines = batch.map((c) => JSON.stringify(c));
      if (mode === 'duplicate' && lines.length) lines = [lines[0]!, ...lines];
      const text = lines.map((l) => `${l}\n`).join('');
      const hash = createHash('sha256').update(mode === 'wrong-hash' ? `${text}x` : text, 'utf8').digest('hex');
      const key: KeyObject = mode === 'wrong-key' ? impostor.privateKey : central.privateKey;
      const sig = sign(null, Buffer.from(hash, 'utf8'), key).toString('base64');
      if (mode === 'tamper' && lines.length) lines[lines.length - 1] = lines.at(-1)!.replace('"upsert"', '"delete"');
      const seq = batch.length ? batch.at(-1)!.seq : after;
      const checkpoint = JSON.stringify({ type: 'checkpoint', seq, more: pending.length > batch.length, hash, sig });

      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.flushHeaders();
      if (mode === 'endless') {
        let closed = false;
        res.on('close', () => (closed = true));
        const flood = async () => {
          for (let s = after + 1; !closed; s++) {
            res.write(`${JSON.stringify({ seq: s, type: 'form', op: 'upsert', id: `f${s}`, data: { pad: 'x'.repeat(200) } })}\n`);
            this.endlessLinesSent = s - after;
            await new Promise((r) => setImmediate(r));
          }
        };
        void flood();
        return;
      }
      // Line by line, with pauses, so that the client reads a stream and not one buffer.
      const write = async () => {
        for (const l of lines) {
          res.write(`${l}\n`);
          await new Promise((r) => setImmediate(r));
        }
        if (mode === 'truncate') {
          await new Promise((r) => setTimeout(r, 20));
          res.socket?.destroy();
          return;
        }
        res.end(`${checkpoint}\n`);
      };
      void write();
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// ---- Fixtures ----

const caseData = (n: number, status = 'received') => ({
  receiptCode: `H01.22-2611-${String(n).padStart(6, '0')}`,
  procedureCode: '1.001193',
  applicant: { personalNumber: `0010990${String(n).padStart(5, '0')}`, fullName: `Nguyễn Thị Ánh ${n}` },
  status,
  receivedAt: '2026-11-20T08:00:00+07:00',
  dueAt: '2026-11-27T17:00:00+07:00',
  updatedAt: '2026-11-21T09:30:00+07:00',
  timeline: [
    { at: '2026-11-20T08:00:00+07:00', status: 'received', note: 'Tiếp nhận hồ sơ' },
    ...(status === 'received' ? [] : [{ at: '2026-11-21T09:30:00+07:00', status, note: 'Đang xử lý' }]),
  ],
});

const procedureData = (code: string) => ({
  code,
  national: true,
  name: { vi: 'Cấp đổi thẻ Căn cước', en: 'ID card renewal' },
  agency: { vi: 'Công an tỉnh', en: 'Provincial police' },
  feeVnd: 50000,
  processingDays: 7,
});

let tmp: ReturnType<typeof makeTempDir>;
let db: Db;
let feed: FeedServer;

beforeEach(async () => {
  tmp = makeTempDir('motcua-sync-');
  db = openDatabase(join(tmp.dir, 'motcua.sqlite'), join(process.cwd(), 'electron', 'db', 'migrations')).db;
  feed = await new FeedServer().start();
});
afterEach(async () => {
  await feed.close();
  db.close();
  tmp.cleanup();
});

/** Seqs with gaps, as a central log shared with other centres would have. */
function addCases(from: number, count: number): void {
  const base = feed.changes.at(-1)?.seq ?? 100;
  for (let i = 0; i < count; i++) {
    const n = from + i;
    feed.changes.push({ seq: base + 3 * (i + 1), type: 'case', op: 'upsert', id: `case-${n}`, data: caseData(n) });
  }
}

const pull = (limit = 10) => pullOnce({ db, baseUrl: feed.url, token: TOKEN, publicKeyPem: PUBLIC_PEM, limit });

/** Everything sync writes, to compare before and after. */
function snapshot(): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    cases: all('SELECT * FROM cases ORDER BY id'),
    objects: all('SELECT * FROM synced_objects ORDER BY type, id'),
    procedures: all('SELECT * FROM procedures ORDER BY code'),
    cursor: new SyncStateRepository(db).cursor(CHANGES_FEED),
  };
}

const state = () => new SyncStateRepository(db).get(CHANGES_FEED);
const cases = () => new CaseRepository(db);

function expectRejected(result: PullResult, reason: string): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatchObject({ kind: 'rejected', reason });
}

// ---- Tests ----

describe('pullOnce on a valid feed', () => {
  it('applies a multi-batch feed, ending with the cursor at the last seq', async () => {
    addCases(1, 25);
    const result = await pull(10);
    const last = feed.changes.at(-1)!.seq;
    expect(result).toEqual({ ok: true, applied: 25, cursor: last, batches: 3 });
    expect(cases().count()).toBe(25);
    expect(state()).toMatchObject({ cursor: last, lastError: null });
    expect(state().lastSuccessAt).not.toBeNull();
    // One request per batch, each after the previous checkpoint, each with the token.
    expect(feed.requests.map((r) => r.after)).toEqual(['0', String(feed.changes[9]!.seq), String(feed.changes[19]!.seq)]);
    expect(feed.requests.every((r) => r.auth === `Bearer ${TOKEN}` && r.limit === '10')).toBe(true);

    const c = cases().byReceiptCode('H01.22-2611-000007')!;
    expect(c).toMatchObject({ id: 'case-7', procedureCode: '1.001193', status: 'received', seq: feed.changes[6]!.seq });
    expect(c.applicant).toEqual({ personalNumber: '001099000007', fullName: 'Nguyễn Thị Ánh 7' });
    expect(c.timeline).toEqual(caseData(7).timeline);
    expect(cases().byApplicant('001099000007').map((x) => x.id)).toEqual(['case-7']);
  });

  it('applyChunk: a batch goes in parts, each committed with its cursor, the event loop free between them; the result is the same', async () => {
    addCases(1, 25);
    const cursors = new Set<number>();
    let watching = true;
    // Runs only when the pull yields: each cursor seen here was committed by one part.
    const watch = (): void => {
      cursors.add(new SyncStateRepository(db).cursor(CHANGES_FEED));
      if (watching) setImmediate(watch);
    };
    setImmediate(watch);
    const result = await pullOnce({ db, baseUrl: feed.url, token: TOKEN, publicKeyPem: PUBLIC_PEM, limit: 25, applyChunk: 10 });
    watching = false;
    expect(result).toEqual({ ok: true, applied: 25, cursor: feed.changes.at(-1)!.seq, batches: 1 });
    expect(cases().count()).toBe(25);
    expect([...cursors]).toEqual(expect.arrayContaining([feed.changes[9]!.seq, feed.changes[19]!.seq]));
  });

  it('changes nothing when pulled again, and picks up only what is new', async () => {
    addCases(1, 12);
    await pull(5);
    const before = snapshot();
    const again = await pull(5);
    expect(again).toMatchObject({ ok: true, applied: 0, batches: 1 });
    expect(snapshot()).toEqual(before);

    feed.changes.push({ seq: feed.changes.at(-1)!.seq + 1, type: 'case', op: 'upsert', id: 'case-3', data: caseData(3, 'processing') });
    const next = await pull(5);
    expect(next).toMatchObject({ ok: true, applied: 1, cursor: feed.changes.at(-1)!.seq });
    expect(cases().byId('case-3')!.status).toBe('processing');
    expect(cases().count()).toBe(12);
  });

  it('applying the same verified batch twice changes nothing', async () => {
    addCases(1, 4);
    const res = await fetch(`${feed.url}/v1/changes?after=0&limit=10`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const batch = await readVerifiedBatch(res.body!, { publicKey: PUBLIC_PEM, after: 0, limit: 10 });
    expect(applyBatch(db, batch)).toMatchObject({ applied: 4, skipped: 0 });
    const before = snapshot();
    expect(applyBatch(db, batch)).toMatchObject({ applied: 0, skipped: 4, cursor: batch.checkpoint.seq });
    expect(snapshot()).toEqual(before);
  });

  it('deletes remove cases and catalogue objects; procedures also fill the procedures table', async () => {
    addCases(1, 3);
    let seq = feed.changes.at(-1)!.seq;
    feed.changes.push(
      { seq: ++seq, type: 'procedure', op: 'upsert', id: 'p-1', data: procedureData('9.000001') },
      { seq: ++seq, type: 'form', op: 'upsert', id: 'form-1', data: { fields: ['fullName'] } },
      { seq: ++seq, type: 'rulepack', op: 'upsert', id: 'rp-1', data: { version: 2 } },
    );
    expect(await pull()).toMatchObject({ ok: true, applied: 6 });
    expect(db.prepare("SELECT name_en, fee_vnd FROM procedures WHERE code = '9.000001'").get()).toEqual({ name_en: 'ID card renewal', fee_vnd: 50000 });
    expect(db.prepare('SELECT type, id FROM synced_objects ORDER BY type, id').all()).toEqual([
      { type: 'form', id: 'form-1' },
      { type: 'procedure', id: 'p-1' },
      { type: 'rulepack', id: 'rp-1' },
    ]);

    feed.changes.push(
      { seq: ++seq, type: 'case', op: 'delete', id: 'case-2' },
      { seq: ++seq, type: 'procedure', op: 'delete', id: 'p-1' },
      { seq: ++seq, type: 'form', op: 'delete', id: 'form-1' },
      { seq: ++seq, type: 'case', op: 'delete', id: 'never-seen' },
    );
    expect(await pull()).toMatchObject({ ok: true, applied: 4, cursor: seq });
    expect(cases().all().map((c) => c.id)).toEqual(['case-1', 'case-3']);
    expect(cases().byReceiptCode('H01.22-2611-000002')).toBeNull();
    expect(db.prepare("SELECT code FROM procedures WHERE code = '9.000001'").get()).toBeUndefined();
    expect(db.prepare('SELECT type, id FROM synced_objects').all()).toEqual([{ type: 'rulepack', id: 'rp-1' }]);
  });
});

describe('pullOnce rejects a bad batch whole', () => {
  /** Applies a first valid batch, then adds new changes for the bad batch to carry. */
  async function seeded(): Promise<unknown> {
    addCases(1, 3);
    expect((await pull()).ok).toBe(true);
    addCases(4, 3);
    return snapshot();
  }

  it('a stream truncated before its checkpoint leaves data and cursor as they were, and records the error', async () => {
    addCases(1, 5);
    feed.plan = ['truncate'];
    const result = await pull();
    expectRejected(result, 'truncated');
    expect(result).toMatchObject({ applied: 0, cursor: 0, batches: 0 });
    expect(cases().count()).toBe(0);
    expect(state()).toMatchObject({ cursor: 0, lastSuccessAt: null });
    expect(state().lastError).toMatch(/truncated/);
    expect(state().lastErrorAt).not.toBeNull();

    // The next pull starts again from the same cursor and succeeds.
    expect(await pull()).toMatchObject({ ok: true, applied: 5 });
    expect(state().lastError).toBeNull();
  });

  it('a truncation in the second batch keeps the first batch and its cursor', async () => {
    addCases(1, 15);
    feed.plan = ['ok', 'truncate'];
    const result = await pull(10);
    expectRejected(result, 'truncated');
    expect(result).toMatchObject({ applied: 10, batches: 1, cursor: feed.changes[9]!.seq });
    expect(cases().count()).toBe(10);
    expect(state().cursor).toBe(feed.changes[9]!.seq);
  });

  it('a batch longer than the limit is refused as it streams, without waiting for the end', async () => {
    feed.plan = ['endless'];
    const result = await pull(50);
    expectRejected(result, 'bad-line');
    expect(db.prepare('SELECT count(*) AS n FROM synced_objects').get()).toEqual({ n: 0 });
    expect(state().cursor).toBe(0);
    // The client hung up after the 51st line; the server stopped soon after.
    expect(feed.endlessLinesSent).toBeLessThan(100_000);
  });

  it('a verified batch the database refuses is rolled back whole', async () => {
    addCases(1, 2);
    // A second case id with the receipt code of case-1: the UNIQUE constraint fails mid-batch.
    feed.changes.push({ seq: feed.changes.at(-1)!.seq + 1, type: 'case', op: 'upsert', id: 'case-x', data: caseData(1) });
    const result = await pull();
    expect(result).toMatchObject({ ok: false, error: { kind: 'apply' }, applied: 0, cursor: 0, batches: 0 });
    expect(cases().count()).toBe(0);
    expect(state()).toMatchObject({ cursor: 0 });
    expect(state().lastError).toMatch(/UNIQUE/);
  });

  for (const [mode, reason] of [
    ['wrong-key', 'bad-signature'],
    ['tamper', 'bad-hash'],
    ['wrong-hash', 'bad-hash'],
    ['duplicate', 'seq-order'],
  ] as const) {
    it(`${mode} → ${reason}, nothing applied`, async () => {
      const before = await seeded();
      feed.plan = [mode];
      const result = await pull();
      expectRejected(result, reason);
      expect(snapshot()).toEqual(before);
      expect(state().lastError).toContain(reason);
      // Personal data never goes into the recorded error.
      expect(state().lastError).not.toMatch(/Nguyễn|001099/);
    });
  }
});

describe('pullOnce reports HTTP errors', () => {
  it('401 → unauthorized', async () => {
    addCases(1, 2);
    const result = await pullOnce({ db, baseUrl: feed.url, token: 'wrong', publicKeyPem: PUBLIC_PEM });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', status: 401 }, applied: 0, cursor: 0 });
    expect(state().lastError).toMatch(/unauthorized/);
    expect(cases().count()).toBe(0);
  });

  it('429 and 503 carry Retry-After in seconds', async () => {
    addCases(1, 2);
    feed.plan = [{ status: 429, retryAfter: '30' }];
    expect(await pull()).toMatchObject({ ok: false, error: { kind: 'rate-limited', status: 429, retryAfterSeconds: 30 } });
    expect(state().lastError).toMatch(/retry after 30s/);
    feed.plan = [{ status: 503, retryAfter: '120' }];
    expect(await pull()).toMatchObject({ ok: false, error: { kind: 'unavailable', status: 503, retryAfterSeconds: 120 } });
    feed.plan = [{ status: 503 }];
    expect(await pull()).toMatchObject({ ok: false, error: { kind: 'unavailable', retryAfterSeconds: null } });
    expect(cases().count()).toBe(0);
  });

  it('another 4xx → http with the error code', async () => {
    feed.plan = [{ status: 400 }];
    expect(await pull()).toMatchObject({ ok: false, error: { kind: 'http', status: 400, code: 'busy' } });
  });

  it('an unreachable server → network', async () => {
    const url = feed.url;
    await feed.close();
    feed = await new FeedServer().start(); // for afterEach
    expect(await pullOnce({ db, baseUrl: url, token: TOKEN, publicKeyPem: PUBLIC_PEM })).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('parseRetryAfter reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('15', now)).toBe(15);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeNull();
    // Found by fuzzing: past 2^31−1 ms a timer fires at once, so a far date meant a retry loop.
    expect(parseRetryAfter('9'.repeat(400), now)).toBe(86_400);
    expect(parseRetryAfter('Mon, 23 Nov 22026 10:01:00 GMT', now)).toBe(86_400);
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
