import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { connectHost, type ServedHost } from '../host/host-protocol';
import type { Flags } from './flags';
import type { CentralChoice } from './host-for';

/** Starts browser mode's host in a worker thread and talks to it through the host protocol. */
export function startHostThread(flags: Flags, central: CentralChoice): ServedHost {
  const worker = new Worker(join(__dirname, 'host-worker.cjs'), { workerData: { flags, central } });
  // A host that cannot start (a database newer than the app …) ends the process with its reason.
  worker.once('error', (error) => {
    console.error(error);
    process.exit(1);
  });
  const host = connectHost({ post: (m) => worker.postMessage(m), onMessage: (l) => worker.on('message', l) });
  return { ...host, close: () => host.close().then(() => void worker.terminate()) };
}
