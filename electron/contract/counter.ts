import { z } from 'zod';
import { dossierView } from './dossier';
import { localizedText } from './localized';
import { ruleReminder } from './profile';

/**
 * The counter's side of a dossier: a kiosk hand-off opened, the originals checked,
 * the submission through the outbox, and the synced cases an officer looks up.
 */

export const applicant = z.object({ personalNumber: z.string(), fullName: z.string() });

/** Per attachment: the original was seen (tick) and a note; and the whole dossier may need supplementing. */
export const originalsReview = z
  .object({
    attachments: z.array(z.object({ id: z.string().max(60), seen: z.boolean(), note: z.string().max(300) }).strict()).max(40),
    needsSupplement: z.boolean(),
    supplementNote: z.string().max(1000),
  })
  .strict();
export type OriginalsReview = z.infer<typeof originalsReview>;

/** An opened hand-off: the dossier, whose it is, and what the officer has checked so far. */
export const counterDossier = z.object({
  view: dossierView,
  applicant,
  /** The session serves the applicant (opened from the dossier's number and birth date): the form can be edited. */
  identified: z.boolean(),
  /** The kiosk key that signed it (hex key id); null for a draft of this machine opened by reference. */
  keyId: z.string().nullable(),
  review: originalsReview,
  submissionId: z.number().int().nullable(),
});
export type CounterDossier = z.infer<typeof counterDossier>;


/** 'attention': the centre refused it (4xx); 'superseded': refused, then corrected and sent again as a new submission. */
export const submissionState = z.enum(['queued', 'sent', 'attention', 'superseded']);

export const submissionView = z.object({
  submissionId: z.number().int(),
  state: submissionState,
  receiptCode: z.string().nullable(),
  /** The centre's processing days counted in working days from the day received; null when the procedure has none. */
  expectedResultDate: z.string().nullable(),
  receivedAt: z.string(),
  /**
   * The local reference printed on the provisional receipt while the centre has not acknowledged
   * the dossier (TN-XXXX-XXXX-XXXX, from the outbox Idempotency-Key: random, never a receipt code).
   */
  reference: z.string().optional(),
});
export type SubmissionView = z.infer<typeof submissionView>;

/** A submission the central system refused (4xx): it waits for an officer, it is never dropped. */
export const attentionItem = z.object({
  submissionId: z.number().int(),
  /** The provisional receipt's reference the citizen may hold. */
  reference: z.string(),
  receivedAt: z.string(),
  refusedAt: z.string(),
  /** The centre's answer as it gave it: HTTP status, its error code and message. */
  refusal: z.object({ status: z.number().int().nullable(), code: z.string().nullable(), message: z.string() }),
  procedureCode: z.string(),
  procedureName: localizedText.nullable(),
  formTitle: localizedText,
  applicant,
  /** Refused for what the dossier says (400, 409, 422): it can be corrected; otherwise only sent again. */
  correctable: z.boolean(),
});
export type AttentionItem = z.infer<typeof attentionItem>;

export const caseStatus = z.enum(['received', 'processing', 'supplement-required', 'completed', 'rejected', 'returned']);
export const urgency = z.enum(['overdue', 'due-soon', 'none']);

export const caseHit = z.object({
  receiptCode: z.string(),
  procedureCode: z.string(),
  applicantName: z.string(),
  status: caseStatus,
  receivedAt: z.string(),
  dueAt: z.string(),
  urgency,
});

export const caseDetail = caseHit.extend({
  applicant,
  procedureName: localizedText.nullable(),
  timeline: z.array(z.object({ at: z.string(), status: caseStatus, note: z.string() })),
});
export type CaseDetail = z.infer<typeof caseDetail>;

/** What a citizen sees at a kiosk for a receipt code: no name, no number. */
export const publicCaseStatus = z.object({
  receiptCode: z.string(),
  procedureName: localizedText.nullable(),
  status: caseStatus,
  meaning: localizedText,
  nextStep: localizedText,
  receivedAt: z.string(),
  dueAt: z.string(),
  /** Looked up by a provisional receipt's reference: that reference. */
  reference: z.string().optional(),
  /** Received at the counter, not yet sent to the central system (no receipt code yet). */
  waitingToSend: z.boolean().optional(),
});
export type PublicCaseStatus = z.infer<typeof publicCaseStatus>;

export const receiptCode = z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{4,40}$/);

/** One line of the officers' due list (rule engine, batch mode over the synced cases). */
export const dueEntry = z.object({ receiptCode: z.string(), applicant, reminder: ruleReminder });

/** A provisional receipt's reference: TN- and 12 hex digits in groups of four. */
export const PROVISIONAL_REFERENCE = /^TN-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/;
