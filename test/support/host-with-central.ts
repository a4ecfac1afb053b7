import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/create-host';
import { startCentralSim, type CentralSim } from './central-sim/server';
import { makeTempDir } from './temp-dir';

/** The mother on the demo card recordings; the demo centre has her spouse and a newborn on record. */
export const DEMO_MOTHER = { personalNumber: '079199012345', birthDate: '1999-05-01', cardIssueDate: '2021-10-10', fullName: 'Nguyễn Văn An', source: 'card' as const };

export interface HostWithCentral {
  host: Host;
  sim: CentralSim;
  dir: string;
  close(): Promise<void>;
}

/** A demo host on a real SQLite file, linked to a real central simulator on loopback (no sync loop, no HID). */
export async function startHostWithCentral(name: string): Promise<HostWithCentral> {
  const tmp = makeTempDir(`motcua-${name}-`);
  const sim = await startCentralSim({ cases: 3, seed: name });
  const host = createHost({
    appRoot: process.cwd(),
    dbPath: join(tmp.dir, 'motcua.db'),
    demo: true,
    transport: 'browser',
    version: 'test',
    devices: false,
    sync: false,
    central: { url: sim.url, token: sim.token, publicKeyPem: sim.publicKeyPem },
  });
  return {
    host,
    sim,
    dir: tmp.dir,
    close: async () => {
      await host.close();
      // A test may have stopped the centre already, to see the app without it.
      await sim.close().catch(() => undefined);
      tmp.cleanup();
    },
  };
}
