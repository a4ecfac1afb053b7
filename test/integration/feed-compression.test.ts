/**
 * Compression on the wire: the client asks for br and gzip by name and the centre answers
 * compressed; what is applied is the same as from a centre that does not compress; a batch that
 * would expand past the bound (a decompression bomb) is refused with nothing applied; and a sync
 * cut by a weak link resumes from its cursor without downloading again what it applied.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/db/connection';
import { pullOnce } from '../../electron/sync/central-client';
import { negotiate } from '../support/central-sim/compression';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { makeTempDir } from '../support/temp-dir';
import { startThrottleProxy } from '../support/throttle-proxy';

const MIGRATIONS = join(process.cwd(), 'electron', 'db', 'migrations');
const tmp = makeTempDir('motcua-feed-compression-');
let sim: CentralSim;
let plain: CentralSim;
let dbs = 0;
const freshDb = (): Db => openDatabase(join(tmp.dir, `m${++dbs}.db`), MIGRATIONS).db;

/** fetch, recording each request's Accept-Encoding and each answer's Content-Encoding. */
function recordingFetch() {
  const seen: { accept: string | null; encoding: string | null; url: string }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    seen.push({ accept: new Headers(init?.headers).get('accept-encoding'), encoding: res.headers.get('content-encoding'), url: String(input) });
    return res;
  };
  return { seen, fetch: wrapped };
}

const rows = (db: Db) => db.prepare('SELECT id, receipt_code, applicant_full_name, timeline, seq FROM cases ORDER BY id').all();

beforeAll(async () => {
  sim = await startCentralSim({ cases: 2000, seed: 'wire' });
  plain = await startCentralSim({ cases: 2000, seed: 'wire', compress: false });
});
afterAll(async () => {
  await sim.close();
  await plain.close();
  tmp.cleanup();
});

describe('compression on the wire', { timeout: 60_000 }, () => {
  it('the client asks for br and gzip; the centre answers br; the cases applied are those of a centre that does not compress', async () => {
    const compressed = recordingFetch();
    const a = freshDb();
    expect(await pullOnce({ db: a, baseUrl: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem, limit: 500, batchesPerRequest: 2, fetch: compressed.fetch })).toMatchObject({ ok: true, cursor: sim.store.lastSeq() });
    expect(compressed.seen.length).toBeGreaterThan(1);
    expect(compressed.seen.every((s) => s.accept === 'br, gzip' && s.encoding === 'br')).toBe(true);

    const identity = recordingFetch();
    const b = freshDb();
    expect(await pullOnce({ db: b, baseUrl: plain.url, token: plain.token, publicKeyPem: plain.publicKeyPem, limit: 500, fetch: identity.fetch })).toMatchObject({ ok: true });
    expect(identity.seen.every((s) => s.encoding === null)).toBe(true);
    expect(rows(a)).toEqual(rows(b));
    expect(rows(a)).toHaveLength(2000);
  });

  it('one answer carries several checkpointed batches, each applied as it verifies; an older centre’s single batch is read the same way', async () => {
    const requests = recordingFetch();
    const batches: number[] = [];
    const db = freshDb();
    const result = await pullOnce({ db, baseUrl: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem, limit: 300, fetch: requests.fetch, onBatch: (p) => batches.push(p.cursor) });
    expect(result).toMatchObject({ ok: true, cursor: sim.store.lastSeq(), batches: Math.ceil(sim.store.lastSeq() / 300) });
    expect(requests.seen).toHaveLength(1);
    expect(new URL(requests.seen[0]!.url).searchParams.get('batches')).toBe(String(Math.floor(20_000 / 300)));
    const single = await pullOnce({ db: freshDb(), baseUrl: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem, limit: 300, batchesPerRequest: 1, fetch: recordingFetch().fetch });
    expect(single).toMatchObject({ ok: true, batches: result.batches });
  });

  it('negotiates as Accept-Encoding says: br first, then gzip, none refused by q=0, else identity', () => {
    expect(negotiate('br, gzip')).toBe('br');
    expect(negotiate('gzip, deflate')).toBe('gzip');
    expect(negotiate('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(negotiate('deflate')).toBeNull();
    expect(negotiate(undefined)).toBeNull();
  });

  it('a gzip-only client gets gzip, and the batch hash still covers the decompressed lines', async () => {
    const res = await fetch(`${sim.url}/v1/changes?after=0&limit=50`, { headers: { authorization: `Bearer ${sim.token}`, 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const lines = (await res.text()).trimEnd().split('\n');
    const checkpoint = JSON.parse(lines.pop()!) as { hash: string };
    expect(createHash('sha256').update(lines.map((l) => `${l}\n`).join('')).digest('hex')).toBe(checkpoint.hash);
  });
});

describe('a decompression bomb', { timeout: 60_000 }, () => {
  let bomb: Server;
  let url = '';
  const central = generateKeyPairSync('ed25519');
  /** Valid, signed change lines of 1 MiB each that gzip to about 1 KiB: 80 MiB expanded, past the 64 MiB bound. */
  const LINES = 80;

  beforeAll(async () => {
    const pad = 'x'.repeat(1024 * 1024);
    const lines = Array.from({ length: LINES }, (_, i) => `${JSON.stringify({ seq: i + 1, type: 'form', op: 'upsert', id: `f${i + 1}`, data: { pad } })}\n`);
    const hash = createHash('sha256');
    for (const l of lines) hash.update(l);
    const hex = hash.digest('hex');
    const checkpoint = `${JSON.stringify({ type: 'checkpoint', seq: LINES, more: false, hash: hex, sig: sign(null, Buffer.from(hex), central.privateKey).toString('base64') })}\n`;
    bomb = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip' });
      const gzip = zlib.createGzip();
      gzip.on('data', (c: Buffer) => {
        if (!res.write(c)) gzip.pause();
      });
      res.on('drain', () => gzip.resume());
      res.on('close', () => gzip.destroy());
      gzip.on('end', () => res.end());
      void (async () => {
        for (const l of [...lines, checkpoint]) {
          if (gzip.destroyed) return;
          if (!gzip.write(l)) await new Promise((r) => gzip.once('drain', r));
        }
        gzip.end();
      })();
    });
    await new Promise<void>((r) => bomb.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(bomb.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => bomb.close(() => r())));

  it('is refused once a batch expands past the bound, in Vietnamese and English, with nothing applied', async () => {
    const db = freshDb();
    const result = await pullOnce({ db, baseUrl: url, token: 't', publicKeyPem: central.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(result).toMatchObject({ ok: false, applied: 0, cursor: 0, error: { kind: 'rejected', reason: 'too-large' } });
    const message = (result as { error: { message: string } }).error.message;
    expect(message).toContain('không áp dụng gì');
    expect(message).toContain('nothing was applied');
    expect(db.prepare('SELECT count(*) AS n FROM synced_objects').get()).toEqual({ n: 0 });
  });

  it('and the same batch is taken under a bound that allows it (so the bound, not the data, refused it)', async () => {
    const db = freshDb();
    const result = await pullOnce({ db, baseUrl: url, token: 't', publicKeyPem: central.publicKey.export({ type: 'spki', format: 'pem' }).toString(), maxBatchBytes: 128 * 1024 * 1024 });
    expect(result).toMatchObject({ ok: true, applied: LINES });
  });
});

describe('a weak link', { timeout: 60_000 }, () => {
  it('the proxy gives the link its bandwidth and round trip: an answer takes at least its bytes over the rate, plus the round trip', async () => {
    const link = await startThrottleProxy({ target: { host: '127.0.0.1', port: plain.port }, bitsPerSecond: 800_000, rttMs: 200 });
    const start = performance.now();
    const res = await fetch(`${link.url}/v1/changes?after=0&limit=300`, { headers: { authorization: `Bearer ${plain.token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - start;
    expect(body.length).toBeGreaterThan(150_000);
    expect(link.bytesDown()).toBeGreaterThan(body.length);
    // 100 kB/s down; the request, the answer's first byte and its last each wait for the link.
    expect(ms).toBeGreaterThanOrEqual((link.bytesDown() / 100_000) * 1000 + 200 - 20);
    expect(ms).toBeLessThan((link.bytesDown() / 100_000) * 1000 * 3 + 2000);
    await link.close();
  });

  it('cut mid-sync, the next sync resumes at the cursor and downloads again only the batch the cut broke', async () => {
    const whole = await startThrottleProxy({ target: { host: '127.0.0.1', port: plain.port }, bitsPerSecond: 40_000_000, rttMs: 10 });
    expect(await pullOnce({ db: freshDb(), baseUrl: whole.url, token: plain.token, publicKeyPem: plain.publicKeyPem, limit: 200 })).toMatchObject({ ok: true });
    const uncut = whole.bytesDown();
    await whole.close();

    const link = await startThrottleProxy({ target: { host: '127.0.0.1', port: plain.port }, bitsPerSecond: 40_000_000, rttMs: 10, cutAfterBytes: Math.round(uncut * 0.45) });
    const db = freshDb();
    const first = await pullOnce({ db, baseUrl: link.url, token: plain.token, publicKeyPem: plain.publicKeyPem, limit: 200 });
    expect(first.ok).toBe(false);
    expect(link.cuts()).toBe(1);
    expect(first.cursor).toBeGreaterThan(0);
    const atCut = link.bytesDown();

    const requests = recordingFetch();
    const second = await pullOnce({ db, baseUrl: link.url, token: plain.token, publicKeyPem: plain.publicKeyPem, limit: 200, fetch: requests.fetch });
    expect(second).toMatchObject({ ok: true, cursor: plain.store.lastSeq() });
    expect(new URL(requests.seen[0]!.url).searchParams.get('after')).toBe(String(first.cursor));
    // Every change applied once: what the first applied, the second did not apply again.
    expect(first.applied + second.applied).toBe(plain.store.lastSeq());
    const again = atCut + (link.bytesDown() - atCut) - uncut;
    // At most the broken batch (200 of about 2,000 changes) came twice.
    expect(again).toBeLessThan(uncut * 0.15);
    await link.close();
  });
});
