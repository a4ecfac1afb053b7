import type { DossierView } from '../../electron/contract';

/**
 * In a linked dossier (Decree 63/2024) an answer is given once: a later form's open field takes the
 * answer of an earlier form's field of the same id (the child's name, sex, birth date …, the
 * addressee), or of the field named here — the child's birth is registered where the birth form is
 * addressed, and a newborn's permanent residence is the parent's (Luật Cư trú 2020, Điều 20).
 */
const SAME_AS: Readonly<Record<string, string>> = {
  'child.birthRegistrationPlace': 'addressee',
  'request.newAddress': 'applicant.residence',
};

export interface CarrySource {
  form: number;
  fieldId: string;
}

/** Where field `fieldId` of form `form` takes its answer from, or null when it is answered on its own. */
export function carrySource(views: readonly DossierView[], form: number, fieldId: string): CarrySource | null {
  if (form === 0 || views[form]?.draft.fields[fieldId]?.locked) return null;
  const wanted = [fieldId, SAME_AS[fieldId]].filter((id): id is string => id !== undefined);
  for (let earlier = 0; earlier < form; earlier++) {
    const ids = new Set(views[earlier]!.template.sections.flatMap((s) => s.fields.map((f) => f.id)));
    const found = wanted.find((id) => ids.has(id));
    if (found) return { form: earlier, fieldId: found };
  }
  return null;
}
