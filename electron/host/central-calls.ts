import type { KeyObject } from 'node:crypto';
import { AppError, type CentralTestOutcome } from '../contract';
import { readVerifiedBatch, toPublicKey } from '../sync/batch-verifier';
import { FEED_HEADERS } from '../sync/central-client';
import type { CentralLink } from '../sync/sync-service';
import type { Registration } from './central-link';

// The two calls a technician makes by hand: registering the machine, and testing the link.

const TIMEOUT_MS = 10_000;

/** A path under the central API's base URL, keeping the base's own path (https://host/api/ + v1/…). */
export const apiUrl = (base: string, path: string): URL => new URL(path, base.endsWith('/') ? base : `${base}/`);

export interface RegisterRequest {
  endpoint: string;
  enrolmentCode: string;
  centreCode: string;
  role: 'kiosk' | 'counter';
  /** This machine's Ed25519 key, the one that signs its identity evidence and print-outs: the centre checks that evidence against it. */
  deviceKey: { privateKey: KeyObject; publicKey: KeyObject };
  fetch?: typeof fetch;
}

/** POST /v1/devices with the machine's Ed25519 public key; the private key never leaves this machine. */
export async function registerDevice(request: RegisterRequest): Promise<Registration> {
  const { privateKey, publicKey } = request.deviceKey;
  let res: Response;
  try {
    res = await (request.fetch ?? fetch)(apiUrl(request.endpoint, 'v1/devices'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        centreCode: request.centreCode,
        role: request.role,
        enrolmentCode: request.enrolmentCode,
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new AppError('CENTRAL_UNREACHABLE');
  }
  if (res.status === 403) throw new AppError('CENTRAL_ENROLMENT_REFUSED');
  const body = (await res.json().catch(() => null)) as { deviceId?: unknown; token?: unknown } | null;
  if (res.status !== 201 || typeof body?.deviceId !== 'string' || typeof body.token !== 'string' || body.token === '') {
    throw new AppError('CENTRAL_REGISTRATION_FAILED');
  }
  return { deviceId: body.deviceId, token: body.token, privateKey, centreCode: request.centreCode, role: request.role };
}

/**
 * GET /v1/health, then one authorised batch of the feed after our cursor, verified with the
 * pinned key: tells "cannot reach it" from "it refuses our token" from "it is not the centre we pinned".
 */
export async function testCentral(link: CentralLink, cursor: number, doFetch: typeof fetch = fetch): Promise<CentralTestOutcome> {
  try {
    const health = await doFetch(apiUrl(link.url, 'v1/health'), { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await health.body?.cancel();
    if (!health.ok) return 'unreachable';
    const url = apiUrl(link.url, 'v1/changes');
    url.searchParams.set('after', String(cursor));
    url.searchParams.set('limit', '1');
    const res = await doFetch(url, { headers: { ...FEED_HEADERS, authorization: `Bearer ${link.token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (res.status === 401 || res.status === 403) return (await res.body?.cancel(), 'bad-token');
    if (res.status !== 200 || !res.body) return (await res.body?.cancel(), res.status === 429 || res.status === 503 ? 'unreachable' : 'error');
    try {
      await readVerifiedBatch(res.body, { publicKey: toPublicKey(link.publicKeyPem), after: cursor, limit: 1 });
      return 'ok';
    } catch (error) {
      return (error as { reason?: string }).reason === 'bad-signature' ? 'wrong-central-key' : 'error';
    }
  } catch {
    return 'unreachable';
  }
}
