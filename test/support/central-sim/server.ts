/**
 * The reference central system on loopback: routing, bearer auth, faults, and startCentralSim()
 * for tests that want it in-process. The wire contract is resources/central-api.yaml.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { receiveAudit } from './audit';
import { streamChanges, parseChangesQuery } from './changes-feed';
import { citizenProfile, profileForPurpose } from './citizens';
import { PROACTIVE_PURPOSE, proactiveProfile } from './proactive-profiles';
import { submitDossier } from './dossiers';
import { handleControl } from './control';
import { identityDesk } from './identity';
import { deviceRegistry } from './devices';
import { makeFaultState, type ActiveFaults, type Faults } from './faults';
import { HttpError, readJsonBody, sendError, sendJson, sleep } from './http-util';
import { loadOrCreateKey } from './keys';
import { openStore, type CentralStore } from './store';

export interface CentralSimOptions {
  port?: number;
  cases?: number;
  seed?: string;
  token?: string;
  keyDir?: string;
  /** SQLite file; ':memory:' (the default) keeps nothing. A file generated for the same seed and count is reused. */
  db?: string;
  faults?: Faults;
  /** One-time codes a device may register with (POST /v1/devices); none: registration is refused. */
  enrolmentCodes?: readonly string[];
  /** The clock for new dossiers; tests may fix it. */
  now?: () => Date;
}

export interface CentralSim {
  url: string;
  port: number;
  token: string;
  publicKeyPem: string;
  store: CentralStore;
  setFaults(f: Faults): ActiveFaults;
  close(): Promise<void>;
}

/** Whose audit chain the operator's token ships to (tests, `npm run central` without registration). */
const OPERATOR = 'operator';

const bearerOf = (header: string | undefined): string | null => /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? null;

function tokenMatches(presented: string | null, token: string): boolean {
  if (presented === null) return false;
  // Compare digests so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export async function startCentralSim(options: CentralSimOptions = {}): Promise<CentralSim> {
  const seed = options.seed ?? 'motcua';
  const token = options.token ?? randomBytes(24).toString('hex');
  const key = loadOrCreateKey(options.keyDir);
  const store = openStore(options.db ?? ':memory:', seed, options.cases ?? 100);
  const faults = makeFaultState(options.faults);
  const now = options.now ?? (() => new Date());
  const devices = deviceRegistry(store, options.enrolmentCodes ?? []);
  const identity = identityDesk({ seed, now, devicePublicKey: (device) => store.devicePublicKey(device) });
  /** The person's birth date as the centre holds it (the demo citizens' stories, or the generator's). */
  const personBirthDate = (pin: string): string | null => {
    const born = proactiveProfile(seed, pin, now())?.birthDate;
    return typeof born === 'string' ? born : null;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const bearer = bearerOf(req.headers.authorization);
    const operator = tokenMatches(bearer, token);

    if (path.startsWith('/_control/')) {
      if (!operator) throw new HttpError(401, 'unauthorized', 'A valid bearer token is required.');
      return handleControl(req, res, path, store, faults, now, identity);
    }
    if (!path.startsWith('/v1/')) throw new HttpError(404, 'not-found', `No route ${path}.`);

    const active = faults.get();
    // Reset, not an error reply: to the client the centre is simply not there.
    if (active.down) return void req.socket.destroy();
    if (active.latencyMs) await sleep(active.latencyMs);
    const failure = faults.takeFailure();
    if (failure) {
      const code = failure.status === 429 ? 'rate-limited' : 'unavailable';
      throw new HttpError(failure.status, code, 'Injected failure; retry later.', { 'retry-after': String(failure.retryAfterSeconds) });
    }
    if (path === '/v1/health' && method === 'GET') return sendJson(res, 200, { status: 'ok', seq: store.lastSeq() });
    if (path === '/v1/devices' && method === 'POST') return sendJson(res, 201, devices.register(await readJsonBody(req)));
    // The operator's token (tests, `npm run central`) or a token issued at device registration.
    const device = operator ? OPERATOR : bearer === null ? undefined : devices.deviceOf(bearer);
    if (device === undefined) throw new HttpError(401, 'unauthorized', 'A valid bearer token is required.', { 'www-authenticate': 'Bearer' });

    if (path === '/v1/changes' && method === 'GET') {
      const { after, limit } = parseChangesQuery(url.searchParams);
      return streamChanges(res, store, key.privateKey, faults.get(), after, limit);
    }
    if (path === '/v1/dossiers' && method === 'POST') {
      const body = await readJsonBody(req);
      const refuse = faults.get().refuseDossier;
      if (refuse && (body as { fields?: Record<string, unknown> } | null)?.fields?.[refuse.field] === refuse.value) throw new HttpError(422, refuse.code, refuse.message);
      const reply = submitDossier(store, req.headers['idempotency-key'] as string | undefined, body, now);
      if (faults.get().loseDossierReply) return void req.socket.destroy();
      return sendJson(res, reply.status, reply.body);
    }
    if (path === '/v1/audit' && method === 'POST') {
      const reply = receiveAudit(store, device, await readJsonBody(req));
      if (faults.get().loseAuditReply) return void req.socket.destroy();
      return sendJson(res, 200, reply);
    }
    const caseMatch = /^\/v1\/cases\/([^/]+)$/.exec(path);
    if (caseMatch && method === 'GET') {
      const data = store.caseByReceipt(decodeURIComponent(caseMatch[1] ?? ''));
      if (!data) throw new HttpError(404, 'case-not-found', 'No case with this receipt code.');
      return sendJson(res, 200, data);
    }
    const citizenMatch = /^\/v1\/citizens\/([^/]+)$/.exec(path);
    if (citizenMatch && method === 'GET') return citizen(decodeURIComponent(citizenMatch[1] ?? ''), url, req, res, device);
    if (path === '/v1/identity/challenges' && method === 'POST') return sendJson(res, 201, identity.open(await readJsonBody(req), device, personBirthDate));
    const challengeMatch = /^\/v1\/identity\/challenges\/([^/]+)(\/confirm)?$/.exec(path);
    if (challengeMatch && method === (challengeMatch[2] ? 'POST' : 'GET')) {
      const id = decodeURIComponent(challengeMatch[1] ?? '');
      return sendJson(res, 200, challengeMatch[2] ? identity.confirm(id, device, await readJsonBody(req)) : identity.status(id, device));
    }
    throw new HttpError(404, 'not-found', `No route ${method} ${path}.`);
  }

  function citizen(pin: string, url: URL, req: IncomingMessage, res: ServerResponse, device: string): void {
    const consent = req.headers['x-consent-token'];
    if (typeof consent !== 'string' || consent.trim() === '') throw new HttpError(403, 'consent-required', 'The X-Consent-Token header is required.');
    const born = personBirthDate(pin);
    if (born === null) throw new HttpError(404, 'citizen-not-found', 'No citizen with this personal number.');
    identity.authorise(req, device, pin, born);
    const purpose = url.searchParams.get('purpose') ?? '';
    if (purpose === PROACTIVE_PURPOSE) {
      const proactive = proactiveProfile(seed, pin, now());
      if (!proactive) throw new HttpError(404, 'citizen-not-found', 'No citizen with this personal number.');
      return sendJson(res, 200, proactive);
    }
    const profile = citizenProfile(seed, pin);
    if (!profile) throw new HttpError(404, 'citizen-not-found', 'No citizen with this personal number.');
    const fields = profileForPurpose(profile, purpose);
    if (!fields) throw new HttpError(403, 'purpose-not-allowed', `Purpose '${purpose}' gives access to no profile fields.`);
    sendJson(res, 200, fields);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (e instanceof HttpError) return sendError(res, e);
      sendError(res, new HttpError(500, 'internal', e instanceof Error ? e.message : String(e)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    token,
    publicKeyPem: key.publicKeyPem,
    store,
    setFaults: (f) => faults.set(f),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      store.close();
    },
  };
}
