// `npm run dev`: Vite with hot reload for the renderer, in front of the real router on loopback.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { createHost } from '../electron/host/create-host';
import { startWebHost } from '../electron/host/web-host';

async function main() {
  const root = process.cwd();
  const dataDir = process.env.MOTCUA_DATA_DIR ?? join(root, '.motcua');
  mkdirSync(dataDir, { recursive: true });
  const host = createHost({ appRoot: root, dbPath: join(dataDir, 'dev.db'), demo: true, transport: 'browser', version: 'dev' });
  const token = randomBytes(24).toString('base64url');
  const api = await startWebHost({ router: host.router, events: host.events, staticDir: null, token });
  // The proxy adds the token, so the dev page needs none; both servers stay on 127.0.0.1.
  const vite = await createServer({
    configFile: join(root, 'vite.config.mts'),
    server: {
      proxy: {
        '/api': {
          target: api.origin,
          headers: { authorization: `Bearer ${token}`, host: new URL(api.origin).host },
          // The page's origin is Vite's, which the web host rightly refuses: the proxy speaks for it.
          configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')),
        },
      },
    },
  });
  await vite.listen();
  vite.printUrls();
}

void main();
