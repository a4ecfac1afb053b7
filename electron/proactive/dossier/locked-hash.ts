import { createHash } from 'node:crypto';
import type { DossierDraft, ErrorCode } from '../../contract';

/**
 * The canonical serialisation of what must not change between prefill and submission: the
 * draft's identity and, sorted by field id, each locked field's id, value and source. A field
 * unlocked on the way changes the list, so it is caught like a changed value.
 */
function canonicalLockedFields(draft: Pick<DossierDraft, 'id' | 'formId' | 'formVersion' | 'fields'>): string {
  const locked = Object.keys(draft.fields)
    .filter((id) => draft.fields[id]!.locked)
    .sort()
    .map((id) => [id, draft.fields[id]!.value, draft.fields[id]!.source]);
  return JSON.stringify([draft.id, draft.formId, draft.formVersion, locked]);
}

/** SHA-256 (hex) of the locked fields. */
export const lockedHash = (draft: Pick<DossierDraft, 'id' | 'formId' | 'formVersion' | 'fields'>): string =>
  createHash('sha256').update(canonicalLockedFields(draft), 'utf8').digest('hex');

export type SubmissionCheck = { ok: true } | { ok: false; code: Extract<ErrorCode, 'DRAFT_TAMPERED'>; fields: string[] };

/**
 * Before a draft is submitted: its locked fields still hash to the hash issued at prefill
 * (`issuedHash`: the one kept by the main process; by default the draft's own), and only
 * government-verified values are locked. `fields` names the suspicious locked fields when it can.
 */
export function verifyDraftForSubmission(draft: DossierDraft, issuedHash: string = draft.lockedHash): SubmissionCheck {
  const unverified = Object.keys(draft.fields).filter((id) => draft.fields[id]!.locked && draft.fields[id]!.source === 'entered');
  if (unverified.length > 0) return { ok: false, code: 'DRAFT_TAMPERED', fields: unverified };
  if (lockedHash(draft) !== issuedHash || draft.lockedHash !== issuedHash) return { ok: false, code: 'DRAFT_TAMPERED', fields: [] };
  return { ok: true };
}
