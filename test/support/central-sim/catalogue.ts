/**
 * The non-case changes at the head of the feed: the demo procedure catalogue, a few kiosk options,
 * a rule pack and a form (the app's own, as the centre would publish them); and one option
 * deleted at the end, so every feed has a delete line.
 */
import procedures from '../../../resources/demo/procedures.json';
import cardForm from '../../../resources/forms/id-card-cc01.json';
import identityRules from '../../../resources/rules/identity-documents.json';

export type ChangeType = 'case' | 'procedure' | 'option' | 'rulepack' | 'form';
export interface CatalogueChange { type: ChangeType; op: 'upsert' | 'delete'; id: string; data?: unknown }

/** The procedures cases are generated for: those with a processing time to set a due date from. */
export const PROCEDURES: readonly { code: string; processingDays: number }[] = procedures.flatMap((p) =>
  p.processingDays === null ? [] : [{ code: p.code, processingDays: p.processingDays }],
);

/**
 * Every procedure a dossier may be filed for, with the time the reference central gives itself:
 * the catalogue's, or for a procedure it lists without one (residence), 7 working days.
 */
export const SUBMITTABLE: readonly { code: string; processingDays: number }[] = procedures.map((p) => ({ code: p.code, processingDays: p.processingDays ?? 7 }));

export function headChanges(): CatalogueChange[] {
  return [
    ...procedures.map((p) => ({ type: 'procedure' as const, op: 'upsert' as const, id: p.code, data: p })),
    { type: 'option', op: 'upsert', id: 'kiosk.idle-timeout-seconds', data: { value: 120 } },
    { type: 'option', op: 'upsert', id: 'kiosk.banner', data: { value: { vi: 'Chào mừng quý khách', en: 'Welcome' } } },
    { type: 'rulepack', op: 'upsert', id: identityRules.id, data: identityRules },
    { type: 'form', op: 'upsert', id: cardForm.id, data: cardForm },
  ];
}

export function tailChanges(): CatalogueChange[] {
  return [{ type: 'option', op: 'delete', id: 'kiosk.banner' }];
}
