// The host (router, SQLite, sync, PDF, devices) in an Electron utility process, apart from the
// main process that keeps windows, IPC, the keyring and the updater (bundled as host-process.cjs).
import { dirname, join } from 'node:path';
import { createHost } from '../host/create-host';
import { openHostLog } from '../host/host-log';
import { attachedChipReader } from '../host/attached-chip-reader';
import { serveHost, type HostPort } from '../host/host-protocol';
import { hostKeySecretStore } from '../security/secret-store';
import { hostInit, type HostState } from './host-init';
import type { Host, HostConfig } from '../host/create-host';

const SERVING_CHECK_MS = 1000;

const parent = process.parentPort;
const port: HostPort = { post: (message) => parent.postMessage(message), onMessage: (listener) => parent.on('message', (e) => listener(e.data)) };

parent.once('message', ({ data }) => void start(data));

async function start(data: unknown): Promise<void> {
  const init = hostInit.parse(data);
  const log = await openHostLog(join(dirname(init.dbPath), 'logs'));
  const chipSource = await attachedChipReader(dirname(init.dbPath), init.demo ? { appRoot: init.appRoot } : undefined);
  // As centralFromEnv gave it to the main process: the HostConfig fields of the centre.
  const central = (init.central ?? {}) as Pick<HostConfig, 'central' | 'enrol' | 'demoPhone'>;
  let host: Host;
  try {
    host = createHost({
      ...(chipSource ? { chipSource } : {}),
    appRoot: init.appRoot,
    dbPath: init.dbPath,
    demo: init.demo,
    transport: 'electron',
    version: init.version,
    provisioningDirs: init.provisioningDirs,
    // Bundled beside this file (scripts/build-main.mjs).
    writerWorker: join(__dirname, 'writer-worker.cjs'),
    ...central,
    ...(init.hostKey ? { secrets: hostKeySecretStore(Buffer.from(init.hostKey, 'base64')) } : {}),
      logError: log.logError,
      log: log.log,
    });
  } catch (error) {
    log.logError('start', error);
    parent.postMessage({ t: 'failed', message: error instanceof Error ? error.message : String(error) });
    return process.exit(1);
  }
  let last = '';
  const tell = () => {
    const state: HostState = { t: 'state', updateUrl: host.updateUrl(), servingCitizen: host.servingCitizen() };
    if (JSON.stringify(state) !== last) parent.postMessage(state);
    last = JSON.stringify(state);
  };
  tell();
  const timer = setInterval(tell, SERVING_CHECK_MS);
  serveHost(host, port, () => {
    clearInterval(timer);
    log.close();
    process.exit(0);
  });
}
