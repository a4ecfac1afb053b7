import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/create-host';
import { hostCall } from './host-with-central';
import { makeTempDir } from './temp-dir';

/** A whole MotCua host (its own SQLite, demo data) as one machine of the centre, not yet paired. */
export function startMachineHost(name: string, { listen = false } = {}) {
  const tmp = makeTempDir(`motcua-${name}-`);
  const host: Host = createHost({ appRoot: process.cwd(), dbPath: join(tmp.dir, 'motcua.db'), demo: true, transport: 'browser', version: 'test', devices: false, sync: listen, retention: false });
  return {
    host,
    dir: tmp.dir,
    call: hostCall(() => host),
    close: async () => {
      await host.close();
      tmp.cleanup();
    },
  };
}
