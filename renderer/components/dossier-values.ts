import { useMemo } from 'react';
import { buildDraftValidator, templateFields, type DossierView, type DraftValue, type FormTemplate, type Language } from '../../electron/contract';

export type Edits = Readonly<Record<string, DraftValue>>;

/** The value a field shows: what was typed on this screen, else the draft's. */
export const valueOf = (view: DossierView, edits: Edits, fieldId: string): DraftValue =>
  Object.hasOwn(edits, fieldId) ? edits[fieldId]! : (view.draft.fields[fieldId]?.value ?? null);

/** All values of the draft with this screen's edits, as `buildDraftValidator` reads them. */
export function currentValues(view: DossierView, edits: Edits): Record<string, DraftValue> {
  return Object.fromEntries(templateFields(view.template).map((f) => [f.id, valueOf(view, edits, f.id)]));
}

/** What to send with `dossier.update`: typed values of open fields that differ from the draft. */
export function changedValues(view: DossierView, edits: Edits, fieldIds?: readonly string[]): Record<string, DraftValue> {
  const ids = fieldIds ?? Object.keys(edits);
  return Object.fromEntries(
    ids
      .filter((id) => Object.hasOwn(edits, id) && !view.draft.fields[id]?.locked)
      .map((id) => [id, normalise(edits[id]!)] as const)
      .filter(([id, value]) => value !== (view.draft.fields[id]?.value ?? null)),
  );
}

const normalise = (value: DraftValue): DraftValue => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value);

/**
 * Field id → message in `lang`, from the same validator the main process enforces. Locked
 * (verified) values are the state's: they are not the citizen's to fix, so they are not flagged.
 */
export function useDraftProblems(view: DossierView | null, edits: Edits, lang: Language): Record<string, string> {
  // Rebuilt when the template changes, not when the view's values do.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const validator = useMemo(() => (view ? buildDraftValidator(view.template, lang) : null), [view?.template, lang]);
  return useMemo(() => {
    if (!view || !validator) return {};
    const values = Object.fromEntries(Object.entries(currentValues(view, edits)).map(([id, v]) => [id, normalise(v)]));
    const parsed = validator.safeParse(values);
    if (parsed.success) return {};
    const problems: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const id = String(issue.path[0] ?? '');
      if (id && !view.draft.fields[id]?.locked && problems[id] === undefined) problems[id] = issue.message;
    }
    return problems;
  }, [view, validator, edits]);
}

export const fieldIdsOf = (template: FormTemplate, sectionId: string): string[] =>
  template.sections.find((s) => s.id === sectionId)?.fields.map((f) => f.id) ?? [];
