import { describe, expect, it } from 'vitest';
import { editDraftField, lockedHash, missingFields, prefillDraft, requestCorrection, verifyDraftForSubmission } from '../../electron/proactive/dossier';
import { bundledTemplate, CARD, CENTRAL, ENTERED_CHILD } from '../fixtures/dossier/citizen';

const birth = bundledTemplate('birth-registration');
const cc01 = bundledTemplate('id-card-cc01');
const NOW = new Date('2026-11-23T09:00:00Z');
const prefill = (sources: Partial<Parameters<typeof prefillDraft>[1]>, template = birth) =>
  prefillDraft(template, { central: null, card: null, entered: {}, ...sources }, { id: 'draft-1', now: NOW });

describe('prefill priority', () => {
  it('takes the central value over the card over what was typed, and locks the verified ones', () => {
    const typed = { 'applicant.fullName': 'Nhung', 'applicant.residence': 'somewhere', 'applicant.relationship': 'Mẹ' };
    const { draft } = prefill({ central: CENTRAL, card: CARD, entered: typed });
    expect(draft.fields['applicant.fullName']).toMatchObject({ value: 'Nguyễn Thị Hồng Nhung', source: 'central', locked: true });
    expect(draft.fields['applicant.residence']).toMatchObject({ value: CENTRAL.permanentAddress, source: 'central', locked: true });
    expect(draft.fields['applicant.relationship']).toMatchObject({ value: 'Mẹ', source: 'entered', locked: false });
  });

  it('falls back to the card without a central profile, then to what was typed', () => {
    const { draft } = prefill({ card: CARD, entered: { 'mother.ethnicity': 'Tày' } });
    expect(draft.fields['applicant.fullName']).toMatchObject({ value: 'NGUYEN THI HONG NHUNG', source: 'card', locked: true });
    // The address printed on a card is of its day: shown as read from the card, and editable.
    expect(draft.fields['applicant.residence']).toMatchObject({ value: CARD.address, source: 'card', locked: false });
    expect(draft.fields['mother.ethnicity']).toMatchObject({ value: 'Tày', source: 'entered', locked: false });
  });

  it('reads the newborn’s parents from the citizen and the spouse on record, by sex', () => {
    const { draft } = prefill({ central: CENTRAL });
    expect(draft.fields['mother.fullName']).toMatchObject({ value: 'Nguyễn Thị Hồng Nhung', source: 'central' });
    expect(draft.fields['father.fullName']).toMatchObject({ value: 'Trần Đức Mạnh', source: 'central' });
    const father = prefill({ central: { ...CENTRAL, sex: 'male', fullName: 'Trần Đức Mạnh', spouse: { fullName: 'Nguyễn Thị Hồng Nhung' } } });
    expect(father.draft.fields['mother.fullName']?.value).toBe('Nguyễn Thị Hồng Nhung');
    expect(father.draft.fields['father.fullName']?.value).toBe('Trần Đức Mạnh');
  });

  it('dates the child’s birth as the centre does for the reminder: the child whose birth is not registered yet', () => {
    const children = [
      { birthDate: '2020-03-01', birthRegistered: true },
      { birthDate: '2026-11-11', birthRegistered: false },
    ];
    const { draft } = prefill({ central: { ...CENTRAL, children } });
    expect(draft.fields['child.birthDate']).toMatchObject({ value: '2026-11-11', source: 'central', locked: true });
    expect(prefill({ central: { ...CENTRAL, children: children.slice(0, 1) } }).draft.fields['child.birthDate']?.value).toBeNull();
  });

  it('passes over a verified value that does not fit the field rather than locking it', () => {
    const { draft } = prefill({ central: { ...CENTRAL, fullName: 'x'.repeat(150) }, card: CARD });
    expect(draft.fields['applicant.fullName']).toMatchObject({ source: 'card', locked: true });
  });

  it('gives each field its legal basis: its own, else the form’s', () => {
    const { draft } = prefill({ central: CENTRAL });
    expect(draft.fields['child.fullName']?.legalBasis).toEqual(birth.legalBasis);
  });
});

describe('missing fields', () => {
  it('lists the required fields still empty, in the form’s order, for the supplement prompts', () => {
    const { missing } = prefill({ central: CENTRAL, entered: { ...ENTERED_CHILD, 'child.placeOfOrigin': '' } });
    expect(missing).toEqual([{ fieldId: 'child.placeOfOrigin', sectionId: 'child', label: { vi: 'Quê quán', en: 'Place of origin' } }]);
  });

  it('is emptied by supplementing', () => {
    const { draft, missing } = prefill({ card: CARD });
    expect(missing.map((m) => m.fieldId)).toContain('child.fullName');
    const edited = editDraftField(draft, 'child.fullName', 'Trần Minh Khôi');
    expect(edited.ok && missingFields(birth, edited.draft).map((m) => m.fieldId)).not.toContain('child.fullName');
  });
});

describe('editing and locking', () => {
  const { draft } = prefill({ central: CENTRAL, entered: ENTERED_CHILD });

  it('refuses an edit of a locked field', () => {
    expect(editDraftField(draft, 'applicant.fullName', 'Someone else')).toEqual({ ok: false, code: 'DRAFT_FIELD_LOCKED' });
    expect(editDraftField(draft, 'nope', 'x')).toEqual({ ok: false, code: 'DRAFT_FIELD_UNKNOWN' });
    expect(editDraftField(draft, 'toString', 'x')).toEqual({ ok: false, code: 'DRAFT_FIELD_UNKNOWN' });
  });

  it('edits an open field as entered, and clears it with an empty value', () => {
    const set = editDraftField(draft, 'child.fullName', 'Trần Minh Khang');
    expect(set.ok && set.draft.fields['child.fullName']).toMatchObject({ value: 'Trần Minh Khang', source: 'entered', locked: false });
    const cleared = editDraftField(draft, 'child.fullName', '');
    expect(cleared.ok && cleared.draft.fields['child.fullName']).toMatchObject({ value: null, source: null });
  });

  it('files a correction request for a locked field and keeps the verified value', () => {
    const result = requestCorrection(draft, 'applicant.residence', 'Số 5 phố Huế', 'Đã chuyển nhà', NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.fields['applicant.residence']?.value).toBe(CENTRAL.permanentAddress);
    expect(result.draft.corrections).toEqual([{ fieldId: 'applicant.residence', requestedValue: 'Số 5 phố Huế', note: 'Đã chuyển nhà', requestedAt: NOW.toISOString() }]);
    expect(verifyDraftForSubmission(result.draft)).toEqual({ ok: true });
    expect(requestCorrection(draft, 'child.fullName', 'x', '')).toEqual({ ok: false, code: 'DRAFT_FIELD_NOT_LOCKED' });
  });
});

describe('the hash of the locked fields', () => {
  const { draft } = prefill({ central: CENTRAL, card: CARD, entered: ENTERED_CHILD }, birth);

  it('holds for an untouched draft and ignores edits of open fields', () => {
    expect(verifyDraftForSubmission(draft)).toEqual({ ok: true });
    const edited = editDraftField(draft, 'child.fullName', 'Trần Minh Khang');
    expect(edited.ok && verifyDraftForSubmission(edited.draft)).toEqual({ ok: true });
  });

  it('catches a locked value changed behind the editor’s back', () => {
    const tampered = structuredClone(draft);
    tampered.fields['applicant.fullName']!.value = 'Nguyễn Thị Hồng Nhung ';
    expect(verifyDraftForSubmission(tampered)).toMatchObject({ ok: false, code: 'DRAFT_TAMPERED' });
  });

  it('catches a locked field unlocked, or an entered value passed off as locked', () => {
    const unlocked = structuredClone(draft);
    unlocked.fields['applicant.fullName']!.locked = false;
    expect(verifyDraftForSubmission(unlocked).ok).toBe(false);
    const forged = structuredClone(draft);
    forged.fields['child.fullName']!.locked = true;
    expect(verifyDraftForSubmission(forged)).toEqual({ ok: false, code: 'DRAFT_TAMPERED', fields: ['child.fullName'] });
  });

  it('catches a hash recomputed by whoever changed the draft, against the hash issued at prefill', () => {
    const tampered = structuredClone(draft);
    tampered.fields['applicant.personalNumber']!.value = '001190099999';
    tampered.lockedHash = lockedHash(tampered);
    expect(verifyDraftForSubmission(tampered)).toEqual({ ok: true });
    expect(verifyDraftForSubmission(tampered, draft.lockedHash).ok).toBe(false);
  });

  it('depends on the draft and the form, not only the values', () => {
    const other = prefillDraft(cc01, { central: CENTRAL, card: null, entered: {} }, { id: 'draft-1', now: NOW }).draft;
    expect(lockedHash({ ...draft, id: 'draft-2' })).not.toBe(draft.lockedHash);
    expect(other.lockedHash).not.toBe(draft.lockedHash);
  });
});
