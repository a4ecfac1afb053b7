import { z } from 'zod';
import { dossierDraft, draftValue, fieldSource, formLegalBasis, type DossierDraft, type DraftField } from './forms';

/**
 * A draft as compact as a QR code needs: the legal bases listed once, each field as
 * `[value, source, locked, index of its legal bases]` (and `1` after them for a presumed value),
 * empty fields (no value, not locked) left out — the counter's copy of the form has them.
 * `fromWire(toWire(d))` is `d` without its empty fields.
 */
const wireField = [draftValue, fieldSource.nullable(), z.boolean(), z.number().int().nonnegative()] as const;
const wireDraft = dossierDraft
  .omit({ fields: true })
  .extend({
    bases: z.array(z.array(formLegalBasis)).max(50),
    fields: z.record(z.string().max(80), z.union([z.tuple(wireField), z.tuple([...wireField, z.literal(1)])])),
  })
  .strict();
export type WireDraft = z.infer<typeof wireDraft>;

const isEmpty = (field: DraftField) => field.value === null && !field.locked;

export function toWire(draft: DossierDraft): WireDraft {
  const bases: string[] = [];
  const fields: WireDraft['fields'] = {};
  for (const [id, field] of Object.entries(draft.fields)) {
    if (isEmpty(field)) continue;
    const basis = JSON.stringify(field.legalBasis);
    if (!bases.includes(basis)) bases.push(basis);
    const index = bases.indexOf(basis);
    fields[id] = field.presumed ? [field.value, field.source, field.locked, index, 1] : [field.value, field.source, field.locked, index];
  }
  return { ...draft, bases: bases.map((b) => JSON.parse(b) as WireDraft['bases'][number]), fields };
}

/** The draft back from its wire form, or null when the data is not a wire draft. */
export function fromWire(data: unknown): DossierDraft | null {
  const wire = wireDraft.safeParse(data);
  if (!wire.success) return null;
  const { bases, fields, ...rest } = wire.data;
  const expanded: Record<string, DraftField> = {};
  for (const [id, [value, source, locked, basis, presumed]] of Object.entries(fields)) {
    if (basis >= bases.length) return null;
    expanded[id] = { value, source, locked, legalBasis: bases[basis]!, ...(presumed ? { presumed: true } : {}) };
  }
  const draft = dossierDraft.safeParse({ ...rest, fields: expanded });
  return draft.success ? draft.data : null;
}
