/**
 * The non-case changes at the head of the feed: the demo procedure catalogue, a few kiosk options,
 * a rule pack and a form; and one option deleted at the end, so every feed has a delete line.
 */
import procedures from '../../../resources/demo/procedures.json';

export type ChangeType = 'case' | 'procedure' | 'option' | 'rulepack' | 'form';
export interface CatalogueChange { type: ChangeType; op: 'upsert' | 'delete'; id: string; data?: unknown }

export const PROCEDURES: readonly { code: string; processingDays: number }[] = procedures;

export function headChanges(): CatalogueChange[] {
  return [
    ...procedures.map((p) => ({ type: 'procedure' as const, op: 'upsert' as const, id: p.code, data: p })),
    { type: 'option', op: 'upsert', id: 'kiosk.idle-timeout-seconds', data: { value: 120 } },
    { type: 'option', op: 'upsert', id: 'kiosk.banner', data: { value: { vi: 'Chào mừng quý khách', en: 'Welcome' } } },
    {
      type: 'rulepack', op: 'upsert', id: 'id-card-renewal',
      data: { version: '2026.1', legalBasis: { vi: 'Luật Căn cước 2023, Điều 21', en: 'Law on Identification 2023, Art. 21' }, ages: [14, 25, 40, 60], graceYears: 2 },
    },
    {
      type: 'form', op: 'upsert', id: 'CC.CAP-DOI',
      data: { procedureCode: 'CC.CAP-DOI', fields: [
        { name: 'fullName', label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' }, required: true },
        { name: 'reason', label: { vi: 'Lý do cấp đổi', en: 'Reason for renewal' }, required: true },
      ] },
    },
  ];
}

export function tailChanges(): CatalogueChange[] {
  return [{ type: 'option', op: 'delete', id: 'kiosk.banner' }];
}
