/**
 * A simulated clock for the services' injected clocks (SyncService's `clock`, the outbox's `now`):
 * time moves only when the test moves it, so a day of retries and backoff runs in seconds. I/O
 * stays real; simulated time stands still while a beat's requests are under way.
 */
import type { SyncClock } from '../../electron/sync/sync-service';

export class SimulatedClock implements SyncClock {
  private time: number;
  private lastId = 0;
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  private waiters: (() => void)[] = [];

  constructor(start: number) {
    this.time = start;
  }

  readonly now = (): Date => new Date(this.time);

  readonly setTimeout = (run: () => void, ms: number): number => {
    const id = ++this.lastId;
    this.timers.set(id, { at: this.time + Math.max(0, ms), run });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    return id;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  /** Milliseconds since the epoch, simulated. */
  ms(): number {
    return this.time;
  }

  /** When the earliest timer is due, or null when none is set. */
  nextDue(): number | null {
    let earliest: number | null = null;
    for (const { at } of this.timers.values()) earliest = earliest === null ? at : Math.min(earliest, at);
    return earliest;
  }

  /** Moves time forward (never back) without running timers. */
  advanceTo(at: number): void {
    this.time = Math.max(this.time, at);
  }

  /**
   * Moves to the earliest timer and runs it, then waits (in real time, at most `realMs`) until a
   * timer is set again: a service that re-arms its timer at the end of each beat has finished it.
   */
  async fireNext(realMs = 30_000): Promise<void> {
    if (this.timers.size === 0) throw new Error('no timer is set');
    const [id, timer] = [...this.timers.entries()].reduce((a, b) => (b[1].at < a[1].at ? b : a));
    this.timers.delete(id);
    this.advanceTo(timer.at);
    const rearmed = new Promise<void>((resolve) => this.waiters.push(resolve));
    let guard: ReturnType<typeof globalThis.setTimeout> | undefined;
    const stuck = new Promise<never>((_, reject) => {
      guard = globalThis.setTimeout(() => reject(new Error(`no timer set within ${realMs} ms of real time after the beat`)), realMs);
    });
    timer.run();
    try {
      await Promise.race([rearmed, stuck]);
    } finally {
      clearTimeout(guard);
    }
  }
}
