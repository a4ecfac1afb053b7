import { parentPort, workerData } from 'node:worker_threads';
import { CaseSearch } from '../db/case-search';
import { openSecondConnection } from '../db/connection';
import { pullOnce } from '../sync/central-client';
import { startCaseIndexDriver } from './case-index-driver';
import { hostIsWriting, type FromWriter, type ToWriter, type WriterData } from './writer-thread';

// The host's writer thread (electron/host/writer-thread.ts), bundled as writer-worker.cjs beside
// the host's bundle: its own connection, the case index's catch-up on a timer, pulls on request.
const port = parentPort!;
const post = (message: FromWriter) => port.postMessage(message);
const { address, hostWriting } = workerData as WriterData;
const flag = new Int32Array(hostWriting);
const db = openSecondConnection(address);
/** Before each transaction: the host's writes go first (a yield at least, so messages are read between parts). */
async function afterHostWrites(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  while (hostIsWriting(flag)) await new Promise((resolve) => setTimeout(resolve, 1));
}
const caseIndex = startCaseIndexDriver(CaseSearch.of(db), { mayWrite: () => !hostIsWriting(flag), onError: (error) => post({ t: 'failed', id: null, message: `case index: ${error instanceof Error ? error.message : String(error)}` }) });

port.on('message', (m: ToWriter) => {
  if (m.t === 'close') {
    caseIndex.stop();
    db.close();
    port.close();
    return;
  }
  const { id, options } = m;
  pullOnce({ ...options, db, beforePart: afterHostWrites, onBatch: (progress) => post({ t: 'batch', id, progress }) }).then(
    (result) => post({ t: 'done', id, result }),
    (error: unknown) => post({ t: 'failed', id, message: error instanceof Error ? error.message : String(error) }),
  );
});
