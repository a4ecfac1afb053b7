import type { Db } from '../db/connection';
import type { ConsentRepository } from '../db/consent-repository';
import type { DraftRepository } from '../db/draft-repository';
import type { CitizenSessions } from './citizen-sessions';
import type { Session } from './session';

export interface CitizenTurnDeps {
  db: Db;
  citizens: CitizenSessions;
  drafts: DraftRepository;
  consents: ConsentRepository;
}

/**
 * Ends the citizen's turn in a session — citizen.close (a kiosk's finish, back or idle wipe), the
 * next citizen's citizen.open, a sign-in or sign-out — and returns how many drafts it erased. The
 * citizen is forgotten, then one transaction deletes (a power cut keeps all of it or none):
 * - the drafts neither printed nor submitted (any session);
 * - at a kiosk, also the printed dossiers whose QR carries them whole (hand-off kind 'draft': the
 *   counter works from the print-out alone) and the consents given (the audit's `consent.decision`
 *   entry is the proof). A dossier printed as a reference stays for the counter to read, under retention.
 * An officer's turn keeps the counter's rules: its printed dossiers and consents stay for retention.
 */
export function citizenTurnEnd({ db, citizens, drafts, consents }: CitizenTurnDeps): (session: Session) => number {
  return (session) => {
    citizens.close(session.id);
    return db
      .transaction(() => {
        const unkept = drafts.purgeUnkept(session.id);
        if (session.role === 'officer') return unkept;
        consents.purgeSession(session.id);
        return unkept + drafts.purgeHandedOffWhole(session.id);
      })
      .immediate();
  };
}
