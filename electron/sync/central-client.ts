import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/connection';
import { SyncStateRepository } from '../db/sync-state-repository';
import { applyBatch, CHANGES_FEED } from './apply-batch';
import { BatchRejectedError, readVerifiedBatches, toPublicKey, type RejectReason, type VerifiedBatch } from './batch-verifier';

export interface PullOptions {
  db: Db;
  baseUrl: string;
  token: string;
  /** The central key, SPKI PEM (or a KeyObject). */
  publicKeyPem: string | KeyObject;
  /** Changes per batch (the `limit` query); default 5000: fewer commits, yet a bounded batch in memory. */
  limit?: number;
  /**
   * Batches the centre may stream in one answer (the `batches` query), each checkpointed alone;
   * default: as many as make CHANGES_PER_REQUEST changes. See batchesPerRequest.
   */
  batchesPerRequest?: number;
  /**
   * Group commit: batches are applied in one transaction until it has been open this many ms
   * (and no longer than the groups before it, so the first batch commits at once), each batch
   * still whole with its cursor (a savepoint), so a crash loses only whole batches of the last
   * moments. A commit writes every page it dirtied, and random keys dirty most index
   * pages, so fewer commits make a large first sync much faster. Only for a connection nothing
   * else writes on (`motcua sync`): another write on it would join the open transaction and not
   * be durable until it commits, and other processes wait for the file's write lock meanwhile.
   * Default 0: each batch commits alone.
   */
  commitEveryMs?: number;
  /**
   * Applies a verified batch in transactions of at most this many changes, each with the cursor
   * at its last change, and yields to the event loop between them: a host that also answers its
   * screens never holds the thread for a whole batch. Default: the whole batch in one.
   */
  applyChunk?: number;
  /** Awaited before each part's transaction instead of a bare yield: the host's writer thread waits there while the host writes. */
  beforePart?: () => Promise<void>;
  fetch?: typeof fetch;
  /** Safety bound on batches in one pull; default 10 000. */
  maxBatches?: number;
  /** Most bytes one batch may expand to once decompressed; default DEFAULT_MAX_BATCH_BYTES (a decompression bomb is refused). */
  maxBatchBytes?: number;
  /** Per request, headers and body; default 60 s. */
  timeoutMs?: number;
  signal?: AbortSignal;
  feed?: string;
  /** Told after each applied batch, for a progress bar (with commitEveryMs, perhaps not yet committed). */
  onBatch?: (progress: PullProgress) => void;
  /** The clock of sync_state's success and error times and of an HTTP-date Retry-After; default the system's. */
  now?: () => Date;
}

export type PullError =
  | { kind: 'unauthorized'; status: 401; message: string }
  | { kind: 'rate-limited' | 'unavailable'; status: 429 | 503; retryAfterSeconds: number | null; message: string }
  | { kind: 'http'; status: number; code: string | null; message: string }
  | { kind: 'rejected'; reason: RejectReason; message: string }
  | { kind: 'network'; message: string }
  /** A verified batch that the database refused (e.g. a receipt code already held by another case id). */
  | { kind: 'apply'; message: string };

export interface PullProgress {
  /** Changes written by this pull (over every batch applied). */
  applied: number;
  /** The cursor after this pull (unchanged by a failed batch). */
  cursor: number;
  /** Batches applied. */
  batches: number;
}

export type PullResult = ({ ok: true } & PullProgress) | ({ ok: false; error: PullError } & PullProgress);

/**
 * Compression asked for by name. fetch (undici) decompresses as the body is read, so the lines
 * still stream through the verifier chunk by chunk, and the verifier bounds what a batch may
 * expand to; a centre that does not compress answers identity, read the same way.
 */
export const FEED_HEADERS = { accept: 'application/x-ndjson', 'accept-encoding': 'br, gzip' } as const;

/** Fewer, larger batches: each commit costs about as much as thousands of row writes. */
export const DEFAULT_LIMIT = 5000;
/**
 * Changes one answer may carry, over its batches. A batch is asked for only once the answer before
 * it has ended, so the link idles for a round trip between answers: on a slow link far away (a
 * rural centre on a few Mbit/s, 300 ms away) an answer of one small batch would leave it idle much
 * of the time. A centre that knows `batches` streams several checkpointed batches in one answer
 * (each still verified and applied alone, so memory stays one batch); an older one sends one.
 */
export const CHANGES_PER_REQUEST = 20_000;
export const batchesPerRequest = (limit: number): number => Math.max(1, Math.min(MAX_BATCHES_PER_REQUEST, Math.floor(CHANGES_PER_REQUEST / limit)));
/** The reference centre's bound on `batches`. */
const MAX_BATCHES_PER_REQUEST = 100;

/**
 * The longest Retry-After honoured: a day. A timer cannot wait more than 2^31−1 ms (it fires at
 * once instead), and a date of year 22026 or 400 nines must not turn into a retry loop.
 */
export const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

/** `Retry-After` as seconds: delta-seconds or an HTTP date, at most a day; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const v = value.trim();
  const seconds = /^\d+$/.test(v) ? Number(v) : Math.ceil((Date.parse(v) - now) / 1000);
  return Number.isNaN(seconds) ? null : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds));
}

async function errorBody(res: Response): Promise<{ code: string | null; message: string | null }> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof body.error?.code === 'string' ? body.error.code : null;
    const message = typeof body.error?.message === 'string' ? body.error.message.slice(0, 300) : null;
    return { code, message };
  } catch {
    return { code: null, message: null };
  }
}

async function httpError(res: Response, now: () => Date): Promise<PullError> {
  const { code, message } = await errorBody(res);
  const text = `HTTP ${res.status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`;
  if (res.status === 401) return { kind: 'unauthorized', status: 401, message: text };
  if (res.status === 429 || res.status === 503) {
    return {
      kind: res.status === 429 ? 'rate-limited' : 'unavailable',
      status: res.status,
      retryAfterSeconds: parseRetryAfter(res.headers.get('retry-after'), now().getTime()),
      message: text,
    };
  }
  return { kind: 'http', status: res.status, code, message: text };
}

/** One line for logs, `sync_state.last_error` and the screens; never quotes feed content. */
export const describePullError = (e: PullError): string => {
  switch (e.kind) {
    case 'rate-limited':
    case 'unavailable':
      return `${e.kind}: ${e.message}${e.retryAfterSeconds !== null ? ` (retry after ${e.retryAfterSeconds}s)` : ''}`;
    case 'rejected':
      return `${e.kind} (${e.reason}): ${e.message}`;
    default:
      return `${e.kind}: ${e.message}`;
  }
};

/**
 * Pulls `GET /v1/changes` from the stored cursor until a checkpoint says `more: false`. Each
 * batch is read as it streams, verified (hash, Ed25519 signature, seq order) and applied with
 * its cursor in one transaction; only that batch's changes are held, never the whole response.
 * The next batch is requested before this one is applied, so the centre streams it meanwhile.
 * On any failure the batch is dropped, the cursor stays, and the error goes to `sync_state`;
 * batches applied before it stay applied.
 */
export async function pullOnce(options: PullOptions): Promise<PullResult> {
  const { db } = options;
  const feed = options.feed ?? CHANGES_FEED;
  const limit = options.limit ?? DEFAULT_LIMIT;
  const batches = options.batchesPerRequest ?? batchesPerRequest(limit);
  const commitEveryMs = options.commitEveryMs ?? 0;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const key = toPublicKey(options.publicKeyPem);
  const state = new SyncStateRepository(db);
  const progress: PullProgress = { applied: 0, cursor: state.cursor(feed), batches: 0 };
  const maxBatches = options.maxBatches ?? 10_000;
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;

  const request = (after: number): BatchRequest => {
    const url = new URL('v1/changes', base);
    url.searchParams.set('after', String(after));
    url.searchParams.set('limit', String(limit));
    if (batches > 1) url.searchParams.set('batches', String(batches));
    // One controller per request, its timer and listener removed once the batch is read: a
    // pending AbortSignal.timeout would keep the request (and what it holds) alive for its whole
    // delay, a thousand of them in a large first sync.
    const controller = new AbortController();
    const expire = (): void => controller.abort(new DOMException('the request timed out', 'TimeoutError'));
    let timer = setTimeout(expire, options.timeoutMs ?? 60_000);
    const stop = (): void => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', stop);
    if (options.signal?.aborted) stop();
    const done = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    };
    const response = doFetch(url, { headers: { ...FEED_HEADERS, authorization: `Bearer ${options.token}` }, signal: controller.signal });
    // Awaited in turn, or dropped with abort() when the pull stops first.
    response.catch(() => undefined);
    return {
      after,
      response,
      done,
      rearm: () => {
        clearTimeout(timer);
        timer = setTimeout(expire, options.timeoutMs ?? 60_000);
      },
      abort: () => {
        done();
        controller.abort();
      },
    };
  };

  // When the group-commit transaction (commitEveryMs) was opened (null when none is open), and
  // when the first was: a group lasts no longer than the groups before it, so they grow from one batch.
  let groupSince: number | null = null;
  let firstGroupAt = 0;
  const commitGroup = (): PullError | null => {
    if (groupSince === null) return null;
    groupSince = null;
    try {
      db.exec('COMMIT');
      return null;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      progress.cursor = state.cursor(feed);
      return { kind: 'apply', message: error instanceof Error ? error.message : String(error) };
    }
  };

  /** One verified batch and its cursor, in one transaction (or a savepoint of the group). */
  const apply = async (batch: VerifiedBatch): Promise<PullError | null> => {
    try {
      if (commitEveryMs > 0 && groupSince === null) {
        db.exec('BEGIN IMMEDIATE');
        groupSince = performance.now();
        if (progress.batches === 0) firstGroupAt = groupSince;
      }
      // Inside a group this is a savepoint: a batch that fails leaves the group's other batches.
      for (const [k, part] of chunksOf(batch, options.applyChunk).entries()) {
        if (options.beforePart) await options.beforePart();
        else if (k > 0) await new Promise((resolve) => setImmediate(resolve));
        const result = applyBatch(db, part, feed, now);
        progress.applied += result.applied;
        progress.cursor = result.cursor;
      }
      progress.batches++;
    } catch (error) {
      // applyBatch rolled back: the cursor and data are as they were.
      return { kind: 'apply', message: error instanceof Error ? error.message : String(error) };
    }
    if (groupSince !== null && performance.now() - groupSince >= Math.min(commitEveryMs, groupSince - firstGroupAt)) {
      const error = commitGroup();
      if (error) return error;
    }
    options.onBatch?.({ ...progress });
    return null;
  };

  let next = request(progress.cursor);
  /** Reads answers until the feed says no more; each batch of an answer is applied as it verifies. */
  const pullBatches = async (): Promise<PullError | null> => {
    while (progress.batches < maxBatches) {
      const current = next;
      let res: Response;
      try {
        res = await current.response;
      } catch (error) {
        return { kind: 'network', message: error instanceof Error ? error.message : String(error) };
      }
      if (res.status !== 200) return httpError(res, now);
      const type = res.headers.get('content-type') ?? '';
      if (!type.toLowerCase().startsWith('application/x-ndjson') || !res.body) {
        await res.body?.cancel().catch(() => undefined);
        return { kind: 'http', status: res.status, code: null, message: `unexpected content type '${type}'` };
      }
      let inAnswer = 0;
      let requested = false;
      try {
        for await (const batch of readVerifiedBatches(res.body, { publicKey: key, after: current.after, limit, ...(options.maxBatchBytes ? { maxBatchBytes: options.maxBatchBytes } : {}) })) {
          current.rearm();
          const { more, seq } = batch.checkpoint;
          // The answer's last batch: the next answer is asked for before this one is applied, so the centre streams it meanwhile.
          if (++inAnswer === batches && more && seq > batch.after && progress.batches + 1 < maxBatches) {
            next = request(seq);
            requested = true;
          }
          const error = await apply(batch);
          if (error) return error;
          if (!more) return null;
          // A server that says "more" without moving the cursor would loop for ever.
          if (progress.cursor === batch.after) {
            return { kind: 'rejected', reason: 'seq-order', message: 'batch rejected (seq-order): more was set but the cursor did not move' };
          }
          if (progress.batches >= maxBatches) return null;
        }
      } catch (error) {
        if (error instanceof BatchRejectedError) return { kind: 'rejected', reason: error.reason, message: error.message };
        throw error;
      } finally {
        current.done();
      }
      // An older centre sends one batch per answer whatever `batches` says.
      if (!requested) next = request(progress.cursor);
    }
    return null;
  };

  let error: PullError | null = null;
  try {
    error = await pullBatches();
  } finally {
    next.abort();
    // Whatever stopped the pull, the batches applied so far are whole: keep them.
    error = commitGroup() ?? error;
  }
  if (error) {
    state.recordError(feed, describePullError(error), now().toISOString());
    return { ok: false, error, ...progress };
  }
  return { ok: true, ...progress };
}

/**
 * A verified batch as parts of at most `size` changes; each part's checkpoint is its last change,
 * the last part's the batch's own. Each part is whole with its cursor: a stop between them resumes
 * from the part applied, and the centre answers a batch from there.
 */
function chunksOf(batch: VerifiedBatch, size: number | undefined): VerifiedBatch[] {
  if (!size || batch.changes.length <= size) return [batch];
  const parts: VerifiedBatch[] = [];
  for (let start = 0; start < batch.changes.length; start += size) {
    const changes = batch.changes.slice(start, start + size);
    const last = start + size >= batch.changes.length;
    parts.push({ ...batch, changes, checkpoint: last ? batch.checkpoint : { ...batch.checkpoint, seq: changes.at(-1)!.seq, more: true } });
  }
  return parts;
}

interface BatchRequest {
  after: number;
  /** Each batch of an answer has the whole timeout again (a long answer on a slow link is not a hung one). */
  rearm: () => void;
  response: Promise<Response>;
  /** The batch has been read: drop the timer and the listener. */
  done: () => void;
  abort: () => void;
}
