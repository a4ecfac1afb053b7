import { randomUUID } from 'node:crypto';
import {
  fieldProblem,
  templateFields,
  type DossierDraft,
  type DraftField,
  type FieldSource,
  type FormField,
  type FormTemplate,
  type LocalizedText,
} from '../../contract';
import { lockedHash } from './locked-hash';
import { cardRecord, centralRecord, valueAt, type PrefillSources } from './source-records';

/** A required field still empty: the review screens prompt the citizen to supplement it. */
export interface MissingField {
  fieldId: string;
  sectionId: string;
  label: LocalizedText;
}

export interface PrefillResult {
  draft: DossierDraft;
  missing: MissingField[];
}

/** Values read from the state's records cannot be edited, only contested. */
const VERIFIED: ReadonlySet<FieldSource> = new Set(['central', 'card']);

/** A newborn's parent is presumed from the applicant's sex and spouse on record, not read. */
const PRESUMED_PATH = /^newborn(Mother|Father)\./;

/**
 * Read from a record but not locked: a presumption, and the address printed on the card (a card
 * keeps the address of its day; the place may have moved or been renamed since).
 */
const editableRead = (source: FieldSource, path: string | undefined) => path !== undefined && (PRESUMED_PATH.test(path) || (source === 'card' && path === 'address'));

type Records = Record<FieldSource, Record<string, unknown> | null>;

/**
 * The first source, in the field's priority order, with a value that fits the field. A verified
 * value that does not fit (a name too long for the form …) is passed over rather than locked.
 */
function pickValue(field: FormField, records: Records, entered: PrefillSources['entered']): Pick<DraftField, 'value' | 'source'> & { path?: string } {
  for (const mapping of field.sources) {
    if (mapping.from === 'entered') {
      const value = entered[field.id];
      if (value !== undefined && value !== '') return { value, source: 'entered' };
      continue;
    }
    const record = records[mapping.from];
    const value = record ? valueAt(record, mapping.path) : null;
    if (value !== null && fieldProblem(field, value) === null) return { value, source: mapping.from, path: mapping.path };
  }
  return { value: null, source: null };
}

export function missingFields(template: FormTemplate, draft: DossierDraft): MissingField[] {
  return template.sections.flatMap((section) =>
    section.fields
      .filter((field) => fieldProblem(field, draft.fields[field.id]?.value) === 'required')
      .map((field) => ({ fieldId: field.id, sectionId: section.id, label: field.label })),
  );
}

/** Fills a template from the sources, most trusted first, and locks what the state has verified. */
export function prefillDraft(template: FormTemplate, sources: PrefillSources, options: { id?: string; now?: Date } = {}): PrefillResult {
  const records: Records = {
    central: sources.central ? centralRecord(sources.central) : null,
    card: sources.card ? cardRecord(sources.card) : null,
    entered: null,
  };
  const fields: Record<string, DraftField> = {};
  for (const field of templateFields(template)) {
    const { path, ...picked } = pickValue(field, records, sources.entered);
    const presumed = path !== undefined && PRESUMED_PATH.test(path);
    fields[field.id] = {
      ...picked,
      legalBasis: field.legalBasis ?? template.legalBasis,
      locked: picked.source !== null && VERIFIED.has(picked.source) && !editableRead(picked.source, path),
      ...(presumed ? { presumed } : {}),
    };
  }
  const identity = { id: options.id ?? randomUUID(), formId: template.id, formVersion: template.version };
  const draft: DossierDraft = {
    ...identity,
    procedureCode: template.procedureCode,
    createdAt: (options.now ?? new Date()).toISOString(),
    fields,
    lockedHash: lockedHash({ ...identity, fields }),
    corrections: [],
  };
  return { draft, missing: missingFields(template, draft) };
}
