import type { DossierDraft, DraftValue, ErrorCode } from '../../contract';

export type DraftEdit = { ok: true; draft: DossierDraft } | { ok: false; code: Extract<ErrorCode, 'DRAFT_FIELD_UNKNOWN' | 'DRAFT_FIELD_LOCKED' | 'DRAFT_FIELD_NOT_LOCKED'> };

/**
 * Sets a field the citizen or officer may fill. A locked (government-verified) field is refused:
 * the way to contest it is `requestCorrection`. Whether the value is valid is the validator's
 * to say (`buildDraftValidator`); a draft may hold unfinished values.
 */
export function editDraftField(draft: DossierDraft, fieldId: string, value: DraftValue): DraftEdit {
  const field = Object.hasOwn(draft.fields, fieldId) ? draft.fields[fieldId]! : undefined;
  if (!field) return { ok: false, code: 'DRAFT_FIELD_UNKNOWN' };
  if (field.locked) return { ok: false, code: 'DRAFT_FIELD_LOCKED' };
  const cleared = value === '' || value === null;
  const edited = { ...field, value: cleared ? null : value, source: cleared ? null : ('entered' as const) };
  return { ok: true, draft: { ...draft, fields: { ...draft.fields, [fieldId]: edited } } };
}

/**
 * Records that the citizen contests a locked value: the value itself stays as the state holds
 * it, and the officer sees the request beside it.
 */
export function requestCorrection(draft: DossierDraft, fieldId: string, requestedValue: DraftValue, note: string, now = new Date()): DraftEdit {
  const field = Object.hasOwn(draft.fields, fieldId) ? draft.fields[fieldId]! : undefined;
  if (!field) return { ok: false, code: 'DRAFT_FIELD_UNKNOWN' };
  if (!field.locked) return { ok: false, code: 'DRAFT_FIELD_NOT_LOCKED' };
  const request = { fieldId, requestedValue, note, requestedAt: now.toISOString() };
  return { ok: true, draft: { ...draft, corrections: [...draft.corrections.filter((c) => c.fieldId !== fieldId), request] } };
}
