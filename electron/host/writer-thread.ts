import { Worker } from 'node:worker_threads';
import type { Db } from '../db/connection';
import { addressOf, type DatabaseAddress } from '../db/encrypted-file';
import type { PullOptions, PullProgress, PullResult } from '../sync/central-client';
import type { Pull } from '../sync/sync-service';

/** What a pull in the writer thread is given: PullOptions that cross a thread (no connection, clock, fetch or signal). */
export type ThreadPullOptions = Pick<PullOptions, 'baseUrl' | 'token' | 'limit' | 'batchesPerRequest' | 'applyChunk' | 'feed' | 'maxBatches' | 'maxBatchBytes' | 'timeoutMs'> & {
  publicKeyPem: string;
};

export type ToWriter = { t: 'pull'; id: number; options: ThreadPullOptions } | { t: 'close' };
export type FromWriter = { t: 'batch'; id: number; progress: PullProgress } | { t: 'done'; id: number; result: PullResult } | { t: 'failed'; id: number | null; message: string };

export interface WriterData {
  address: DatabaseAddress;
  /** One Int32: how many writes of the host are waiting for or holding the write lock. */
  hostWriting: SharedArrayBuffer;
}

export interface WriterThread {
  /** One pull of the feed, run in the writer thread (SyncService runs one at a time). */
  pull: Pull;
  /**
   * Runs a write of the host's own thread (an API call's transaction) with the writer thread told
   * to let it go first: SQLite's busy handler only polls (1, 2, 5, 10 … ms), so a host write behind
   * a writer that begins its next transaction as soon as one commits could wait for seconds.
   */
  hostWrite<T>(work: () => T): T;
  close(): Promise<void>;
}

/** In the writer thread: whether the host is writing or about to; the writer waits between its transactions meanwhile. */
export const hostIsWriting = (flag: Int32Array): boolean => Atomics.load(flag, 0) > 0;

/**
 * The host's heavy writes in a worker thread of its own (`script`: electron/host/writer-worker.ts
 * bundled), on its own connection to `db`'s file: the sync's pulls (reading the answer,
 * decompressing, verifying, writing the batches) and the case index's catch-up. The thread that
 * answers the screens reads meanwhile (WAL) and keeps its own small writes, each waiting at most
 * for one short transaction of the writer. The pulls and the index share the writer's thread, so
 * they never wait on each other's locks. The writer uses the system clock for sync_state's times;
 * a pull with an injected clock or fetch (tests) runs with pullOnce instead. A writer that stopped
 * (a crash) is started again at the next pull.
 */
export function startWriterThread(script: string, db: Db, onError: (error: unknown) => void): WriterThread {
  const hostWriting = new SharedArrayBuffer(4);
  const flag = new Int32Array(hostWriting);
  const data: WriterData = { address: addressOf(db), hostWriting };
  const pending = new Map<number, { resolve(r: PullResult): void; reject(e: Error): void; onBatch: ((p: PullProgress) => void) | undefined }>();
  let nextId = 1;
  let worker: Worker | null = null;
  let closed = false;

  const start = (): Worker => {
    const w = new Worker(script, { workerData: data });
    w.on('message', (m: FromWriter) => {
      if (m.t === 'batch') return pending.get(m.id)?.onBatch?.(m.progress);
      if (m.t === 'failed' && m.id === null) return onError(new Error(m.message));
      const call = pending.get(m.id!);
      pending.delete(m.id!);
      if (m.t === 'done') call?.resolve(m.result);
      else call?.reject(new Error(m.message));
    });
    w.on('error', onError);
    w.once('exit', (code) => {
      worker = null;
      for (const call of pending.values()) call.reject(new Error(`the writer thread stopped (exit ${code}) during a pull`));
      pending.clear();
    });
    return w;
  };
  worker = start();

  return {
    pull: (options) => {
      if (options.fetch || options.now || typeof options.publicKeyPem !== 'string') throw new Error('the writer thread pulls with its own fetch and clock: run this pull with pullOnce');
      if (closed) return Promise.reject(new Error('the writer thread is closed'));
      const { baseUrl, token, publicKeyPem, limit, batchesPerRequest, applyChunk, feed, maxBatches, maxBatchBytes, timeoutMs } = options;
      const defined = Object.fromEntries(Object.entries({ limit, batchesPerRequest, applyChunk, feed, maxBatches, maxBatchBytes, timeoutMs }).filter(([, v]) => v !== undefined));
      const id = nextId++;
      return new Promise<PullResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, onBatch: options.onBatch });
        (worker ??= start()).postMessage({ t: 'pull', id, options: { baseUrl, token, publicKeyPem, ...defined } } satisfies ToWriter);
      });
    },
    hostWrite: (work) => {
      Atomics.add(flag, 0, 1);
      try {
        return work();
      } finally {
        Atomics.sub(flag, 0, 1);
      }
    },
    close: () => {
      closed = true;
      const w = worker;
      if (!w) return Promise.resolve();
      return new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage({ t: 'close' } satisfies ToWriter);
      });
    },
  };
}
