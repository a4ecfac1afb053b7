/** Wait after the `attempt`-th failure in a row (1-based): doubling from `baseMs`, capped, waiting a random 50–100 % of the step (jitter that never retries at once). */
export function backoffMs(attempt: number, retryAfterSeconds: number | null, random: () => number = Math.random, baseMs = 1000, maxMs = 5 * 60_000): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential * (0.5 + random() / 2));
  // The centre said when to come back: never earlier than that.
  return retryAfterSeconds === null ? jittered : Math.max(jittered, retryAfterSeconds * 1000);
}
