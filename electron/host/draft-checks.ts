import { AppError, buildDraftValidator, templateFields, type DossierDraft, type FormTemplate } from '../contract';
import { verifyDraftForSubmission } from '../proactive/dossier';

/** What a draft must pass to be printed or submitted: the shared validator, then the locked hash. Throws AppError. */
export function assertDraftComplete(draft: DossierDraft, form: FormTemplate): void {
  const values = Object.fromEntries(templateFields(form).map((f) => [f.id, draft.fields[f.id]?.value ?? null]));
  const checked = buildDraftValidator(form, 'vi').safeParse(values);
  if (!checked.success) throw new AppError('DRAFT_INVALID', [...new Set(checked.error.issues.map((i) => String(i.path[0])))]);
  const untampered = verifyDraftForSubmission(draft);
  if (!untampered.ok) throw new AppError(untampered.code, untampered.fields);
}

/**
 * Whose dossier it is: the personal number and name next to the signer's name field
 * (`applicant.fullName` → `applicant.personalNumber`), else the form's first personal number.
 */
export function applicantOf(draft: DossierDraft, form: FormTemplate): { personalNumber: string; fullName: string } {
  const { personalNumber, fullName } = applicantFields(draft, form);
  return { personalNumber, fullName };
}

/** The applicant with their birth date when the form has one beside the name (`person.birthDate`), else null. */
export function applicantFields(draft: DossierDraft, form: FormTemplate): { personalNumber: string; fullName: string; birthDate: string | null } {
  const fields = templateFields(form);
  const nameField = form.signerNameField ?? fields.find((f) => f.id.endsWith('.fullName'))?.id;
  const prefix = nameField?.slice(0, nameField.lastIndexOf('.') + 1) ?? '';
  const numberField = fields.find((f) => f.id === `${prefix}personalNumber`) ?? fields.find((f) => f.type === 'personalNumber');
  const text = (id: string | undefined) => {
    const value = id === undefined ? null : draft.fields[id]?.value;
    return typeof value === 'string' ? value : '';
  };
  return { personalNumber: text(numberField?.id), fullName: text(nameField), birthDate: text(`${prefix}birthDate`) || null };
}

/** A hand-off leaves out empty fields (draft-wire.ts): they come back from this machine's copy of the form, open to fill. */
export function withEmptyFields(draft: DossierDraft, form: FormTemplate): DossierDraft {
  const fields = { ...draft.fields };
  for (const f of templateFields(form)) fields[f.id] ??= { value: null, source: null, legalBasis: f.legalBasis ?? form.legalBasis, locked: false };
  return { ...draft, fields };
}
