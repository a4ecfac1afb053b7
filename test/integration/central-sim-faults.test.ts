/**
 * Fault injection of the central simulator: what a client's sync must survive — 429/503 with
 * Retry-After, a body cut mid-stream, a bad signature, duplicated lines, a slow drip, latency —
 * switched by the control API and by CLI flags.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCentralSim, type CentralSim } from '../support/central-sim/server';
import { makeTempDir } from '../support/temp-dir';

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: Buffer; complete: boolean; chunks: number }

/** A GET that also reports whether the body ended cleanly or the connection was cut. */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      let complete = false;
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => (complete = true));
      res.on('error', () => undefined); // "aborted" on a cut: reported through `complete`
      res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts), complete: complete && res.complete, chunks: parts.length }));
    }).on('error', reject);
  });
}

function post(url: string, body: unknown, token: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts), complete: true, chunks: parts.length }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Splits a batch into its change lines and checkpoint and reports which checks hold. */
function inspect(body: Buffer, publicKeyPem: string): { seqs: number[]; hashOk: boolean; sigOk: boolean; increasing: boolean } {
  const start = body.lastIndexOf(0x0a, body.length - 2) + 1;
  const checkpoint = JSON.parse(body.subarray(start, body.length - 1).toString('utf8')) as { type: string; hash: string; sig: string };
  expect(checkpoint.type).toBe('checkpoint');
  const text = body.subarray(0, start).toString('utf8');
  const seqs = text === '' ? [] : text.slice(0, -1).split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq);
  return {
    seqs,
    hashOk: checkpoint.hash === createHash('sha256').update(body.subarray(0, start)).digest('hex'),
    sigOk: verify(null, Buffer.from(checkpoint.hash, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(checkpoint.sig, 'base64')),
    increasing: seqs.every((s, i) => i === 0 || s > seqs[i - 1]!),
  };
}

let sim: CentralSim;
let auth: Record<string, string>;
const setFaults = (faults: unknown): Promise<Reply> => post(`${sim.url}/_control/faults`, faults, sim.token);

beforeAll(async () => {
  sim = await startCentralSim({ cases: 40, seed: 'faults', token: 'fault-token' });
  auth = { authorization: `Bearer ${sim.token}` };
});
afterEach(() => {
  sim.setFaults({});
});
afterAll(async () => {
  await sim.close();
});

describe('fault injection through POST /_control/faults', () => {
  it('requires the token and validates the fault set', async () => {
    expect((await post(`${sim.url}/_control/faults`, { badSignature: true }, 'wrong')).status).toBe(401);
    expect((await setFaults({ nonsense: 1 })).status).toBe(400);
    expect((await setFaults({ failNext: { count: 1, status: 500 } })).status).toBe(400);
  });

  it.each([503, 429])('fails the next K requests with %i and Retry-After, then recovers', async (status) => {
    expect((await setFaults({ failNext: { count: 2, status, retryAfterSeconds: 7 } })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const reply = await get(`${sim.url}/v1/changes?after=0&limit=5`, auth);
      expect(reply.status).toBe(status);
      expect(reply.headers['retry-after']).toBe('7');
      expect(JSON.parse(reply.body.toString('utf8'))).toEqual({ error: { code: status === 429 ? 'rate-limited' : 'unavailable', message: expect.any(String) } });
    }
    expect((await get(`${sim.url}/v1/changes?after=0&limit=5`, auth)).status).toBe(200);
  });

  it('cuts the changes body after K bytes: truncated, no checkpoint', async () => {
    await setFaults({ cutAfterBytes: 1000 });
    const reply = await get(`${sim.url}/v1/changes?after=0&limit=20`, auth);
    expect(reply.status).toBe(200);
    expect(reply.complete).toBe(false);
    expect(reply.body.length).toBe(1000);
    expect(reply.body.toString('utf8')).not.toContain('"checkpoint"');
    sim.setFaults({});
    expect((await get(`${sim.url}/v1/changes?after=0&limit=20`, auth)).complete).toBe(true);
  });

  it('signs badly on request: the hash still matches, the signature does not verify', async () => {
    await setFaults({ badSignature: true });
    const bad = inspect((await get(`${sim.url}/v1/changes?after=0&limit=8`, auth)).body, sim.publicKeyPem);
    expect(bad).toMatchObject({ hashOk: true, sigOk: false });
    sim.setFaults({});
    expect(inspect((await get(`${sim.url}/v1/changes?after=0&limit=8`, auth)).body, sim.publicKeyPem)).toMatchObject({ hashOk: true, sigOk: true });
  });

  it('duplicates lines on request: validly hashed and signed, but seq is not strictly increasing', async () => {
    await setFaults({ duplicateLines: true });
    const dup = inspect((await get(`${sim.url}/v1/changes?after=3&limit=5`, auth)).body, sim.publicKeyPem);
    expect(dup.seqs).toEqual([4, 4, 5, 6, 7, 8]);
    expect(dup).toMatchObject({ hashOk: true, sigOk: true, increasing: false });
  });

  it('drips the body slowly but whole', async () => {
    await setFaults({ drip: { bytes: 256, tickMs: 2 } });
    const reply = await get(`${sim.url}/v1/changes?after=0&limit=6`, auth);
    expect(reply.complete).toBe(true);
    expect(reply.chunks).toBeGreaterThan(3);
    expect(inspect(reply.body, sim.publicKeyPem)).toMatchObject({ hashOk: true, sigOk: true, increasing: true });
  });

  it('adds latency to /v1 requests', async () => {
    await setFaults({ latencyMs: 250 });
    const t0 = Date.now();
    expect((await get(`${sim.url}/v1/health`)).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
  });

  it('goes down on request: every /v1 connection is reset unanswered, /_control still answers to bring it back', async () => {
    await setFaults({ down: true });
    await expect(get(`${sim.url}/v1/health`)).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(get(`${sim.url}/v1/changes?after=0&limit=5`, auth)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await setFaults({})).status).toBe(200);
    expect((await get(`${sim.url}/v1/health`)).status).toBe(200);
  });

  it('loses dossier answers on request: the case is made, the connection reset; the same key then gets that case', async () => {
    await setFaults({ loseDossierReply: true });
    const dossier = { procedureCode: 'CC.CAP-DOI', applicant: { personalNumber: '001090123456', fullName: 'Lê Thị Mất' }, fields: {} };
    const key = { 'idempotency-key': 'lost-answer-1' };
    await expect(post(`${sim.url}/v1/dossiers`, dossier, sim.token, key)).rejects.toMatchObject({ code: 'ECONNRESET' });
    const made = sim.store.idempotent('lost-answer-1')?.reply;
    expect(made).toMatchObject({ status: 201, body: { receiptCode: expect.any(String) } });
    sim.setFaults({});
    const again = await post(`${sim.url}/v1/dossiers`, dossier, sim.token, key);
    expect(again.status).toBe(201);
    expect(JSON.parse(again.body.toString('utf8'))).toEqual(made!.body);
  });
});

describe('the program (main.ts) and its flags', () => {
  const children: ChildProcess[] = [];
  const tmp = makeTempDir('central-sim-');
  afterAll(() => {
    for (const c of children) c.kill('SIGTERM');
    tmp.cleanup();
  });

  async function launch(args: string[]): Promise<{ url: string; publicKeyPem: string; token: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/central-sim/main.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    });
    return JSON.parse(line) as { url: string; publicKeyPem: string; token: string };
  }

  it('prints {url, publicKeyPem, token}, keeps its key in --key-dir and applies fault flags', async () => {
    const keyDir = join(tmp.dir, 'keys');
    const first = await launch(['--port', '0', '--cases', '5', '--token', 'cli-token', '--key-dir', keyDir, '--fail-next', '1', '--fail-status', '429', '--retry-after', '3']);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.token).toBe('cli-token');
    expect(readFileSync(join(keyDir, 'central-public.pem'), 'utf8')).toBe(first.publicKeyPem);
    expect(existsSync(join(keyDir, 'central-private.pem'))).toBe(true);
    const limited = await get(`${first.url}/v1/health`);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');
    const batch = await get(`${first.url}/v1/changes?after=0&limit=100`, { authorization: 'Bearer cli-token' });
    expect(inspect(batch.body, first.publicKeyPem)).toMatchObject({ hashOk: true, sigOk: true });

    const second = await launch(['--cases', '5', '--key-dir', keyDir, '--bad-signature']);
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(second.token).toMatch(/^[0-9a-f]{48}$/);
    const bad = await get(`${second.url}/v1/changes?after=0&limit=100`, { authorization: `Bearer ${second.token}` });
    expect(inspect(bad.body, second.publicKeyPem)).toMatchObject({ hashOk: true, sigOk: false });
  }, 30_000);
});
