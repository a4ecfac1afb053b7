import { z } from 'zod';
import { citizenProfile, type CitizenProfile } from '../contract';
import type { CentralLink } from './sync-service';

/** Fields the centre may send that MotCua does not know are dropped, not refused. */
const centralProfile = z.object(citizenProfile.shape);

/**
 * `refused`: the centre will not release this person's data on this turn — `insufficient` (the
 * identification proves too little: 403 assurance-too-low) or `mismatch` (the person is not the one
 * identified: 403 identity-mismatch, or a profile of another number or birth date).
 */
export type ProfileFetch = { ok: true; profile: CitizenProfile } | { ok: false; reason: string; refused?: 'insufficient' | 'mismatch' };

const REFUSALS: Readonly<Record<string, 'insufficient' | 'mismatch'>> = { 'assurance-too-low': 'insufficient', 'identity-mismatch': 'mismatch' };

async function errorCode(res: Response): Promise<string | null> {
  try {
    const body = (await res.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : null;
  } catch {
    return null;
  }
}

/**
 * `GET /v1/citizens/{pin}?purpose=…` with the consent token and the turn's identity evidence
 * (security/identity-evidence.ts): the centre answers only the fields the purpose allows, or refuses
 * the level. A profile of another number or birth date than the identity held is refused here too.
 * Any failure is a reason for the log; the caller falls back to the card.
 */
export async function fetchCentralProfile(
  link: CentralLink,
  identity: { personalNumber: string; birthDate: string },
  purpose: string,
  consentToken: string,
  options: { fetch?: typeof fetch; timeoutMs?: number; evidence?: Record<string, string> } = {},
): Promise<ProfileFetch> {
  const { personalNumber, birthDate } = identity;
  const url = new URL(`v1/citizens/${encodeURIComponent(personalNumber)}`, link.url.endsWith('/') ? link.url : `${link.url}/`);
  url.searchParams.set('purpose', purpose);
  try {
    const res = await (options.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${link.token}`, 'x-consent-token': consentToken, accept: 'application/json', ...options.evidence },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (res.status === 403) {
      const code = await errorCode(res);
      const refused = code === null ? undefined : REFUSALS[code];
      return { ok: false, reason: `HTTP 403${code ? ` ${code}` : ''}`, ...(refused ? { refused } : {}) };
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `HTTP ${res.status}` };
    }
    const parsed = centralProfile.safeParse(await res.json());
    if (!parsed.success) return { ok: false, reason: 'profile does not match the contract' };
    if ((parsed.data.personalNumber ?? personalNumber) !== personalNumber || (parsed.data.birthDate ?? birthDate) !== birthDate) {
      return { ok: false, reason: 'profile of another citizen', refused: 'mismatch' };
    }
    return { ok: true, profile: parsed.data };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
