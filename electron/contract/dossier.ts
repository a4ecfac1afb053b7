import { z } from 'zod';
import { correctionRequest, dossierDraft, draftValue, formTemplate } from './forms';

/**
 * A prepared dossier as the screens get it: the draft, its form (so the screen validates with the
 * same `buildDraftValidator` the main process enforces), what is still missing, and its state.
 */
export const dossierView = z.object({
  draft: dossierDraft,
  template: formTemplate,
  /** Ids of required fields still empty: what the screens prompt for. */
  missing: z.array(z.string()),
  status: z.enum(['draft', 'printed', 'submitted']),
});
export type DossierView = z.infer<typeof dossierView>;

/**
 * Linked procedures filed as one dossier (Decree 63/2024: birth registration, permanent residence and
 * the child's health insurance card): each procedure's form prepared in the session, in the order filed.
 */
export const linkedDossierView = z.object({
  procedureCode: z.string(),
  dossiers: z.array(dossierView).min(2),
});
export type LinkedDossierView = z.infer<typeof linkedDossierView>;

/** What a screen sends back: values typed for open fields, and correction requests for locked ones. */
export const dossierEdit = z
  .object({
    draftId: z.string().max(64),
    values: z.record(z.string().max(80), draftValue),
    corrections: z.array(correctionRequest.omit({ requestedAt: true })).max(20).optional(),
  })
  .strict();
export type DossierEdit = z.infer<typeof dossierEdit>;
