import { parentPort, workerData } from 'node:worker_threads';
import { serveHost } from '../host/host-protocol';
import type { Flags } from './flags';
import { openHostLog } from '../host/host-log';
import { attachedChipReader } from '../host/attached-chip-reader';
import { dbPathFor, hostFor, logDirFor, type CentralChoice } from './host-for';
import { joinHub } from './join-hub';
import { appRoot } from './paths';
import { dirname } from 'node:path';

// Browser mode's host, in a worker thread: SQLite commits, sync batches and PDFs run here while
// the main thread's HTTP front keeps answering (bundled as dist/cli/host-worker.cjs).
const { flags, central } = workerData as { flags: Flags; central: CentralChoice };
const port = parentPort!;
void Promise.all([openHostLog(logDirFor(flags)), attachedChipReader(dirname(dbPathFor(flags)), flags.demo ? { appRoot: appRoot() } : undefined)]).then(([log, chipSource]) => {
  const host = hostFor(flags, 'browser', true, central, log, chipSource);
  void joinHub(host, flags);
  serveHost(host, { post: (m) => port.postMessage(m), onMessage: (l) => port.on('message', l) }, () => {
    log.close();
    port.close();
  });
});
