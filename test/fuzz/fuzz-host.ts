import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHost, type Host } from '../../electron/host/create-host';
import { startWebHost, type WebHost } from '../../electron/host/web-host';
import { makeTempDir } from '../support/temp-dir';
import { APP_ROOT, TODAY } from './samples';

/** A file beside the served folder: no request may ever read it. */
export const OUTSIDE_SECRET = 'FUZZ-SECRET-OUTSIDE-STATIC';
export const WEB_TOKEN = 'fuzz-token-0123456789abcdef';

/** The demo host on a temp database (and its browser-mode server) the channel and web fuzzing share; one per process. */
export interface FuzzHost {
  host: Host;
  web: () => Promise<WebHost>;
  close(): Promise<void>;
}

export function makeFuzzHost(): FuzzHost {
  const tmp = makeTempDir('motcua-fuzz-');
  const host = createHost({ appRoot: APP_ROOT, dbPath: join(tmp.dir, 'm.db'), demo: true, sync: false, devices: false, transport: 'browser', version: 't', today: () => TODAY });
  let web: Promise<WebHost> | undefined;
  const staticDir = join(tmp.dir, 'static');
  return {
    host,
    web: () =>
      (web ??= (() => {
        mkdirSync(join(staticDir, 'assets'), { recursive: true });
        writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>MotCua</title>');
        writeFileSync(join(staticDir, 'assets', 'app.js'), 'void 0;');
        writeFileSync(join(tmp.dir, 'secret.txt'), OUTSIDE_SECRET);
        return startWebHost({ router: host.router, events: host.events, staticDir, token: WEB_TOKEN });
      })()),
    async close() {
      if (web) await (await web).close();
      await host.close();
      tmp.cleanup();
    },
  };
}
