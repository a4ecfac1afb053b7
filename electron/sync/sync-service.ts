import type { SyncStatus } from '../contract';
import type { Db } from '../db/connection';
import { SyncStateRepository } from '../db/sync-state-repository';
import { CHANGES_FEED } from './apply-batch';
import { AUDIT_BATCH, AuditShipper } from './audit-shipper';
import { backoffMs } from './backoff';
import { pullOnce, type PullOptions, type PullResult } from './central-client';
import type { Outbox } from './outbox';

export interface CentralLink {
  url: string;
  token: string;
  publicKeyPem: string;
}

/** Time and timers of the service; tests pass a simulated clock to live through a day in seconds. */
export interface SyncClock {
  now(): Date;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: SyncClock = {
  now: () => new Date(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One pull of the feed: pullOnce in this thread, or the same in another (the host's writer thread). */
export type Pull = (options: PullOptions) => Promise<PullResult>;

/** Between pulls while all is well. */
export const SYNC_INTERVAL_MS = 30_000;
/** Changes per transaction when the host applies a batch: a few milliseconds each, the event loop free between (250 gave app.info p50 45 ms during a 200,000-case sync, 50 gives 22 ms). */
export const HOST_APPLY_CHUNK = 50;

export interface SyncServiceDeps {
  db: Db;
  outbox: Outbox;
  link: CentralLink | null;
  onStatus(status: SyncStatus): void;
  intervalMs?: number;
  fetch?: typeof fetch;
  random?: () => number;
  clock?: SyncClock;
  /** Changes per batch; default pullOnce's. */
  limit?: number;
  /** Batches per answer; default pullOnce's. */
  batchesPerRequest?: number;
  /** How a pull runs; default pullOnce in this thread. */
  pull?: Pull;
}

/**
 * Keeps this machine's copy of the central feed fresh: a pull every interval, backoff with jitter
 * after failures (never before Retry-After), "sync now" on demand, and a status for the screens.
 * The network being down is a state ("offline"), not an error to shout about.
 */
export class SyncService {
  private readonly state: SyncStateRepository;
  private readonly clock: SyncClock;
  private readonly audit: AuditShipper;
  private timer: unknown;
  private running: Promise<void> | null = null;
  private failures = 0;
  private auditSinceShip = 0;
  private stopped = true;
  private status: SyncStatus;

  constructor(private readonly deps: SyncServiceDeps) {
    this.state = new SyncStateRepository(deps.db);
    this.clock = deps.clock ?? systemClock;
    this.audit = new AuditShipper(deps.db, () => this.clock.now());
    const saved = this.state.get(CHANGES_FEED);
    this.status = {
      configured: deps.link !== null,
      state: deps.link ? 'idle' : 'not-configured',
      cursor: saved.cursor,
      headSeq: null,
      lag: null,
      lastSuccessAt: saved.lastSuccessAt,
      lastError: saved.lastError,
      nextAttemptAt: null,
      progress: null,
      outbox: this.outboxCounts(),
      audit: this.audit.status(),
    };
  }

  private outboxCounts() {
    const { pending, attention } = this.deps.outbox.counts();
    return { pending, attention };
  }

  /** Outbox and audit counts are read fresh: other services queue submissions and append audit rows at any time. */
  current(): SyncStatus {
    return { ...this.status, outbox: this.outboxCounts(), audit: this.audit.status() };
  }

  start(): void {
    if (!this.deps.link) return;
    this.stopped = false;
    this.schedule(0);
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.clock.clearTimeout(this.timer);
    return this.running ?? Promise.resolve();
  }

  /** Pulls now (or waits for the pull under way) and returns the status after it. */
  async syncNow(): Promise<SyncStatus> {
    if (!this.deps.link) return this.current();
    this.clock.clearTimeout(this.timer);
    await (this.running ?? this.pull());
    return this.current();
  }

  /**
   * A technician's "sync now": the audit is tried at once too, like the pull, not after its own
   * backoff. (A counter's submission syncs without this, so an outage does not multiply requests.)
   */
  retryNow(): Promise<SyncStatus> {
    this.audit.resume();
    return this.syncNow();
  }

  /**
   * An audit row was appended. A full request's worth ships at once rather than at the next beat, so
   * the trail kept on this machine stays about one request long however busy it is. Deferred to a
   * microtask: the row's transaction (synchronous, better-sqlite3) has committed by then, so an
   * uncommitted row is never sent. A failure here is left to the beat, which reports and retries.
   */
  auditRecorded(): void {
    if (++this.auditSinceShip < AUDIT_BATCH || this.stopped) return;
    queueMicrotask(() => void this.shipAudit(this.deps.link!).catch(() => undefined));
  }

  private shipAudit(link: CentralLink): Promise<unknown> {
    this.auditSinceShip = 0;
    const viaFetch = this.deps.fetch ? { fetch: this.deps.fetch } : {};
    return this.audit.shipDue({ baseUrl: link.url, token: link.token, ...viaFetch, ...(this.deps.random ? { random: this.deps.random } : {}) });
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.clock.clearTimeout(this.timer);
    this.update({ nextAttemptAt: new Date(this.clock.now().getTime() + ms).toISOString() });
    this.timer = this.clock.setTimeout(() => void this.pull(), ms);
  }

  private pull(): Promise<void> {
    const link = this.deps.link!;
    const now = (): Date => this.clock.now();
    const viaFetch = this.deps.fetch ? { fetch: this.deps.fetch } : {};
    this.running = (async () => {
      this.update({ state: 'syncing', nextAttemptAt: null });
      const headSeq = await this.head(link);
      const result = await (this.deps.pull ?? pullOnce)({
        db: this.deps.db,
        baseUrl: link.url,
        token: link.token,
        publicKeyPem: link.publicKeyPem,
        ...(this.deps.clock ? { now } : {}),
        // The screens' calls (or, with the pull in a worker, the host's own writes) wait behind a transaction: keep each to a few milliseconds.
        applyChunk: HOST_APPLY_CHUNK,
        ...(this.deps.limit ? { limit: this.deps.limit } : {}),
        ...(this.deps.batchesPerRequest ? { batchesPerRequest: this.deps.batchesPerRequest } : {}),
        ...viaFetch,
        onBatch: (p) => this.update({ cursor: p.cursor, ...this.lagFor(p.cursor, headSeq) }),
      });
      // Queued submissions go out on the same beat; each keeps its Idempotency-Key until acknowledged.
      await this.deps.outbox.sendDue({ baseUrl: link.url, token: link.token, now, ...viaFetch, ...(this.deps.random ? { random: this.deps.random } : {}) });
      // The audit goes to the centre, its archive, on the same beat; rows are pruned here only once acknowledged.
      await this.shipAudit(link);
      this.update({ outbox: this.outboxCounts() });
      const saved = this.state.get(CHANGES_FEED);
      if (result.ok) {
        this.failures = 0;
        this.update({ state: 'idle', cursor: result.cursor, lastSuccessAt: saved.lastSuccessAt, lastError: null, ...this.lagFor(result.cursor, Math.max(headSeq ?? 0, result.cursor)) });
        this.schedule(this.deps.intervalMs ?? SYNC_INTERVAL_MS);
      } else {
        this.failures += 1;
        const offline = result.error.kind === 'network' || result.error.kind === 'unavailable';
        this.update({ state: offline ? 'offline' : 'error', cursor: result.cursor, lastError: saved.lastError });
        const retryAfter = 'retryAfterSeconds' in result.error ? result.error.retryAfterSeconds : null;
        this.schedule(backoffMs(this.failures, retryAfter, this.deps.random));
      }
    })()
      // Anything unforeseen (a disk error, a bug) is reported and retried like a failed pull: the
      // timer must never be left unset, or the machine would silently stop syncing.
      .catch((error: unknown) => {
        this.failures += 1;
        this.update({ state: 'error', lastError: `unexpected: ${error instanceof Error ? error.message : String(error)}` });
        this.schedule(backoffMs(this.failures, null, this.deps.random));
      })
      .finally(() => (this.running = null));
    return this.running;
  }

  /** The centre's newest seq, for the lag and the first-sync progress bar; null when unreachable. */
  private async head(link: CentralLink): Promise<number | null> {
    try {
      const res = await (this.deps.fetch ?? fetch)(new URL('/v1/health', link.url), { signal: AbortSignal.timeout(5000) });
      const body = (await res.json()) as { seq?: unknown };
      return typeof body.seq === 'number' ? body.seq : null;
    } catch {
      return null;
    }
  }

  private lagFor(cursor: number, headSeq: number | null): Pick<SyncStatus, 'headSeq' | 'lag' | 'progress'> {
    if (headSeq === null) return { headSeq: null, lag: null, progress: null };
    return { headSeq, lag: Math.max(0, headSeq - cursor), progress: headSeq === 0 ? 1 : Math.min(1, cursor / headSeq) };
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    this.deps.onStatus(this.current());
  }
}
