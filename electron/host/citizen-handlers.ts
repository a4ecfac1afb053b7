import type { CentralLink } from '../sync/sync-service';
import { fetchCentralProfile } from '../sync/central-profile';
import { signedEvidence } from '../security/identity-evidence';
import type { DeviceKey } from '../security/device-signing';
import type { ConsentRegistry } from '../security/consent';
import type { IsoDate } from '../base/calendar-date';
import { identify } from '../proactive/citizen-identity';
import type { Handlers } from './router';
import type { CitizenSessions } from './citizen-sessions';
import type { Session } from './session';

export interface CitizenHandlerDeps {
  citizens: CitizenSessions;
  consents: ConsentRegistry;
  centralLink: () => CentralLink | null;
  /** Signs the identity evidence sent with a profile request. */
  deviceKey: () => DeviceKey;
  /** Ends the session's citizen turn (electron/host/citizen-turn.ts); returns the drafts erased. */
  endTurn: (session: Session) => number;
  today: () => IsoDate;
  clock?: () => Date;
  logError?: (what: string, error: unknown) => void;
}

type CitizenChannels = 'citizen.open' | 'citizen.close' | 'consent.notice' | 'consent.decide';

/** Who is being served, and on what consent: the state every proactive channel reads. */
export function citizenHandlers(deps: CitizenHandlerDeps): Pick<Handlers, CitizenChannels> {
  const clock = deps.clock ?? (() => new Date());
  return {
    'citizen.open': ({ fullName, address, source, ...query }, session) => {
      const identity = identify(query, deps.today());
      deps.endTurn(session);
      // A scanned card is its QR (or MRZ): printed, so it proves no more than typing does.
      const proof = { level: source === 'card' ? ('qr' as const) : ('typed' as const) };
      deps.citizens.open(session.id, { identity, fullName: fullName ?? null, cardIssueDate: query.cardIssueDate, cardAddress: address, source, proof, challenge: null, consent: null, central: null });
      return { identity, fullName: fullName ?? null, assurance: proof.level };
    },
    'citizen.close': (_input, session) => ({ erasedDrafts: deps.endTurn(session) }),
    'consent.notice': ({ purpose }) => deps.consents.notice(purpose),
    'consent.decide': async ({ purpose, accept }, session, { commit }) => {
      const context = deps.citizens.require(session.id);
      const pin = context.identity.personalNumber;
      // The decision and its proof are the call's work, with its ok row: the centre's answer only fills the session's profile.
      const { id, decision } = commit(() => deps.consents.decide(session, pin, purpose, accept, context.proof.level));
      if (!accept || decision.expiresAt === null) {
        context.consent = null;
        context.central = null;
        return { ...decision, profile: 'declined' as const };
      }
      context.consent = { id, purpose, expiresAt: decision.expiresAt };
      const link = deps.centralLink();
      const fetched = link
        ? await fetchCentralProfile(link, context.identity, purpose, id, { evidence: signedEvidence(context.proof, context.identity, deps.deviceKey(), clock()) })
        : { ok: false as const, reason: 'no central system configured' };
      if (!fetched.ok) {
        // The centre's refusal of this identification is an answer, not a fault to log.
        if (fetched.refused) return { ...decision, profile: fetched.refused };
        deps.logError?.('consent.decide', new Error(`central profile unavailable: ${fetched.reason}`));
        return { ...decision, profile: 'unavailable' as const };
      }
      // The session may have moved on to another citizen while the centre answered.
      if (deps.citizens.current(session.id) !== context || clock().toISOString() >= decision.expiresAt) return { ...decision, profile: 'unavailable' as const };
      context.central = fetched.profile;
      return { ...decision, profile: 'loaded' as const };
    },
  };
}
