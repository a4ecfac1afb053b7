import { z } from 'zod';
import { localizedText } from './localized';

/** Why the kiosk asks to read the central profile; one purpose per consent (data minimisation). */
export const consentPurpose = z.enum(['proactive-services']);
export type ConsentPurpose = z.infer<typeof consentPurpose>;

/** What the citizen reads before deciding: in plain words, with the law behind it. */
export const consentNotice = z.object({
  purpose: consentPurpose,
  title: localizedText,
  summary: localizedText,
  /** The data categories read from the central system. */
  categories: z.array(localizedText),
  legalBasis: z.array(localizedText),
  recipient: localizedText,
  /** A consent holds for this session and at most this long. */
  validForMinutes: z.number().int().positive(),
});
export type ConsentNotice = z.infer<typeof consentNotice>;

export const consentDecision = z.object({
  purpose: consentPurpose,
  accepted: z.boolean(),
  recordedAt: z.string(),
  expiresAt: z.string().nullable(),
  /**
   * Whether the central profile could be read; declining or an unreachable centre still leaves the card-only service.
   * `insufficient`: the centre releases nothing on how the citizen was identified (a typed number, the QR);
   * `mismatch`: the centre's person is not the one identified (another birth date).
   */
  profile: z.enum(['loaded', 'declined', 'unavailable', 'insufficient', 'mismatch']),
});
export type ConsentDecision = z.infer<typeof consentDecision>;
