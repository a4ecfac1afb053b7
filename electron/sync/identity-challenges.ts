import { z } from 'zod';
import type { CentralLink } from './sync-service';

/** The centre's answers about a holder confirmation (resources/central-api.yaml, IdentityChallenge). */
const challengeView = z.object({
  challengeId: z.string().min(1).max(64),
  status: z.enum(['pending', 'confirmed', 'expired', 'refused']),
  expiresAt: z.string().max(40),
  phoneHint: z.string().max(40).nullable().optional(),
});
export type CentralChallenge = z.infer<typeof challengeView>;

/**
 * A call failed: `mismatch` (403 identity-mismatch: not the person's birth date), `wrong-code`
 * (403), `expired` (410), `refused` (409: too many wrong codes), or `unavailable` for anything else
 * (no centre, no answer, a person the centre does not know).
 */
export type ChallengeFailure = 'mismatch' | 'wrong-code' | 'expired' | 'refused' | 'unavailable';
export type ChallengeResult = { ok: true; challenge: CentralChallenge } | { ok: false; failure: ChallengeFailure; reason: string };

const FAILURES: Readonly<Record<string, ChallengeFailure>> = {
  'identity-mismatch': 'mismatch',
  'wrong-code': 'wrong-code',
  'challenge-expired': 'expired',
  'challenge-refused': 'refused',
};

async function call(link: CentralLink, path: string, body: unknown, fetchImpl: typeof fetch = fetch): Promise<ChallengeResult> {
  const url = new URL(path, link.url.endsWith('/') ? link.url : `${link.url}/`);
  try {
    const res = await fetchImpl(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${link.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(5_000),
    });
    const json = (await res.json().catch(() => null)) as { error?: { code?: unknown } } | null;
    if (res.status !== 200 && res.status !== 201) {
      const code = typeof json?.error?.code === 'string' ? json.error.code : '';
      return { ok: false, failure: FAILURES[code] ?? 'unavailable', reason: `HTTP ${res.status} ${code}`.trim() };
    }
    const parsed = challengeView.safeParse(json);
    return parsed.success ? { ok: true, challenge: parsed.data } : { ok: false, failure: 'unavailable', reason: 'challenge does not match the contract' };
  } catch (error) {
    return { ok: false, failure: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** `POST /v1/identity/challenges`: the centre sends a one-time code to the person's registered phone. */
export const openChallenge = (link: CentralLink, person: { personalNumber: string; birthDate: string }, fetchImpl?: typeof fetch) =>
  call(link, 'v1/identity/challenges', { pin: person.personalNumber, birthDate: person.birthDate }, fetchImpl);

/** `GET /v1/identity/challenges/{id}`: whether the holder approved (in the e-ID app). */
export const challengeStatus = (link: CentralLink, id: string, fetchImpl?: typeof fetch) => call(link, `v1/identity/challenges/${encodeURIComponent(id)}`, undefined, fetchImpl);

/** `POST /v1/identity/challenges/{id}/confirm`: the code the holder read on the phone. */
export const confirmChallenge = (link: CentralLink, id: string, code: string, fetchImpl?: typeof fetch) =>
  call(link, `v1/identity/challenges/${encodeURIComponent(id)}/confirm`, { code }, fetchImpl);
