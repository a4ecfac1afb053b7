import type { HubDb } from './hub-db';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs the operations that arrive together in one transaction, so forty counters calling at once
 * cost one fsync, not forty (every commit is fsynced: a ticket printed outlives a power cut).
 * Each operation has its own savepoint: one that throws undoes only itself. Its caller hears of
 * it only after the commit, so no machine is told of a change the disk does not hold yet.
 */
export function groupCommit(db: HubDb): <T>(work: () => T) => Promise<T> {
  let pending: { work: () => unknown; done: (outcome: Outcome) => void }[] = [];

  function flush(): void {
    const batch = pending;
    pending = [];
    let outcomes: Outcome[] = [];
    try {
      db.transaction(() => {
        outcomes = batch.map(({ work }): Outcome => {
          try {
            return { ok: true, value: db.transaction(work)() };
          } catch (error) {
            return { ok: false, error };
          }
        });
      })();
    } catch (error) {
      outcomes = batch.map(() => ({ ok: false, error }));
    }
    batch.forEach(({ done }, i) => done(outcomes[i]!));
  }

  return <T>(work: () => T) =>
    new Promise<T>((resolve, reject) => {
      // Whatever the event loop has read by the end of this turn joins the same commit.
      if (pending.length === 0) setImmediate(flush);
      pending.push({ work, done: (o) => (o.ok ? resolve(o.value as T) : reject(o.error)) });
    });
}
