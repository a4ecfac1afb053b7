/**
 * Ships the personal-data audit log to the centre (`POST /v1/audit`, resources/central-api.yaml)
 * and keeps here only what it has not yet acknowledged: the centre is the archive, a public kiosk
 * is no place for a growing trail of who used whose data.
 *
 * Oldest rows first, at most 500 per request. After a 200 the anchor (the last shipped id and
 * hash) moves and the shipped rows are deleted in one immediate transaction, and only if the row
 * the centre named is here with the hash it named. Offline, or after any other answer, nothing is
 * deleted: the rows wait and go later, in order. A lost answer is harmless: the rows are sent
 * again and the centre acknowledges what it already holds without keeping it twice.
 */
import type { AppErrorData } from '../contract';
import { appError } from '../contract';
import { AuditRepository, AuditShipMismatchError, type AuditRow } from '../db/audit-repository';
import type { Db } from '../db/connection';
import { backoffMs } from './backoff';
import { parseRetryAfter } from './central-client';
import { errorText, MAX_ERROR_MESSAGE, readErrorBody } from './central-errors';

export const AUDIT_BATCH = 500;

/** Why the last shipment failed, as stored in audit_shipping.last_error. Carries no personal data. */
export interface AuditShipError {
  /** 'chain-break': the centre's 409 audit-chain-break; 'refused': another 4xx; 'transient': network, 429, 5xx, an unreadable answer. */
  kind: 'chain-break' | 'refused' | 'transient';
  status: number | null;
  code: string | null;
  message: string;
  retryAfterSeconds: number | null;
}

export interface AuditShipStatus {
  /** Rows held here, waiting to be shipped. */
  unshipped: number;
  /** Rows shipped (and pruned here) since the log began, through `shippedThrough`. */
  shipped: number;
  shippedThrough: number;
  /** A refusal the technician must see (vi/en); null when shipping works or only waits for the network. */
  error: AppErrorData | null;
}

export interface ShipOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Per request, headers and body; default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** For the backoff jitter. */
  random?: () => number;
}

export interface ShipSummary {
  /** Rows acknowledged and pruned by this run. */
  shipped: number;
  /** POSTs made by this run. */
  requests: number;
  error: AuditShipError | null;
}

/** The centre's 200 answer `{through, hash}`, or null when it is not one. */
export function parseAuditAck(body: unknown): { through: number; hash: string } | null {
  if (typeof body !== 'object' || body === null) return null;
  const { through, hash } = body as Record<string, unknown>;
  return Number.isSafeInteger(through) && (through as number) >= 1 && typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? { through: through as number, hash } : null;
}

/** A row as the wire has it: exactly the fields the chain hash covers, and its id. */
const wireEntry = (r: AuditRow) => ({
  id: r.id,
  at: r.at,
  session: r.session,
  role: r.role,
  channel: r.channel,
  purpose: r.purpose,
  legalBasis: r.legal_basis,
  subject: r.subject,
  outcome: r.outcome,
  actor: r.actor,
  target: r.target,
  assurance: r.assurance,
  prevHash: r.prev_hash,
  hash: r.hash,
});



function parseStoredError(text: string | null): AuditShipError | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as AuditShipError;
  } catch {
    return { kind: 'transient', status: null, code: null, message: text.slice(0, MAX_ERROR_MESSAGE), retryAfterSeconds: null };
  }
}

/** What a technician is told of a stored failure: a refusal in Vietnamese and English; waiting for the network is no error. */
export function auditShipProblem(error: AuditShipError | null): AppErrorData | null {
  if (error?.kind === 'chain-break') return appError('AUDIT_CHAIN_BREAK');
  if (error?.kind === 'refused') return appError('AUDIT_SHIP_REFUSED');
  return null;
}

export class AuditShipper {
  private readonly rows: AuditRepository;
  private running: Promise<ShipSummary> | null = null;
  private failures = 0;
  /** After a failure the centre is left alone until then (ms since the epoch). */
  private pausedUntil = 0;

  constructor(db: Db, private readonly clock: () => Date = () => new Date()) {
    this.rows = new AuditRepository(db);
  }

  status(): AuditShipStatus {
    const anchor = this.rows.anchor();
    return { unshipped: this.rows.unshippedCount(), shipped: anchor.shipped, shippedThrough: anchor.throughId, error: auditShipProblem(parseStoredError(anchor.lastError)) };
  }

  /** A technician's "sync now": the next run tries at once, whatever the backoff after the last failure. */
  resume(): void {
    this.pausedUntil = 0;
  }

  /** Ships every row held, batch after batch, unless paused by an earlier failure. A call during a run gets that run's summary. */
  shipDue(options: ShipOptions): Promise<ShipSummary> {
    this.running ??= this.runOnce(options).finally(() => (this.running = null));
    return this.running;
  }

  private async runOnce(options: ShipOptions): Promise<ShipSummary> {
    const summary: ShipSummary = { shipped: 0, requests: 0, error: null };
    if (this.clock().getTime() < this.pausedUntil) return summary;
    for (;;) {
      if (options.signal?.aborted) return summary;
      const batch = this.rows.unshipped(AUDIT_BATCH);
      if (batch.length === 0) break;
      summary.requests++;
      const error = await this.shipBatch(batch, options);
      if (typeof error === 'number') {
        summary.shipped += error;
        continue;
      }
      summary.error = error;
      this.failures++;
      this.pausedUntil = this.clock().getTime() + backoffMs(this.failures, error.retryAfterSeconds, options.random);
      this.rows.recordShipError(JSON.stringify(error), this.clock().toISOString());
      return summary;
    }
    this.failures = 0;
    return summary;
  }

  /** Posts one batch; returns the rows pruned, or why nothing was. */
  private async shipBatch(batch: AuditRow[], options: ShipOptions): Promise<number | AuditShipError> {
    const url = new URL('v1/audit', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    // Its own timer, cleared once the answer is read: a pending AbortSignal.timeout would keep the
    // request and its 500-row body alive for the whole delay, twenty of them after a busy half-minute.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('the request timed out', 'TimeoutError')), options.timeoutMs ?? 30_000);
    const stop = (): void => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', stop);
    try {
      let res: Response;
      try {
        res = await (options.fetch ?? fetch)(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ entries: batch.map(wireEntry) }),
          signal: controller.signal,
        });
      } catch (e) {
        return { kind: 'transient', status: null, code: null, message: errorText(e), retryAfterSeconds: null };
      }
      return res.status === 200 ? await this.acknowledged(res, batch) : await refusal(res, this.clock());
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    }
  }

  /** A 200: the rows are pruned if it acknowledges the batch's last row, with its hash. */
  private async acknowledged(res: Response, batch: AuditRow[]): Promise<number | AuditShipError> {
    let ack: { through: number; hash: string } | null = null;
    try {
      ack = parseAuditAck(await res.json());
    } catch {
      // unreadable: the rows are sent again, and the centre acknowledges what it holds
    }
    const last = batch[batch.length - 1]!;
    if (ack === null || ack.through !== last.id || ack.hash !== last.hash) {
      return { kind: 'transient', status: 200, code: null, message: `the answer does not acknowledge row ${last.id}`, retryAfterSeconds: null };
    }
    try {
      return this.rows.markShipped(ack.through, ack.hash, this.clock().toISOString());
    } catch (e) {
      if (e instanceof AuditShipMismatchError) return { kind: 'refused', status: 200, code: null, message: e.message, retryAfterSeconds: null };
      throw e;
    }
  }
}

/** Any other answer: a chain break, another refusal, or a passing failure (with its Retry-After). */
async function refusal(res: Response, now: Date): Promise<AuditShipError> {
  const { code, message } = await readErrorBody(res);
  const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), now.getTime());
  const text = message ?? `HTTP ${res.status}`;
  if (res.status === 409 && code === 'audit-chain-break') return { kind: 'chain-break', status: 409, code, message: text, retryAfterSeconds };
  const transient = res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500 || res.status < 400;
  return { kind: transient ? 'transient' : 'refused', status: res.status, code, message: text, retryAfterSeconds };
}
