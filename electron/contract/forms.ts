import { z } from 'zod';
import { localizedText, type Language, type LocalizedText } from './localized';
import { isoDate } from './schemas';

/**
 * Form templates (bundled in resources/forms/, synced as `form` objects) and prepared-dossier
 * drafts. Main process and renderer validate a draft with the same `buildDraftValidator`.
 */

/** Where a value comes from, most trusted first: the central population data, the ID card, a person typing. */
export const FIELD_SOURCES = ['central', 'card', 'entered'] as const;
export const fieldSource = z.enum(FIELD_SOURCES);
export type FieldSource = z.infer<typeof fieldSource>;

/** What the review screens and the PDF show beside a value; `mark` is the short tag printed after it. */
export const PROVENANCE: Record<FieldSource, { mark: string; label: LocalizedText }> = {
  central: { mark: 'QG', label: { vi: 'Cơ sở dữ liệu quốc gia về dân cư', en: 'National population database' } },
  card: { mark: 'CC', label: { vi: 'Đọc từ thẻ căn cước', en: 'Read from the ID card' } },
  entered: { mark: 'KB', label: { vi: 'Do người khai cung cấp', en: 'Entered by the applicant' } },
};

/** A legal basis; `example` marks one not confirmed against the official text. */
export const formLegalBasis = z
  .object({ document: z.string().min(1).max(200), article: z.string().max(200), example: z.boolean().default(false) })
  .strict();
export type FormLegalBasis = z.infer<typeof formLegalBasis>;

/** `path` is a dotted path into the source's record (`fullName`, `mother.fullName`); `entered` reads the field id. */
export const fieldSourceMapping = z.discriminatedUnion('from', [
  z.object({ from: z.literal('central'), path: z.string().min(1).max(100) }).strict(),
  z.object({ from: z.literal('card'), path: z.string().min(1).max(100) }).strict(),
  z.object({ from: z.literal('entered') }).strict(),
]);
export type FieldSourceMapping = z.infer<typeof fieldSourceMapping>;

export const FIELD_TYPES = ['text', 'date', 'select', 'boolean', 'personalNumber'] as const;

const identifier = z.string().regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/, 'camelCase, dotted');

const isRegex = (pattern: string) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

export const formField = z
  .object({
    id: identifier.max(80),
    label: localizedText,
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    maxLength: z.number().int().positive().max(2000).optional(),
    /** Whole-value pattern (anchored by the validator). */
    pattern: z.string().max(200).refine(isRegex, 'not a regular expression').optional(),
    options: z.array(z.object({ value: z.string().min(1).max(60), label: localizedText }).strict()).min(1).optional(),
    /** Priority order: the first source that has a value wins. */
    sources: z.array(fieldSourceMapping).min(1).max(3),
    /** Overrides the form's legal basis for this field. */
    legalBasis: z.array(formLegalBasis).min(1).optional(),
    hint: localizedText.optional(),
  })
  .strict()
  .refine((f) => (f.type === 'select') === (f.options !== undefined), { message: 'a select field, and only one, has options' })
  .refine((f) => new Set(f.sources.map((s) => s.from)).size === f.sources.length, { message: 'a source is listed twice' })
  .refine((f) => f.sources.every((s, i) => i === 0 || FIELD_SOURCES.indexOf(f.sources[i - 1]!.from) < FIELD_SOURCES.indexOf(s.from)), {
    message: 'sources must go central > card > entered',
  });
export type FormField = z.infer<typeof formField>;

export const formSection = z.object({ id: identifier.max(60), title: localizedText, fields: z.array(formField).min(1) }).strict();
export type FormSection = z.infer<typeof formSection>;

export const formAttachment = z.object({ id: identifier.max(60), label: localizedText, required: z.boolean() }).strict();

export const formTemplate = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60),
    version: z.number().int().positive(),
    procedureCode: z.string().min(1).max(64),
    /** Other procedures filed on the same official form (CT01: registering, extending or removing a residence). */
    alsoFor: z.array(z.string().min(1).max(64)).max(30).optional(),
    /** The official form's number or name (CC01, TK01 …). */
    formNumber: z.string().min(1).max(80),
    title: localizedText,
    legalBasis: z.array(formLegalBasis).min(1),
    /** True while the template has not been checked field by field against the official form. */
    example: z.boolean(),
    /** The official form it was checked against, field by field, and when: required once `example` is false. */
    checked: z.object({ source: z.string().min(1).max(500), on: isoDate }).strict().optional(),
    sections: z.array(formSection).min(1),
    attachments: z.array(formAttachment),
    /** The commitment the signer makes, printed above the signature. */
    declaration: localizedText,
    /** Who signs: "Người khai", "Người yêu cầu" … */
    signer: localizedText,
    /** The field whose value is printed under the signature: the signer's full name. */
    signerNameField: z.string().max(80).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (!t.example && t.checked === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a template that passes for the official form says which text it was checked against, and when', path: ['checked'] });
    }
    const ids = t.sections.flatMap((s) => s.fields.map((f) => f.id));
    for (const [i, id] of ids.entries()) {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', message: `field ${id} is defined twice`, path: ['sections'] });
    }
    if (t.signerNameField !== undefined && !ids.includes(t.signerNameField)) {
      ctx.addIssue({ code: 'custom', message: `no field ${t.signerNameField} to sign with`, path: ['signerNameField'] });
    }
  });
export type FormTemplate = z.infer<typeof formTemplate>;

export const templateFields = (template: FormTemplate): FormField[] => template.sections.flatMap((s) => s.fields);

// ---------------------------------------------------------------------------------------------
// Drafts

export const draftValue = z.union([z.string().max(2000), z.boolean(), z.null()]);
export type DraftValue = z.infer<typeof draftValue>;

export const draftField = z
  .object({
    value: draftValue,
    source: fieldSource.nullable(),
    legalBasis: z.array(formLegalBasis),
    /** Government-verified (central or card): not editable; a correction request is filed instead. */
    locked: z.boolean(),
    /**
     * Not a record's own fact but a presumption from it (the applicant taken as the newborn's
     * mother or father): shown as presumed, and editable.
     */
    presumed: z.boolean().optional(),
  })
  .strict();
export type DraftField = z.infer<typeof draftField>;

/** The citizen says a locked value is wrong; the officer checks it against the originals. */
export const correctionRequest = z
  .object({ fieldId: z.string().max(80), requestedValue: draftValue, note: z.string().max(500), requestedAt: z.string().max(40) })
  .strict();
export type CorrectionRequest = z.infer<typeof correctionRequest>;

export const dossierDraft = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    formId: z.string().max(60),
    formVersion: z.number().int().positive(),
    procedureCode: z.string().max(64),
    createdAt: z.string().max(40),
    fields: z.record(z.string().max(80), draftField),
    /** SHA-256 (hex) of the locked fields as prefilled; see proactive/dossier/locked-hash.ts. */
    lockedHash: z.string().regex(/^[0-9a-f]{64}$/),
    corrections: z.array(correctionRequest).max(100),
  })
  .strict();
export type DossierDraft = z.infer<typeof dossierDraft>;

// ---------------------------------------------------------------------------------------------
// Validation of values, one message per field in Vietnamese or English

export type FieldProblem = 'required' | 'wrong-type' | 'too-long' | 'pattern' | 'date' | 'option' | 'personal-number';

function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** What is wrong with one value of a field, or null. An empty optional field is fine. */
export function fieldProblem(field: FormField, value: unknown): FieldProblem | null {
  if (isEmpty(value) || (field.type === 'boolean' && value === false && field.required)) {
    return field.required ? 'required' : null;
  }
  if (field.type === 'boolean') return typeof value === 'boolean' ? null : 'wrong-type';
  if (typeof value !== 'string') return 'wrong-type';
  if (field.maxLength !== undefined && value.length > field.maxLength) return 'too-long';
  if (field.type === 'date') return isCalendarDate(value) ? null : 'date';
  if (field.type === 'personalNumber') return /^\d{12}$/.test(value) ? null : 'personal-number';
  if (field.type === 'select') return field.options!.some((o) => o.value === value) ? null : 'option';
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`, 'u').test(value)) return 'pattern';
  return null;
}

const MESSAGES: Record<FieldProblem, (label: string, field: FormField) => LocalizedText> = {
  required: (l) => ({ vi: `Cần điền: ${l}.`, en: `${l} is required.` }),
  'wrong-type': (l) => ({ vi: `${l}: giá trị không hợp lệ.`, en: `${l}: the value is not valid.` }),
  'too-long': (l, f) => ({ vi: `${l}: tối đa ${f.maxLength} ký tự.`, en: `${l}: at most ${f.maxLength} characters.` }),
  pattern: (l) => ({ vi: `${l} không đúng định dạng.`, en: `${l} is not in the expected format.` }),
  date: (l) => ({ vi: `${l} phải là một ngày có thật.`, en: `${l} must be a real date.` }),
  option: (l) => ({ vi: `${l}: hãy chọn một giá trị trong danh sách.`, en: `${l}: choose one of the listed values.` }),
  'personal-number': (l) => ({ vi: `${l} phải gồm đúng 12 chữ số.`, en: `${l} must have exactly 12 digits.` }),
};

export function fieldProblemMessage(field: FormField, problem: FieldProblem, lang: Language): string {
  return MESSAGES[problem](field.label[lang], field)[lang];
}

/**
 * The zod validator of a draft's values (`{fieldId: value}`) for a template, with messages in
 * `lang`; each issue's path is the field id. Unknown field ids are refused.
 */
export function buildDraftValidator(template: FormTemplate, lang: Language) {
  const shape = Object.fromEntries(
    templateFields(template).map((field) => {
      const checked = z.unknown().superRefine((value, ctx) => {
        const problem = fieldProblem(field, value);
        if (problem) ctx.addIssue({ code: 'custom', message: fieldProblemMessage(field, problem, lang) });
      });
      // A refinement makes zod require the key; an optional field may be left out.
      return [field.id, field.required ? checked : checked.optional()];
    }),
  );
  return z.object(shape).strict();
}
