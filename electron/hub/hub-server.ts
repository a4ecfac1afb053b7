import { randomBytes } from 'node:crypto';
import { readBodyText } from '../base/http-body';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { todayInVietnam } from '../base/calendar-date';
import type { DeviceKey } from '../security/device-signing';
import { BlockStore } from './block-store';
import { groupCommit } from './group-commit';
import { HelpStore } from './help-store';
import type { HubDb } from './hub-db';
import { hubOps, type HubOpName, type HubTopic } from './hub-ops';
import { answerText, CLOCK_SKEW_MS, eventText, HEADER, NonceWindow, publicKeyPem, requestText, signText, verifyText } from './hub-wire';
import { MACHINE_ROLES, Pairing, PairingRefused, type Machine } from './pairing';
import { QueueStore, QueueUnknownService } from './queue-store';
import { RatingStore } from './rating-store';

export interface HubServerOptions {
  db: HubDb;
  key: DeviceKey;
  /** The one-time pairing code, shown on the hub; null: pairing closed. */
  pairingCode: string | null;
  pairingMinutes?: number;
  port: number;
  listen?: string;
  now?: () => Date;
  /** How often an idle event stream carries a comment, so a machine notices a hub that vanished. */
  heartbeatMs?: number;
}

export interface HubServer {
  port: number;
  publicKeyPem: string;
  queue: QueueStore;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
/** How long changes gather before one event tells them all. */
const PUBLISH_DELAY_MS = 25;
const pairInput = z
  .object({ publicKey: z.string().max(400), role: z.enum(MACHINE_ROLES), nonce: z.string().min(16).max(64), proof: z.string().max(64), signature: z.string().max(128) })
  .strict();

/**
 * The centre hub: the day's queue and help requests in its SQLite, served to paired machines on
 * the LAN. `POST /v1/pair` pairs; `POST /v1/rpc/<op>` and `GET /v1/events` need a signed request;
 * every answer and event is signed by the hub (electron/hub/hub-wire.ts).
 */
export async function startHubServer(options: HubServerOptions): Promise<HubServer> {
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const hubPem = publicKeyPem(options.key.publicKey);
  const pairing = new Pairing(options.db, options.pairingCode, nowMs() + (options.pairingMinutes ?? 60) * 60_000, nowMs);
  const queue = new QueueStore(options.db, now);
  const help = new HelpStore(options.db, now);
  const ops = hubOps(options.db, () => todayInVietnam(now()), queue, help, new BlockStore(options.db, now), new RatingStore(options.db, now));
  const nonces = new NonceWindow();
  const commit = groupCommit(options.db);
  // Events are signed once, over this run's epoch and their id; each stream's first event binds the epoch to its nonce.
  const epoch = randomBytes(12).toString('base64url');
  let eventId = 0;
  const streams = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    readAt.set(res, performance.now());
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'internal' }, null);
    });
  });

  /** When each request was read: its answer says how long the hub itself took (Server-Timing; not signed, for measuring only). */
  const readAt = new WeakMap<ServerResponse, number>();

  function send(res: ServerResponse, status: number, body: unknown, nonce: string | null): void {
    const text = JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
    const since = readAt.get(res);
    if (since !== undefined) headers['server-timing'] = `hub;dur=${(performance.now() - since).toFixed(2)}`;
    if (nonce !== null) headers[HEADER.hub] = signText(answerText(nonce, status, text), options.key);
    res.writeHead(status, headers);
    res.end(text);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method === 'GET' && path === '/v1/hub') return send(res, 200, { publicKey: hubPem, pairing: pairing.open }, null);
    if (req.method === 'POST' && path === '/v1/pair') return pair(await readBodyText(req, MAX_BODY), res);
    const body = req.method === 'POST' ? await readBodyText(req, MAX_BODY) : '';
    const machine = authenticate(req, path, body);
    const nonce = req.headers[HEADER.nonce] as string;
    if (!machine) return send(res, 401, { error: 'unauthenticated' }, null);
    if (req.method === 'GET' && path === '/v1/events') return stream(res, nonce);
    const name = /^\/v1\/rpc\/([A-Za-z]+)$/.exec(path)?.[1];
    if (req.method !== 'POST' || !name || !Object.hasOwn(ops, name)) return send(res, 404, { error: 'unknown' }, nonce);
    const def = ops[name as HubOpName];
    if (!def.roles.includes(machine.role)) return send(res, 403, { error: 'forbidden' }, nonce);
    let input: unknown;
    try {
      input = JSON.parse(body || '{}');
    } catch {
      return send(res, 400, { error: 'bad-input' }, nonce);
    }
    const parsed = def.input.safeParse(input);
    if (!parsed.success) return send(res, 400, { error: 'bad-input' }, nonce);
    let output: unknown;
    try {
      output = await commit(() => (def.run as (i: unknown, m: Machine) => unknown)(parsed.data, machine));
    } catch (error) {
      if (error instanceof QueueUnknownService) return send(res, 404, { error: 'unknown-service' }, nonce);
      throw error;
    }
    send(res, 200, output, nonce);
    for (const topic of def.changes) publish(topic);
  }

  function pair(body: string, res: ServerResponse): void {
    let input: z.output<typeof pairInput>;
    try {
      input = pairInput.parse(JSON.parse(body));
    } catch {
      return send(res, 400, { error: 'bad-input' }, null);
    }
    try {
      const { machine, proof } = pairing.pair(input, hubPem);
      send(res, 200, { hubPublicKey: hubPem, role: machine.role, label: machine.label, proof }, null);
    } catch (error) {
      if (error instanceof PairingRefused) return send(res, 403, { error: 'pairing-refused' }, null);
      return send(res, 400, { error: 'bad-input' }, null);
    }
  }

  /** The paired machine that signed this request, or null for anything else (unknown key, stale time, replayed nonce). */
  function authenticate(req: IncomingMessage, path: string, body: string): Machine | null {
    const h = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : '');
    const [keyId, time, nonce, signature] = [h(HEADER.key), h(HEADER.time), h(HEADER.nonce), h(HEADER.signature)];
    if (!keyId || !nonce || !signature || Math.abs(Number(time) - nowMs()) > CLOCK_SKEW_MS) return null;
    const machine = pairing.machine(keyId);
    if (!machine || !verifyText(requestText(req.method ?? '', path, time, nonce, body), signature, machine.publicKey)) return null;
    return nonces.fresh(nonce, nowMs()) ? machine : null;
  }

  function stream(res: ServerResponse, nonce: string): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`event: hello\ndata: ${signText(eventText(nonce, 0, 'hello', epoch), options.key)} ${epoch}\n\n`);
    streams.add(res);
    res.on('close', () => streams.delete(res));
    // The state as it is now, so a machine back from an outage is current at once.
    res.write(frame('queue'));
    res.write(frame('help'));
  }

  const payload = (topic: HubTopic) => (topic === 'queue' ? { calls: queue.board(), waiting: queue.waiting() } : { requests: help.list() });

  /** One signed event, the same bytes for every stream. */
  function frame(topic: HubTopic): string {
    const data = JSON.stringify(payload(topic));
    const id = ++eventId;
    return `id: ${id}\nevent: ${topic}\ndata: ${signText(eventText(epoch, id, topic, data), options.key)} ${data}\n\n`;
  }

  // Changes in a burst (forty counters calling at once) go out as one event per topic, a few ms later.
  const dirty = new Set<HubTopic>();
  let flushTimer: NodeJS.Timeout | null = null;
  function publish(topic: HubTopic): void {
    if (streams.size === 0) return;
    dirty.add(topic);
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      for (const t of dirty) {
        const text = frame(t);
        for (const res of streams) res.write(text);
      }
      dirty.clear();
    }, PUBLISH_DELAY_MS);
  }

  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, options.heartbeatMs ?? 10_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.listen ?? '0.0.0.0', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    publicKeyPem: hubPem,
    queue,
    close: () =>
      new Promise((resolve) => {
        clearInterval(heartbeat);
        if (flushTimer) clearTimeout(flushTimer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

