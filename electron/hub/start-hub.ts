import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHubDb } from './hub-db';
import { hubKey } from './hub-key';
import { startHubServer, type HubServer } from './hub-server';
import { QueueStore } from './queue-store';
import { queueServices } from './queue-types';

export interface HubStart {
  appRoot: string;
  dbPath: string;
  port: number;
  listen?: string;
  pairingCode: string | null;
  now?: () => Date;
  heartbeatMs?: number;
}

/** Opens the hub's database (the bundled services on a first start), its key, and serves it. */
export async function startHub(options: HubStart): Promise<HubServer & { closeAll(): Promise<void> }> {
  const db = openHubDb(options.dbPath, options.appRoot);
  const queue = new QueueStore(db, options.now ?? (() => new Date()));
  if (queue.services().length === 0) {
    queue.setServices(queueServices.parse(JSON.parse(readFileSync(join(options.appRoot, 'resources', 'queue', 'services.json'), 'utf8'))));
  }
  const server = await startHubServer({
    db,
    key: hubKey(db, options.dbPath),
    pairingCode: options.pairingCode,
    port: options.port,
    ...(options.listen ? { listen: options.listen } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
  });
  return {
    ...server,
    closeAll: async () => {
      await server.close();
      db.close();
    },
  };
}
