import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Db } from '../db/connection';
import { CHANGES_FEED } from '../sync/apply-batch';
import { describePullError, pullOnce } from '../sync/central-client';
import { Outbox } from '../sync/outbox';
import { SyncService } from '../sync/sync-service';

/**
 * How long `sync --once` groups batches before it commits: a kill -9 loses at most these (whole
 * batches), and an app on the same file waits less than its 5 s busy_timeout for the write lock.
 */
const ONCE_COMMIT_EVERY_MS = 2000;
/** With grouped commits the batch size no longer sets the number of commits: small batches keep the heap small. */
const ONCE_LIMIT = 1000;

export interface SyncFlags {
  central?: string;
  token?: string;
  centralKey?: string;
  once: boolean;
}

/**
 * `motcua sync --central URL --token T --central-key PEM_FILE --db PATH [--once]`: with --once,
 * drain the feed and exit 0, or exit 1 with a one-line reason; otherwise run the app's own sync
 * service (period, jittered backoff, Retry-After, outbox) until stopped.
 */
export async function runSync(db: Db, flags: SyncFlags, signal: AbortSignal): Promise<number> {
  if (!flags.central || !flags.token || !flags.centralKey) {
    console.error('motcua sync: --central, --token and --central-key are required');
    return 2;
  }
  const link = { url: flags.central, token: flags.token, publicKeyPem: readFileSync(flags.centralKey, 'utf8') };
  if (flags.once) {
    // This process is the connection's only writer, so it may group commits (see commitEveryMs).
    // It writes only the feed, whose cursor commits with its rows: a power cut may undo the last
    // commits but never tear them, and those batches are pulled again. So the WAL is not fsynced at
    // every commit (synchronous NORMAL), and a 64 MiB page cache keeps the indexes' pages in memory
    // (the default 2 MiB rereads them from the OS at every insert of a million-case first sync, and
    // each page read from the encrypted file is decrypted and its HMAC checked; each written, the reverse).
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    const start = performance.now();
    const result = await pullOnce({ db, baseUrl: link.url, token: link.token, publicKeyPem: link.publicKeyPem, feed: CHANGES_FEED, signal, limit: ONCE_LIMIT, commitEveryMs: ONCE_COMMIT_EVERY_MS });
    if (!result.ok) console.error(`motcua sync: ${describePullError(result.error)}`);
    else console.log(`synced: ${result.applied} changes, cursor ${result.cursor}, in ${((performance.now() - start) / 1000).toFixed(2)} s`);
    return result.ok ? 0 : 1;
  }
  let reported: string | null = null;
  const service = new SyncService({
    db,
    outbox: new Outbox(db),
    link,
    onStatus: (status) => {
      // Each new error once, not at every retry.
      if (status.lastError !== reported && status.lastError !== null) console.error(`motcua sync: ${status.lastError}`);
      reported = status.lastError;
    },
  });
  service.start();
  if (!signal.aborted) await once(signal, 'abort');
  await service.stop();
  return 0;
}
