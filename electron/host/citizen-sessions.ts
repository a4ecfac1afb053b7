import { AppError, type CardIdentity, type CitizenProfile, type ConsentPurpose, type Identity } from '../contract';
import type { IdentityProof } from '../security/identity-evidence';

/** The citizen a session serves. Lives in memory only, for the session: nothing here is written to disk. */
export interface CitizenContext {
  identity: Identity;
  fullName: string | null;
  cardIssueDate: string | undefined;
  /** The residence printed on the card. */
  cardAddress: string | undefined;
  source: 'card' | 'typed';
  /** How the citizen was identified: the level and its evidence, sent to the centre, which decides what it releases. */
  proof: IdentityProof;
  /** A confirmation the centre sent to the citizen's phone, while it is being answered. */
  challenge: { id: string; expiresAt: string } | null;
  consent: { id: string; purpose: ConsentPurpose; expiresAt: string } | null;
  /** The central profile read on consent; dropped with the session. */
  central: CitizenProfile | null;
}

export class CitizenSessions {
  private readonly bySession = new Map<string, CitizenContext>();

  open(sessionId: string, context: CitizenContext): void {
    this.bySession.set(sessionId, context);
  }

  current(sessionId: string): CitizenContext | undefined {
    return this.bySession.get(sessionId);
  }

  require(sessionId: string): CitizenContext {
    const context = this.bySession.get(sessionId);
    if (!context) throw new AppError('NO_CITIZEN');
    return context;
  }

  close(sessionId: string): void {
    this.bySession.delete(sessionId);
  }

  /** Whether any session is serving a citizen right now. */
  serving(): boolean {
    return this.bySession.size > 0;
  }
}

/** The central profile while the consent it was read on holds; null otherwise. */
export function consentedCentral(context: CitizenContext, now: Date): CitizenProfile | null {
  return context.consent !== null && context.consent.expiresAt > now.toISOString() ? context.central : null;
}

/** What the engines read: the card's facts, then what the centre gave on consent (verified data wins). */
export function profileOf(context: CitizenContext, now: Date): CitizenProfile {
  const card: CitizenProfile = {
    personalNumber: context.identity.personalNumber,
    birthDate: context.identity.birthDate,
    sex: context.identity.sex,
    ...(context.fullName ? { fullName: context.fullName } : {}),
    ...(context.cardIssueDate ? { idCard: { issueDate: context.cardIssueDate } } : {}),
  };
  const central = consentedCentral(context, now);
  return central ? { ...card, ...central, personalNumber: card.personalNumber } : card;
}

/** The ID card's facts as a prefill source; a typed number is not a card read. */
export function cardOf(context: CitizenContext): CardIdentity | null {
  if (context.source !== 'card') return null;
  const { personalNumber, birthDate, sex } = context.identity;
  return {
    personalNumber,
    birthDate,
    sex,
    ...(context.fullName ? { fullName: context.fullName } : {}),
    ...(context.cardIssueDate ? { issueDate: context.cardIssueDate } : {}),
    ...(context.cardAddress ? { address: context.cardAddress } : {}),
  };
}
