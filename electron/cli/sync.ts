import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/connection';
import { CHANGES_FEED } from '../sync/apply-batch';
import { backoffMs } from '../sync/backoff';
import { pullOnce, type PullError } from '../sync/central-client';

export interface SyncFlags {
  central?: string;
  token?: string;
  centralKey?: string;
  once: boolean;
}

/** Between successful pulls when running continuously. */
const INTERVAL_MS = 30_000;

export const describePullError = (e: PullError): string =>
  e.kind === 'rejected' ? `batch rejected (${e.reason}): ${e.message}` : `${e.kind}: ${e.message}`;

/**
 * `motcua sync --central URL --token T --central-key PEM_FILE --db PATH [--once]`: with --once,
 * drain the feed and exit 0, or exit 1 with a one-line reason; otherwise keep pulling, backing
 * off with jitter after failures and honouring Retry-After.
 */
export async function runSync(db: Db, flags: SyncFlags, signal?: AbortSignal): Promise<number> {
  if (!flags.central || !flags.token || !flags.centralKey) {
    console.error('motcua sync: --central, --token and --central-key are required');
    return 2;
  }
  const options = { db, baseUrl: flags.central, token: flags.token, publicKeyPem: readFileSync(flags.centralKey, 'utf8'), feed: CHANGES_FEED };
  let failures = 0;
  for (;;) {
    const result = await pullOnce({ ...options, ...(signal ? { signal } : {}) });
    if (flags.once) {
      if (!result.ok) console.error(`motcua sync: ${describePullError(result.error)}`);
      else console.log(`synced: ${result.applied} changes, cursor ${result.cursor}`);
      return result.ok ? 0 : 1;
    }
    failures = result.ok ? 0 : failures + 1;
    if (!result.ok) console.error(`motcua sync: ${describePullError(result.error)}`);
    const retryAfter = !result.ok && 'retryAfterSeconds' in result.error ? result.error.retryAfterSeconds : null;
    try {
      await sleep(result.ok ? INTERVAL_MS : backoffMs(failures, retryAfter), undefined, signal ? { signal } : undefined);
    } catch {
      return 0; // stopped
    }
  }
}
