import { AppError, type DemoPhoneMessage, type Identity } from '../contract';
import type { ChipAccessKey } from '../../drivers/smartcard/chip-reading';
import type { ChipSource } from '../devices/chip-source';
import { assessRenewal, cardExpiry } from '../proactive/id-card-renewal';
import { admittedDate, type IsoDate } from '../base/calendar-date';
import type { CentralLink } from '../sync/sync-service';
import { challengeStatus, confirmChallenge, openChallenge, type ChallengeResult } from '../sync/identity-challenges';
import type { Handlers } from './router';
import type { CitizenContext, CitizenSessions } from './citizen-sessions';
import type { Session } from './session';

export interface IdentityHandlerDeps {
  citizens: CitizenSessions;
  centralLink: () => CentralLink | null;
  /** The ID card chip reader; absent on a machine without one. */
  chipSource?: ChipSource;
  /** Demo mode only: what the demo centre's "phone" received for a challenge. */
  demoPhone?: (challengeId: string) => Promise<DemoPhoneMessage[]>;
  today: () => IsoDate;
}

type IdentityChannels = 'identity.challenge' | 'identity.confirm' | 'identity.attest' | 'identity.readChip' | 'identity.chipFace' | 'identity.demoPhone';

/** A card without expiry (holders aged 60 and over) states this date in its MRZ. */
const NO_EXPIRY = '2099-12-31';

/**
 * The chip's BAC key from what the turn knows: the CCCD's document number is the personal number's
 * last 9 digits, and its expiry follows the renewal rule (from the issue date when the card's QR gave
 * it, else the next renewal age); a counter may type both from the card instead.
 */
export function chipKeyOf(identity: Identity, issueDate: string | undefined, today: IsoDate, typed: { documentNumber?: string; expiryDate?: string }): ChipAccessKey {
  const expiry = (): string => {
    if (issueDate !== undefined) return cardExpiry(admittedDate(identity.birthDate), admittedDate(issueDate))?.date ?? NO_EXPIRY;
    const renewal = assessRenewal(admittedDate(identity.birthDate), today);
    return 'due' in renewal ? renewal.due.date : NO_EXPIRY;
  };
  return { documentNumber: typed.documentNumber ?? identity.personalNumber.slice(-9), birthDate: identity.birthDate, expiryDate: typed.expiryDate ?? expiry() };
}

/**
 * Raising a turn's assurance beyond the card-only service: a confirmation on the citizen's phone
 * through the centre (holder-confirmed), an officer's word that they checked the original card
 * (officer-attested), or the card's chip read and verified (chip). Each only replaces the turn's
 * evidence; the centre decides what it releases at the next consent.
 */
export function identityHandlers(deps: IdentityHandlerDeps): Pick<Handlers, IdentityChannels> {
  const link = (): CentralLink => {
    const found = deps.centralLink();
    if (!found) throw new AppError('CHALLENGE_UNAVAILABLE');
    return found;
  };
  /** The session still serves this citizen once the centre or the reader answered. */
  const still = (session: Session, context: CitizenContext): void => {
    if (deps.citizens.current(session.id) !== context) throw new AppError('NO_CITIZEN');
  };
  const failed = (result: Extract<ChallengeResult, { ok: false }>): never => {
    throw new AppError(result.failure === 'mismatch' ? 'IDENTITY_MISMATCH' : result.failure === 'wrong-code' ? 'CHALLENGE_WRONG_CODE' : 'CHALLENGE_UNAVAILABLE');
  };

  return {
    'identity.challenge': async (_input, session) => {
      const context = deps.citizens.require(session.id);
      const result = await openChallenge(link(), context.identity);
      still(session, context);
      if (!result.ok) return failed(result);
      context.challenge = { id: result.challenge.challengeId, expiresAt: result.challenge.expiresAt };
      return { expiresAt: result.challenge.expiresAt, phoneHint: result.challenge.phoneHint ?? null };
    },
    'identity.confirm': async ({ code }, session) => {
      const context = deps.citizens.require(session.id);
      const challenge = context.challenge;
      if (!challenge) throw new AppError('CHALLENGE_NONE');
      const result = code === undefined ? await challengeStatus(link(), challenge.id) : await confirmChallenge(link(), challenge.id, code);
      still(session, context);
      // A code run out or refused ends this challenge: the screen says so calmly and offers a new one.
      if (!result.ok && (result.failure === 'expired' || result.failure === 'refused')) {
        context.challenge = null;
        return { status: result.failure, assurance: context.proof.level };
      }
      if (!result.ok) return failed(result);
      const { status } = result.challenge;
      if (status === 'confirmed') context.proof = { level: 'holder-confirmed', challengeId: challenge.id };
      if (status !== 'pending') context.challenge = null;
      return { status, assurance: context.proof.level };
    },
    'identity.attest': (_input, session) => {
      const context = deps.citizens.require(session.id);
      // The router audits this call with the officer's account as its actor.
      if (!session.account) throw new AppError('FORBIDDEN');
      context.proof = { level: 'officer-attested', officer: session.account };
      return { assurance: context.proof.level };
    },
    'identity.readChip': async (typed, session) => {
      const context = deps.citizens.require(session.id);
      if (!deps.chipSource) throw new AppError('CHIP_READER_UNAVAILABLE');
      const key = chipKeyOf(context.identity, context.cardIssueDate, deps.today(), typed);
      const reading = await deps.chipSource.read(key).catch(() => {
        throw new AppError('CHIP_READ_FAILED');
      });
      still(session, context);
      const { document } = reading;
      if (document.personalNumber !== context.identity.personalNumber || document.birthDate !== context.identity.birthDate) throw new AppError('CHIP_OTHER_PERSON');
      // A signature that does not hold, an unknown or expired signer, or a copied chip: the card-only service stays.
      if (reading.passiveAuth !== 'valid' || reading.chipAuth === 'invalid') throw new AppError('CHIP_NOT_VERIFIED');
      const dataGroupHashes = Object.fromEntries(Object.entries(reading.dataGroupHashes).map(([group, hash]) => [String(group), hash]));
      context.proof = { level: 'chip', chip: { documentNumber: document.documentNumber, dataGroupHashes, passiveAuth: reading.passiveAuth, chipAuth: reading.chipAuth } };
      context.fullName = document.fullName;
      return { identity: context.identity, fullName: context.fullName, assurance: 'chip' as const };
    },
    'identity.chipFace': async (typed, session) => {
      const context = deps.citizens.require(session.id);
      if (!deps.chipSource?.readFace) throw new AppError('CHIP_READER_UNAVAILABLE');
      // The key is this citizen's: only their card opens, and its face goes to the screen, not to disk.
      const face = await deps.chipSource.readFace(chipKeyOf(context.identity, context.cardIssueDate, deps.today(), typed)).catch(() => {
        throw new AppError('CHIP_READ_FAILED');
      });
      still(session, context);
      if (face.format === 'jpeg2000') throw new AppError('CHIP_FACE_JPEG2000');
      return { format: 'jpeg' as const, image: `data:image/jpeg;base64,${face.image.toString('base64')}` };
    },
    'identity.demoPhone': async (_input, session) => {
      if (!deps.demoPhone) throw new AppError('DEMO_ONLY');
      const challenge = deps.citizens.require(session.id).challenge;
      return { messages: challenge ? await deps.demoPhone(challenge.id) : [] };
    },
  };
}
