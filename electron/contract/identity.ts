import { z } from 'zod';
import { isoDate } from './schemas';

/**
 * How sure the kiosk or counter is that the person in front of it is the person the number names.
 * `typed` and `qr` prove nothing (the number and birth date are printed on the card and in its QR,
 * which anyone can photograph): they get the card-only service. The centre decides what the others
 * release; the level is in every personal-data audit row of the turn.
 */
export const assuranceLevel = z.enum(['typed', 'qr', 'chip', 'holder-confirmed', 'officer-attested']);
export type AssuranceLevel = z.infer<typeof assuranceLevel>;

/** The levels the reference centre releases a central profile on. */
export const PROFILE_LEVELS: readonly AssuranceLevel[] = ['chip', 'holder-confirmed', 'officer-attested'];

/** A confirmation the centre sent to the citizen's registered phone. */
export const holderChallenge = z.object({
  /** When the code stops working: the screen waits until then, then says so calmly. */
  expiresAt: z.string(),
  /** The last digits of the registered phone, as the centre shows them ("•••• 345"); null when it shows none. */
  phoneHint: z.string().max(40).nullable(),
});
export type HolderChallenge = z.infer<typeof holderChallenge>;

/** Where a confirmation stands: asked and waiting, done, run out, or refused (a wrong code too often). */
export const challengeStatus = z.enum(['pending', 'confirmed', 'expired', 'refused']);
export type ChallengeStatus = z.infer<typeof challengeStatus>;

export const challengeAnswer = z
  .object({
    /** The one-time code the citizen read on their phone; absent: only ask whether they approved in the app. */
    code: z.string().regex(/^\d{6}$/).optional(),
  })
  .strict();

export const assuranceView = z.object({ assurance: assuranceLevel });

/** What the demo centre's "phone" received: demo mode only, to walk the journey without a real phone. */
export const demoPhoneMessage = z.object({ phoneHint: z.string().nullable(), text: z.string(), code: z.string(), at: z.string() });
export type DemoPhoneMessage = z.infer<typeof demoPhoneMessage>;

/** The MRZ key a counter may type when the card's own dates are not known (BAC). */
export const chipKeyInput = z
  .object({
    documentNumber: z.string().regex(/^[0-9A-Z<]{9}$/).optional(),
    expiryDate: isoDate.optional(),
  })
  .strict();

/** The portrait on the card's chip (DG2) as a data URL the screen can show; returned, never stored. */
export const chipFace = z.object({ format: z.literal('jpeg'), image: z.string().startsWith('data:image/jpeg;base64,').max(400_000) });
