import type { CaseSearch } from '../db/case-search';

export interface CaseIndexDriverOptions {
  /** Cases indexed per step, one transaction in the host thread: 50 (the default) take a few milliseconds. */
  stepRows?: number;
  /** Pause between steps while a pass is under way: the main process serves its channels meanwhile. */
  busyDelayMs?: number;
  /** How often to look for new work (two small reads) when the index is complete. */
  idleDelayMs?: number;
  /** False while another writer must go first (the host, when the driver runs in its writer thread): the step waits for the next beat. */
  mayWrite?: () => boolean;
  /** A failed step (the database busy or closed) is retried after idleDelayMs; no personal data is in it. */
  onError?: (error: unknown) => void;
}

export interface CaseIndexDriver {
  stop(): void;
}

/**
 * Keeps the case search index up to date in the background: after a first sync of a
 * million cases, the index is built in steps of `stepRows` with the event loop free between them,
 * instead of in one transaction that blocks the first search for minutes.
 */
export function startCaseIndexDriver(search: CaseSearch, options: CaseIndexDriverOptions = {}): CaseIndexDriver {
  const stepRows = options.stepRows ?? 50;
  const busyDelayMs = options.busyDelayMs ?? 20;
  const idleDelayMs = options.idleDelayMs ?? 1_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (ms: number) => {
    if (!stopped) timer = setTimeout(tick, ms).unref();
  };
  function tick(): void {
    timer = undefined;
    if (stopped) return;
    if (options.mayWrite && !options.mayWrite()) return schedule(busyDelayMs);
    try {
      const step = search.catchUpStep(stepRows);
      schedule(step.complete ? idleDelayMs : busyDelayMs);
    } catch (error) {
      options.onError?.(error);
      schedule(idleDelayMs);
    }
  }
  schedule(0);
  return {
    stop: () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
