/**
 * The baseline of the API latency bench: the shape browser mode had before its host moved to a
 * worker thread — host and HTTP front in one thread. Usage:
 *   node --import tsx test/bench/api-inline-child.ts DB CENTRAL_URL TOKEN KEY_FILE
 * Prints the web host's URL (with its token) once listening.
 */
import { readFileSync } from 'node:fs';
import { createHost } from '../../electron/host/create-host';
import { startWebHost } from '../../electron/host/web-host';

const [dbPath, url, token, keyFile] = process.argv.slice(2) as [string, string, string, string];
const host = createHost({ appRoot: process.cwd(), dbPath, demo: false, devices: false, transport: 'browser', version: 'bench', central: { url, token, publicKeyPem: readFileSync(keyFile, 'utf8') } });
void startWebHost({ router: host.router, events: host.events, staticDir: null }).then((web) => {
  console.log(web.url);
  process.once('SIGTERM', () => void web.close().then(() => host.close()).then(() => process.exit(0)));
});
