import { Worker } from 'node:worker_threads';
import type { Db } from '../db/connection';
import { addressOf, type DatabaseAddress } from '../db/encrypted-file';
import type { PullOptions, PullProgress, PullResult } from './central-client';

/** One pull of the feed, as SyncService runs it: in its thread (pullOnce) or in a worker (pullInThread). */
export type Pull = (options: PullOptions) => Promise<PullResult>;

/** What a pull in a worker is given: PullOptions that cross a thread (no connection, clock, fetch or signal). */
export type ThreadPullOptions = Pick<PullOptions, 'baseUrl' | 'token' | 'limit' | 'batchesPerRequest' | 'applyChunk' | 'feed' | 'maxBatches' | 'maxBatchBytes' | 'timeoutMs'> & {
  publicKeyPem: string;
};

export interface ThreadPullData {
  address: DatabaseAddress;
  options: ThreadPullOptions;
}

export type ThreadPullMessage = { t: 'batch'; progress: PullProgress } | { t: 'done'; result: PullResult };

/**
 * Pulls in a worker thread of its own (`script`, electron/sync/pull-worker.ts bundled), on its own
 * connection to `db`'s file: reading the answer, decompressing, parsing, verifying and writing the
 * batches no longer share the thread that answers the screens, which only reads meanwhile (WAL).
 * The worker writes as pullOnce does (each part whole with its cursor), and SyncService runs one
 * pull at a time, so there is still one sync writer. The worker uses the system clock for
 * sync_state's times; a pull with an injected clock or fetch (tests) runs in this thread instead.
 */
export function pullInThread(script: string, db: Db): Pull {
  return (options) => {
    if (options.fetch || options.now || typeof options.publicKeyPem !== 'string') throw new Error('pullInThread: a pull with an injected fetch or clock runs with pullOnce');
    const { baseUrl, token, publicKeyPem, limit, batchesPerRequest, applyChunk, feed, maxBatches, maxBatchBytes, timeoutMs } = options;
    const defined = Object.fromEntries(Object.entries({ limit, batchesPerRequest, applyChunk, feed, maxBatches, maxBatchBytes, timeoutMs }).filter(([, v]) => v !== undefined));
    const data: ThreadPullData = { address: addressOf(db), options: { baseUrl, token, publicKeyPem, ...defined } };
    return new Promise<PullResult>((resolve, reject) => {
      const worker = new Worker(script, { workerData: data });
      let result: PullResult | null = null;
      worker.on('message', (m: ThreadPullMessage) => {
        if (m.t === 'batch') options.onBatch?.(m.progress);
        else result = m.result;
      });
      worker.once('error', reject);
      worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`the sync's worker thread stopped (exit ${code}) before its pull ended`))));
    });
  };
}
