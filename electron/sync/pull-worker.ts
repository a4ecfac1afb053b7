import { parentPort, workerData } from 'node:worker_threads';
import { openSecondConnection } from '../db/connection';
import { pullOnce } from './central-client';
import type { ThreadPullData, ThreadPullMessage } from './pull-thread';

// One pull of the central feed in a worker thread (electron/sync/pull-thread.ts), bundled as
// pull-worker.cjs beside the host's bundle: its own connection, closed when the pull ends.
const { address, options } = workerData as ThreadPullData;
const post = (message: ThreadPullMessage) => parentPort!.postMessage(message);
const db = openSecondConnection(address);
void pullOnce({ ...options, db, onBatch: (progress) => post({ t: 'batch', progress }) })
  .then((result) => post({ t: 'done', result }))
  .finally(() => db.close());
