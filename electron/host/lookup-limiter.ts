import { AppError } from '../contract';
import type { Session } from './session';

export interface LookupLimits {
  /** Look-ups one kiosk session may make per window. */
  perSession: number;
  /** Failed look-ups (no such code) the whole host accepts per window before refusing kiosks. */
  failedPerHost: number;
  windowMs: number;
}

export const DEFAULT_LOOKUP_LIMITS: LookupLimits = { perSession: 10, failedPerHost: 60, windowMs: 60_000 };

/**
 * The kiosk's status look-up by receipt code without logging in: so that codes cannot be walked,
 * a kiosk session gets `perSession` look-ups a minute and the host `failedPerHost` failed ones a
 * minute (sliding windows); beyond, LOOKUP_RATE_LIMITED. Officers and technicians are not limited.
 * A failed look-up is counted (no code, no session kept), never audited: it reads no personal data.
 */
export class LookupLimiter {
  private readonly bySession = new Map<string, number[]>();
  private failures: number[] = [];
  private failedTotal = 0;

  constructor(
    private readonly limits: LookupLimits = DEFAULT_LOOKUP_LIMITS,
    private readonly clock: () => number = () => Date.now(),
    /** Told of each failed kiosk look-up (to keep a count; nothing about the code tried). */
    private readonly onFailed: () => void = () => undefined,
  ) {}

  /** Runs a look-up for `session`, refusing it when a limit is reached; counts it when it fails with `failedCode`. */
  async run<T>(session: Session, lookup: () => Promise<T> | T, failedCode = 'CASE_NOT_FOUND'): Promise<T> {
    if (session.role !== 'kiosk') return lookup();
    const now = this.clock();
    const since = now - this.limits.windowMs;
    this.failures = this.failures.filter((t) => t > since);
    const mine = (this.bySession.get(session.id) ?? []).filter((t) => t > since);
    for (const [id, times] of this.bySession) if (id !== session.id && times.every((t) => t <= since)) this.bySession.delete(id);
    if (mine.length >= this.limits.perSession || this.failures.length >= this.limits.failedPerHost) {
      this.bySession.set(session.id, mine);
      throw new AppError('LOOKUP_RATE_LIMITED');
    }
    mine.push(now);
    this.bySession.set(session.id, mine);
    try {
      return await lookup();
    } catch (error) {
      if (error instanceof AppError && error.data.code === failedCode) {
        this.failures.push(now);
        this.failedTotal += 1;
        this.onFailed();
      }
      throw error;
    }
  }

  /** Failed look-ups since the host started (a count only: which codes were tried is not kept). */
  failedLookups(): number {
    return this.failedTotal;
  }
}
