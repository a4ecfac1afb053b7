/**
 * Starts a web host in its own process, so a test can see whether a request brings the process
 * down. Usage: node --import tsx test/support/web-host-child.ts <staticDir>
 * Prints one JSON line {origin, token} once listening.
 */
import { EventBus } from '../../electron/host/event-bus';
import { startWebHost } from '../../electron/host/web-host';

void (async () => {
  const web = await startWebHost({
    router: { dispatch: async () => ({ ok: true, value: { pong: true } }) },
    events: new EventBus(),
    staticDir: process.argv[2] ?? null,
    port: 0,
  });
  process.stdout.write(`${JSON.stringify({ origin: web.origin, token: web.token })}\n`);
  process.on('SIGTERM', () => void web.close().then(() => process.exit(0)));
})();
