import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { AppError, centralTestOutcome, citizenProfile } from '../../electron/contract';
import { registerDevice, testCentral } from '../../electron/host/central-calls';
import { openDatabase, type Db } from '../../electron/db/connection';
import { SyncStateRepository } from '../../electron/db/sync-state-repository';
import { CHANGES_FEED } from '../../electron/sync/apply-batch';
import { backoffMs } from '../../electron/sync/backoff';
import { BatchRejectedError, readVerifiedBatch } from '../../electron/sync/batch-verifier';
import { parseRetryAfter, pullOnce } from '../../electron/sync/central-client';
import { fetchCentralProfile } from '../../electron/sync/central-profile';
import { confirmChallenge, openChallenge } from '../../electron/sync/identity-challenges';
import { Outbox } from '../../electron/sync/outbox';
import { AuditRepository } from '../../electron/db/audit-repository';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { AuditLog } from '../../electron/security/audit';
import { AuditShipper, parseAuditAck } from '../../electron/sync/audit-shipper';
import { caseDataSchema, changeLineSchema, parseCaseUpsert } from '../../electron/sync/feed-schema';
import { sampleCaseData } from '../fixtures/feed/case-data';
import { LineTooLongError, ndjsonLineGroups } from '../../electron/sync/ndjson-stream';
import { CENTRAL } from '../fixtures/dossier/citizen';
import { fuzzTarget, onlyThrows } from './fuzz-target';
import { hostileText, mutatedJson, replaceSomewhere, textEdits } from './mutate';
import { APP_ROOT } from './samples';

const REJECT_REASONS = ['truncated', 'bad-hash', 'bad-signature', 'bad-line', 'seq-order'];
const central = generateKeyPairSync('ed25519');
const CENTRAL_PEM = central.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const caseData = sampleCaseData();
const LINES: Record<string, unknown>[] = [
  { type: 'case', op: 'upsert', id: 'c1', data: caseData },
  { type: 'procedure', op: 'upsert', id: '1.001193', data: { code: '1.001193', national: true, name: { vi: 'Đăng ký khai sinh', en: 'Birth registration' }, agency: { vi: 'UBND xã', en: 'Commune' }, feeVnd: 0 } },
  { type: 'form', op: 'delete', id: 'f1' },
  { type: 'rulepack', op: 'upsert', id: 'p1', data: { id: 'p1', version: '1.0.0', rules: [] } },
];

/** A change line: a sample with any member replaced by any JSON, or any JSON at all. */
const changeLine = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(...LINES), fc.jsonValue(), fc.nat()).map(([line, by, seed]) => replaceSomewhere(line, by, seed)), weight: 3 },
  { arbitrary: fc.constantFrom(...LINES), weight: 2 },
  { arbitrary: fc.jsonValue(), weight: 1 },
);

/**
 * A batch plan, turned into bytes once the cursor is known: change lines with seqs counted from
 * `after` (steps of 0 or less break the order), a checkpoint hashed and signed by the central key,
 * then perhaps edits after signing (a tampered or cut stream), cut into chunks of any size.
 */
const batchPlan = fc.record({
  lines: fc.array(fc.tuple(changeLine, fc.integer({ min: -1, max: 3 })), { maxLength: 6 }),
  more: fc.boolean(),
  tamper: fc.option(textEdits, { freq: 2 }),
  chunk: fc.integer({ min: 1, max: 300 }),
});
type BatchPlan = typeof batchPlan extends fc.Arbitrary<infer P> ? P : never;

function batchBytes(plan: BatchPlan, after: number): { chunks: Uint8Array<ArrayBuffer>[]; text: string } {
  let seq = after;
  const text = plan.lines
    .map(([line, step]) => {
      seq += step;
      const withSeq = typeof line === 'object' && line !== null && !Array.isArray(line) ? { seq, ...line } : line;
      return `${JSON.stringify(withSeq)}\n`;
    })
    .join('');
  const hash = createHash('sha256').update(text, 'utf8').digest('hex');
  const sig = sign(null, Buffer.from(hash, 'utf8'), central.privateKey).toString('base64');
  const whole = `${text}${JSON.stringify({ type: 'checkpoint', seq, more: plan.more, hash, sig })}\n`;
  const sent = plan.tamper ? plan.tamper(whole) : whole;
  const bytes = new TextEncoder().encode(sent);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let i = 0; i < bytes.length; i += plan.chunk) chunks.push(bytes.slice(i, i + plan.chunk));
  return { chunks, text: sent };
}

async function* from(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  yield* chunks;
}

let syncDb: Db | undefined;
/** One in-memory database per process: a pull only adds to it, and each run compares before and after. */
const db = () => (syncDb ??= openDatabase(':memory:', join(APP_ROOT, 'electron', 'db', 'migrations')).db);
const count = (table: string) => (db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const RECEIPT = { caseId: 'case-1', receiptCode: 'H01.22-261123-0001', status: 'received' };
let outboxDays = 0;

/** What a centre (or something posing as one) may answer: any status, Retry-After, body. */
const centralAnswer = fc.record({
  status: fc.constantFrom(200, 200, 200, 200, 201, 400, 401, 403, 404, 409, 429, 500, 503),
  retryAfter: fc.option(hostileText(['120', 'Wed, 21 Oct 2026 07:28:00 GMT', '0']), { nil: undefined }),
});

export const SYNC_TARGETS = [
  fuzzTarget({
    name: 'sync: NDJSON reader (any bytes, any chunking)',
    covers: ['ndjsonLineGroups'],
    inputs: () => fc.record({ chunks: fc.array(fc.uint8Array({ maxLength: 64 }).map((b) => b.map((x) => (x % 5 === 0 ? 0x0a : x))), { maxLength: 12 }), max: fc.integer({ min: 1, max: 200 }) }),
    check: async ({ chunks, max }) => {
      const lines: Uint8Array[] = [];
      const error = await onlyThrows(async () => {
        for await (const group of ndjsonLineGroups(from(chunks), { maxLineBytes: max })) {
          for (const line of group) {
            assert.ok(line.bytes.length <= max && !line.bytes.includes(0x0a));
            assert.equal(line.text, decodeOrNull(line.bytes));
            lines.push(Uint8Array.from([...line.bytes, ...(line.terminated ? [0x0a] : [])]));
          }
        }
      }, (e) => e instanceof LineTooLongError);
      // Every byte comes out once, in order, unless a line was too long.
      if (error === undefined) assert.deepEqual(Buffer.concat(lines), Buffer.concat(chunks));
    },
  }),
  fuzzTarget({
    name: 'sync: signed batch verifier (hash, Ed25519, seq order)',
    covers: ['readVerifiedBatch', 'BatchVerifier', 'parseCaseUpsert'],
    inputs: () => fc.tuple(batchPlan, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 6 })),
    check: async ([plan, after, limit]) => {
      const { chunks } = batchBytes(plan, after);
      const error = await onlyThrows(async () => {
        const batch = await readVerifiedBatch(from(chunks), { publicKey: CENTRAL_PEM, after, limit });
        let last = after;
        for (const change of batch.changes) {
          assert.ok(change.seq > last, 'seqs increase');
          last = change.seq;
        }
        assert.ok(batch.changes.length <= limit);
        assert.equal(batch.checkpoint.seq, last);
      }, (e) => e instanceof BatchRejectedError);
      if (error) assert.ok(REJECT_REASONS.includes((error as BatchRejectedError).reason));
    },
  }),
  fuzzTarget({
    name: 'sync: fast case-line check agrees with the zod schemas',
    covers: ['parseCaseUpsert'],
    inputs: () => fc.tuple(changeLine, fc.oneof(fc.nat(), fc.double(), fc.constant(-0))).map(([line, seq]) => (typeof line === 'object' && line !== null && !Array.isArray(line) ? { seq, ...line } : line)),
    check: (line) => {
      const fast = parseCaseUpsert(line);
      const zod = changeLineSchema.safeParse(line);
      const data = zod.success && zod.data.op === 'upsert' && zod.data.type === 'case' ? caseDataSchema.safeParse(zod.data.data) : null;
      if (fast !== null) assert.deepEqual(fast, { ...zod.data, data: data?.data });
      else assert.ok(data === null || !data.success, 'zod accepts a case line the fast check refused');
    },
  }),
  fuzzTarget({
    name: 'sync: pull from a hostile centre (status, Retry-After, batch)',
    covers: ['pullOnce', 'parseRetryAfter', 'readVerifiedBatch', 'applyBatch'],
    inputs: () => fc.tuple(centralAnswer, batchPlan),
    check: async ([answer, plan]) => {
      const state = new SyncStateRepository(db());
      const before = { cursor: state.cursor(CHANGES_FEED), cases: count('cases'), objects: count('synced_objects') };
      const fake: typeof fetch = async (url) => {
        const { chunks } = batchBytes(plan, Number(new URL(String(url)).searchParams.get('after')));
        const headers = answer.retryAfter === undefined ? undefined : { 'retry-after': answer.retryAfter.replace(/[^\t\x20-\x7e]/g, '') };
        return new Response(answer.status === 200 ? new Blob(chunks) : 'x', { status: answer.status, headers });
      };
      const result = await pullOnce({ db: db(), baseUrl: 'http://central.invalid/', token: 't', publicKeyPem: CENTRAL_PEM, fetch: fake, maxBatches: 2, limit: 10 });
      if (!result.ok && 'retryAfterSeconds' in result.error) assertTimerDelay(backoffMs(1, result.error.retryAfterSeconds));
      if (result.batches === 0) {
        // Nothing applied: nothing changed but the error noted in sync_state.
        assert.deepEqual({ cursor: state.cursor(CHANGES_FEED), cases: count('cases'), objects: count('synced_objects') }, before);
      }
      assert.equal(state.cursor(CHANGES_FEED), result.cursor);
    },
  }),
  fuzzTarget({
    name: 'outbox: the answers to POST /v1/dossiers',
    covers: ['Outbox', 'parseRetryAfter', 'backoffMs'],
    inputs: () => fc.tuple(centralAnswer, mutatedJson([RECEIPT, { error: { code: 'FIELD_MISSING', message: 'Thiếu trường' } }])),
    check: async ([answer, body]) => {
      // Each run two days after the last, so rows left pending are due again; the centre takes
      // them, so only this run's row meets the hostile answer.
      const now = new Date((outboxDays += 2) * 86_400_000);
      // The outbox finds its rows by state without an index: 100,000 sent rows would make each run scan them all.
      if (count('outbox') >= 1000) db().prepare('DELETE FROM outbox').run();
      const outbox = new Outbox(db(), () => now);
      const { id, idempotencyKey } = outbox.enqueue({ procedureCode: '1.001193', applicant: { personalNumber: '001099012345', fullName: 'Nguyễn Văn An' }, fields: {} });
      const headers = answer.retryAfter === undefined ? undefined : { 'retry-after': answer.retryAfter.replace(/[^\t\x20-\x7e]/g, '') };
      const fake: typeof fetch = async (_url, init) =>
        new Headers(init?.headers).get('idempotency-key') === idempotencyKey ? new Response(body, { status: answer.status, headers }) : Response.json(RECEIPT, { status: 201 });
      await outbox.sendDue({ baseUrl: 'http://central.invalid', token: 't', fetch: fake });
      const entry = outbox.get(id)!;
      if (entry.state === 'sent') assert.ok(entry.receipt!.caseId !== '' && entry.receipt!.receiptCode !== '');
      if (entry.state === 'attention') assert.ok(entry.lastError!.status! >= 400 && entry.lastError!.status! < 500);
      if (entry.state === 'pending') {
        assert.ok(entry.nextAttemptAt !== null && !Number.isNaN(Date.parse(entry.nextAttemptAt)));
        assertTimerDelay(entry.lastError!.delayMs!);
      }
      assert.ok(outbox.list('pending').length <= 1);
    },
  }),
  fuzzTarget({
    name: 'audit: the answers to POST /v1/audit',
    covers: ['AuditShipper', 'parseAuditAck', 'parseRetryAfter', 'backoffMs'],
    // The body: the true acknowledgement of the rows sent, or a hostile one (a near miss, a 409, anything).
    inputs: () => fc.tuple(centralAnswer, fc.option(mutatedJson([{ through: 1, hash: 'a'.repeat(64) }, { error: { code: 'audit-chain-break', message: 'x' }, through: 0, hash: '0'.repeat(64) }]), { nil: null })),
    check: async ([answer, hostile]) => {
      const rows = new AuditRepository(db());
      const log = new AuditLog(rows, new SettingsRepository(db()));
      // Rows the centre never took pile up across runs: a batch of 500 each time would slow the run, not test more.
      if (rows.unshippedCount() > 50) rows.markShipped(rows.all().at(-1)!.id, rows.all().at(-1)!.hash, new Date().toISOString());
      log.record({ session: 'fuzz', role: 'kiosk', channel: 'citizen.open', purpose: 'identification', legalBasis: 'x', subject: null, outcome: 'ok' });
      const held = rows.all();
      const last = held.at(-1)!;
      const body = hostile ?? JSON.stringify({ through: last.id, hash: last.hash });
      const headers = answer.retryAfter === undefined ? undefined : { 'retry-after': answer.retryAfter.replace(/[^\t\x20-\x7e]/g, '') };
      const fake: typeof fetch = async () => new Response(body, { status: answer.status, headers });
      const shipper = new AuditShipper(db());
      const summary = await shipper.shipDue({ baseUrl: 'http://central.invalid', token: 't', fetch: fake });
      const acked = answer.status === 200 && (() => { try { const ack = parseAuditAck(JSON.parse(body)); return ack?.through === last.id && ack.hash === last.hash; } catch { return false; } })();
      // Pruned exactly when the centre acknowledged the last row sent; otherwise every row stays, and the failure is noted.
      assert.deepEqual(rows.all(), acked ? [] : held);
      assert.equal(summary.shipped, acked ? held.length : 0);
      if (!acked) assert.ok(summary.error !== null && rows.anchor().lastError !== null);
      assert.deepEqual(log.verify(), { ok: true, rows: acked ? 0 : held.length, shipped: rows.anchor().shipped, shippedThrough: rows.anchor().throughId });
      if (summary.error) assertTimerDelay(backoffMs(1, summary.error.retryAfterSeconds));
    },
  }),
  fuzzTarget({
    name: 'central: device registration and link test answers',
    covers: ['registerDevice', 'testCentral'],
    inputs: () => fc.tuple(centralAnswer, mutatedJson([{ deviceId: 'dev-1', token: 'tok-1' }]), batchPlan),
    check: async ([answer, body, plan]) => {
      const fake: typeof fetch = async () => new Response(body, { status: answer.status });
      await onlyThrows(async () => {
        const deviceKey = generateKeyPairSync('ed25519');
        const registration = await registerDevice({ endpoint: 'http://central.invalid', enrolmentCode: 'E', centreCode: 'H01', role: 'kiosk', deviceKey, fetch: fake });
        assert.ok(typeof registration.deviceId === 'string' && registration.token !== '');
      }, (e) => e instanceof AppError);
      const feed: typeof fetch = async (url) =>
        String(url).includes('/health') ? new Response('{}', { status: answer.status }) : new Response(new Blob(batchBytes(plan, 0).chunks), { status: answer.status });
      const outcome = await testCentral({ url: 'http://central.invalid', token: 't', publicKeyPem: CENTRAL_PEM }, 0, feed);
      assert.ok(centralTestOutcome.options.includes(outcome), outcome);
    },
  }),
  fuzzTarget({
    name: 'central: Retry-After header into a retry delay',
    covers: ['parseRetryAfter', 'backoffMs'],
    inputs: () => fc.tuple(hostileText(['120', '0', 'Wed, 21 Oct 2026 07:28:00 GMT', '99999999999'], 60), fc.integer({ min: 1, max: 40 })),
    check: ([header, attempt]) => {
      const seconds = parseRetryAfter(header, Date.UTC(2026, 10, 23));
      assert.ok(seconds === null || (Number.isFinite(seconds) && seconds >= 0), `${seconds} seconds`);
      assertTimerDelay(backoffMs(attempt, seconds));
    },
  }),
  fuzzTarget({
    name: 'central: citizen profile answers',
    covers: ['fetchCentralProfile'],
    inputs: () => fc.tuple(centralAnswer, mutatedJson([CENTRAL, { ...CENTRAL, extra: 1 }, {}])),
    check: async ([answer, body]) => {
      const fake: typeof fetch = async () => new Response(body, { status: answer.status });
      const result = await fetchCentralProfile({ url: 'http://central.invalid', token: 't', publicKeyPem: CENTRAL_PEM }, { personalNumber: CENTRAL.personalNumber!, birthDate: CENTRAL.birthDate! }, 'PURPOSE', 'consent', { fetch: fake });
      if (!result.ok) return assert.ok(result.reason.length > 0);
      citizenProfile.parse(result.profile);
      assert.ok(result.profile.personalNumber === undefined || result.profile.personalNumber === CENTRAL.personalNumber);
      assert.ok(result.profile.birthDate === undefined || result.profile.birthDate === CENTRAL.birthDate);
    },
  }),
  fuzzTarget({
    name: 'central: identity challenge answers',
    covers: ['openChallenge', 'confirmChallenge'],
    inputs: () =>
      fc.tuple(
        centralAnswer,
        mutatedJson([
          { challengeId: 'c1', status: 'pending', expiresAt: '2026-12-07T03:05:00.000Z', phoneHint: '•••• ••• 816' },
          { error: { code: 'identity-mismatch', message: 'm' } },
          { error: { code: 'wrong-code', message: 'm' } },
        ]),
      ),
    check: async ([answer, body]) => {
      const fake: typeof fetch = async () => new Response(body, { status: answer.status });
      const link = { url: 'http://central.invalid', token: 't', publicKeyPem: CENTRAL_PEM };
      for (const result of [await openChallenge(link, { personalNumber: CENTRAL.personalNumber!, birthDate: CENTRAL.birthDate! }, fake), await confirmChallenge(link, 'c1', '123456', fake)]) {
        if (!result.ok) assert.ok(result.reason.length > 0 && ['mismatch', 'wrong-code', 'expired', 'refused', 'unavailable'].includes(result.failure));
        else assert.ok(['pending', 'confirmed', 'expired', 'refused'].includes(result.challenge.status));
      }
    },
  }),
];

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeOrNull(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A wait a timer can hold: setTimeout treats anything above 2^31−1 ms (or not finite) as 1 ms. */
function assertTimerDelay(ms: number): void {
  assert.ok(Number.isFinite(ms) && ms >= 0 && ms <= 2 ** 31 - 1, `retry in ${ms} ms`);
}
