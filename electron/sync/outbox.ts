/**
 * The durable outbox of dossiers for `POST /v1/dossiers` (DESIGN.md "Central system API").
 *
 * A dossier is written to SQLite with a fresh Idempotency-Key before `enqueue` returns, and every
 * attempt sends that same key, so a resend after a crash (the centre created the case but the
 * 201 never got stored) gets the centre's first answer back instead of making a second case.
 *
 * States: 'pending' (to send; a passing failure — 429, 5xx, network, timeout, unreadable answer —
 * keeps it here with a backoff), 'sent' (the receipt is stored), 'attention' (the centre refused
 * it with a 4xx: an officer must look; it is never dropped nor retried until `retry` or `supersede`), 'superseded'
 * (refused, then replaced by a corrected row under a new key: kept, with a link to the new row).
 *
 * When a pending row is next due is not a column: `last_error` (JSON, {@link OutboxError})
 * keeps the wait chosen after the failure (`delayMs`, from backoffMs and Retry-After), and the row
 * is due at `updated_at + delayMs`.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { OutboxRepository, type OutboxCounts, type OutboxRow, type OutboxState } from '../db/outbox-repository';
import { backoffMs } from './backoff';
import { parseRetryAfter } from './central-client';
import { errorText, MAX_ERROR_MESSAGE, readErrorBody } from './central-errors';

export type { OutboxCounts, OutboxState } from '../db/outbox-repository';

/** The body of `POST /v1/dossiers`. PRIVACY: personal data; never logged. */
export interface DossierBody {
  procedureCode: string;
  applicant: { personalNumber: string; fullName: string };
  fields: Record<string, string | number | boolean | null>;
}

/** The centre's answer to an accepted dossier. */
export interface DossierReceipt {
  caseId: string;
  receiptCode: string;
  status: string;
}

/** Why the last attempt failed, as stored in `last_error`. Carries no personal data. */
export interface OutboxError {
  /** 'http': a status the centre sent; 'network': no answer (refused, reset, timeout); 'bad-response': an answer we could not read. */
  kind: 'http' | 'network' | 'bad-response';
  status: number | null;
  /** The centre's `error.code`, if it sent one. */
  code: string | null;
  message: string;
  retryAfterSeconds: number | null;
  /** For a pending row: the wait after this failure before the next attempt. */
  delayMs: number | null;
  at: string;
}

export interface OutboxEntry {
  id: number;
  idempotencyKey: string;
  body: DossierBody;
  state: OutboxState;
  attempts: number;
  lastError: OutboxError | null;
  receipt: DossierReceipt | null;
  createdAt: string;
  updatedAt: string;
  /** For a pending row, when it may next be sent (ISO); null otherwise. */
  nextAttemptAt: string | null;
  /** For a superseded row, the id of the corrected row sent instead. */
  supersededBy: number | null;
}

export interface SendDueOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** The clock (tests move it instead of waiting). */
  now?: () => Date;
  /** Per request, headers and body; default 30 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** For the backoff jitter. */
  random?: () => number;
}

export interface SendSummary {
  /** Rows sent by this run. */
  sent: number;
  /** Rows still pending after this run (due later, or failed for a passing reason). */
  pending: number;
  /** Rows moved to 'attention' by this run. */
  attention: number;
  /** POSTs made by this run. */
  attempted: number;
  /** The earliest time a pending row is due (ISO), or null when none is pending. */
  nextAttemptAt: string | null;
}

export class OutboxRetryError extends Error {}


/** Statuses that say "not now" rather than "not this": the row stays pending. */
function isTransient(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** The centre refused the dossier itself (so it made no case under its key): a corrected body may go under a new key. */
export function refusedForBody(error: OutboxError | null): boolean {
  return error?.status === 400 || error?.status === 409 || error?.status === 422;
}

function parseError(text: string | null): OutboxError | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as OutboxError;
  } catch {
    return { kind: 'bad-response', status: null, code: null, message: text.slice(0, MAX_ERROR_MESSAGE), retryAfterSeconds: null, delayMs: null, at: '' };
  }
}

function dueAt(row: OutboxRow): number {
  const delay = parseError(row.last_error)?.delayMs ?? 0;
  return Date.parse(row.updated_at) + delay;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    body: JSON.parse(row.body) as DossierBody,
    state: row.state,
    attempts: row.attempts,
    lastError: parseError(row.last_error),
    receipt: row.receipt === null ? null : (JSON.parse(row.receipt) as DossierReceipt),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    nextAttemptAt: row.state === 'pending' ? new Date(dueAt(row)).toISOString() : null,
    supersededBy: row.superseded_by,
  };
}

function isReceipt(value: unknown): value is DossierReceipt {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.caseId === 'string' && v.caseId !== '' && typeof v.receiptCode === 'string' && v.receiptCode !== '' && typeof v.status === 'string';
}

type Outcome =
  | { kind: 'sent'; receipt: DossierReceipt }
  | { kind: 'refused'; error: Omit<OutboxError, 'delayMs' | 'at'> }
  | { kind: 'transient'; error: Omit<OutboxError, 'delayMs' | 'at'> };



export class Outbox {
  private readonly repo: OutboxRepository;
  private running: Promise<SendSummary> | null = null;
  /** After a passing failure the centre is left alone until then (ms since epoch), for every row. */
  private pausedUntil = 0;

  constructor(db: Db, private readonly clock: () => Date = () => new Date()) {
    this.repo = new OutboxRepository(db);
  }

  /** Stores the dossier, pending, under a fresh Idempotency-Key. Durable when this returns. */
  enqueue(body: DossierBody): { id: number; idempotencyKey: string } {
    const idempotencyKey = randomUUID();
    const id = this.repo.insert(idempotencyKey, JSON.stringify(body), this.clock().toISOString());
    return { id, idempotencyKey };
  }

  counts(): OutboxCounts {
    return this.repo.counts();
  }

  list(state: OutboxState): OutboxEntry[] {
    return this.repo.list(state).map(toEntry);
  }

  get(id: number): OutboxEntry | undefined {
    const row = this.repo.get(id);
    return row ? toEntry(row) : undefined;
  }

  /**
   * An officer puts an 'attention' row back to pending, due at once, under the same key, so a
   * resend can never make a second case (the centre fixed its side). A corrected dossier goes
   * through `supersede` instead.
   */
  retry(id: number): OutboxEntry {
    this.attentionRow(id);
    if (!this.repo.requeue(id, this.clock().toISOString())) throw new OutboxRetryError(`Outbox row ${id} changed meanwhile.`);
    return toEntry(this.repo.get(id)!);
  }

  /**
   * A refused row's corrected dossier, as a new pending row under a fresh Idempotency-Key (the
   * centre made no case under the old one); the old row stays, 'superseded', linked to the new.
   * Only for a row refused for its body (400, 409, 422).
   */
  supersede(id: number, correctedBody: DossierBody): { id: number; idempotencyKey: string } {
    this.assertRefusedForBody(this.attentionRow(id));
    const idempotencyKey = randomUUID();
    const newId = this.repo.supersede(id, idempotencyKey, JSON.stringify(correctedBody), this.clock().toISOString());
    if (newId === null) throw new OutboxRetryError(`Outbox row ${id} changed meanwhile.`);
    return { id: newId, idempotencyKey };
  }

  private attentionRow(id: number): OutboxRow {
    const row = this.repo.get(id);
    if (!row) throw new OutboxRetryError(`No outbox row ${id}.`);
    if (row.state !== 'attention') throw new OutboxRetryError(`Outbox row ${id} is '${row.state}', not 'attention'.`);
    return row;
  }

  private assertRefusedForBody(row: OutboxRow): void {
    if (!refusedForBody(parseError(row.last_error))) {
      const status = parseError(row.last_error)?.status ?? null;
      throw new OutboxRetryError(`Outbox row ${row.id} was not refused for its body (status ${status ?? 'none'}); retry it unchanged.`);
    }
  }

  /**
   * Sends every pending row that is due, oldest first, one at a time. A passing failure ends the
   * run (the centre is busy or unreachable: the other rows wait too) and pauses this outbox for
   * the same backoff. A call while a run is in progress gets that run's summary.
   */
  sendDue(options: SendDueOptions): Promise<SendSummary> {
    if (!this.running) {
      this.running = this.runOnce(options).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async runOnce(options: SendDueOptions): Promise<SendSummary> {
    const now = options.now ?? this.clock;
    const summary: SendSummary = { sent: 0, pending: 0, attention: 0, attempted: 0, nextAttemptAt: null };
    if (now().getTime() >= this.pausedUntil) {
      for (const row of this.repo.list('pending')) {
        if (options.signal?.aborted) break;
        if (dueAt(row) > now().getTime()) continue;
        summary.attempted++;
        const outcome = await this.post(row, options, now);
        const at = now();
        if (outcome.kind === 'sent') {
          if (this.repo.markSent(row.id, JSON.stringify(outcome.receipt), at.toISOString())) summary.sent++;
        } else if (outcome.kind === 'refused') {
          const error: OutboxError = { ...outcome.error, delayMs: null, at: at.toISOString() };
          if (this.repo.markAttention(row.id, JSON.stringify(error), at.toISOString())) summary.attention++;
        } else {
          const delayMs = backoffMs(row.attempts + 1, outcome.error.retryAfterSeconds, options.random);
          const error: OutboxError = { ...outcome.error, delayMs, at: at.toISOString() };
          this.repo.markRetry(row.id, JSON.stringify(error), at.toISOString());
          this.pausedUntil = at.getTime() + delayMs;
          break;
        }
      }
    }
    const pending = this.repo.list('pending');
    summary.pending = pending.length;
    if (pending.length) {
      const earliest = Math.max(Math.min(...pending.map(dueAt)), this.pausedUntil);
      summary.nextAttemptAt = new Date(earliest).toISOString();
    }
    return summary;
  }

  private async post(row: OutboxRow, options: SendDueOptions, now: () => Date): Promise<Outcome> {
    const doFetch = options.fetch ?? fetch;
    const url = new URL('v1/dossiers', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': row.idempotency_key,
        },
        body: row.body,
        signal,
      });
    } catch (e) {
      return { kind: 'transient', error: { kind: 'network', status: null, code: null, message: errorText(e), retryAfterSeconds: null } };
    }

    if (res.status === 200 || res.status === 201) {
      let body: unknown;
      try {
        body = await res.json();
      } catch (e) {
        // The centre may have made the case: the same key will fetch its answer next time.
        return { kind: 'transient', error: { kind: 'bad-response', status: res.status, code: null, message: `unreadable answer: ${errorText(e)}`, retryAfterSeconds: null } };
      }
      if (!isReceipt(body)) {
        return { kind: 'transient', error: { kind: 'bad-response', status: res.status, code: null, message: 'the answer has no caseId/receiptCode', retryAfterSeconds: null } };
      }
      return { kind: 'sent', receipt: { caseId: body.caseId, receiptCode: body.receiptCode, status: body.status } };
    }

    const { code, message } = await readErrorBody(res);
    const text = `HTTP ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`.slice(0, MAX_ERROR_MESSAGE);
    const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'), now().getTime());
    const error = { kind: 'http' as const, status: res.status, code, message: message ?? text, retryAfterSeconds };
    if (res.status >= 400 && res.status < 500 && !isTransient(res.status)) return { kind: 'refused', error };
    // 429, 5xx, and anything unexpected (1xx/3xx/other 2xx): try again later with the same key.
    return { kind: 'transient', error };
  }
}
