import { z } from 'zod';
import { citizenProfile, type CitizenProfile } from '../contract';
import type { CentralLink } from './sync-service';

/** Fields the centre may send that MotCua does not know are dropped, not refused. */
const centralProfile = z.object(citizenProfile.shape);

export type ProfileFetch = { ok: true; profile: CitizenProfile } | { ok: false; reason: string };

/**
 * `GET /v1/citizens/{pin}?purpose=…` with the consent token: the centre answers only the fields
 * the purpose allows. Any failure is a reason for the log; the caller falls back to the card.
 */
export async function fetchCentralProfile(
  link: CentralLink,
  personalNumber: string,
  purpose: string,
  consentToken: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ProfileFetch> {
  const url = new URL(`v1/citizens/${encodeURIComponent(personalNumber)}`, link.url.endsWith('/') ? link.url : `${link.url}/`);
  url.searchParams.set('purpose', purpose);
  try {
    const res = await (options.fetch ?? fetch)(url, {
      headers: { authorization: `Bearer ${link.token}`, 'x-consent-token': consentToken, accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `HTTP ${res.status}` };
    }
    const parsed = centralProfile.safeParse(await res.json());
    if (!parsed.success) return { ok: false, reason: 'profile does not match the contract' };
    if (parsed.data.personalNumber !== undefined && parsed.data.personalNumber !== personalNumber) {
      return { ok: false, reason: 'profile of another citizen' };
    }
    return { ok: true, profile: parsed.data };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
