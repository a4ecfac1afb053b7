import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDraftValidator, formTemplate, templateFields, type DossierView } from '../../electron/contract';
import { changedValues, currentValues, valueOf } from '../../renderer/components/dossier-values';
import { digitsToIsoDate, formatDate } from '../../renderer/components/DigitField';
import { displayValue } from '../../renderer/components/DossierField';

const template = formTemplate.parse(JSON.parse(readFileSync(join(__dirname, '../../resources/forms/birth-registration.json'), 'utf8')));

function view(): DossierView {
  const fields = Object.fromEntries(templateFields(template).map((f) => [f.id, { value: null, source: null, legalBasis: [], locked: false }]));
  fields['mother.fullName'] = { value: 'Nguyễn Văn An', source: 'central', legalBasis: [], locked: true } as never;
  fields['addressee'] = { value: 'UBND phường Bến Nghé', source: 'entered', legalBasis: [], locked: false } as never;
  return {
    draft: { id: 'd1', formId: template.id, formVersion: 1, procedureCode: template.procedureCode, createdAt: '2026-01-01T00:00:00Z', fields, lockedHash: '0'.repeat(64), corrections: [] },
    template,
    missing: [],
    status: 'draft',
  };
}

describe('the values a review screen sends and validates', () => {
  it('reads what was typed over the draft', () => {
    const v = view();
    expect(valueOf(v, {}, 'addressee')).toBe('UBND phường Bến Nghé');
    expect(valueOf(v, { addressee: 'UBND xã' }, 'addressee')).toBe('UBND xã');
    expect(currentValues(v, { 'child.fullName': 'An' })['child.fullName']).toBe('An');
  });

  it('sends only changed open fields, trimmed, an emptied one as null, never a locked one', () => {
    const v = view();
    const edits = { addressee: ' UBND phường Bến Nghé ', 'child.fullName': '  Trần Minh Anh ', 'copies.count': '', 'mother.fullName': 'Khác' };
    expect(changedValues(v, edits)).toEqual({ 'child.fullName': 'Trần Minh Anh' });
    expect(changedValues(v, { addressee: '' })).toEqual({ addressee: null });
    expect(changedValues(v, edits, ['addressee'])).toEqual({});
  });

  it('validates with the same schema as the main process, messages in the screen language', () => {
    const v = view();
    const values = currentValues(v, { 'child.birthDate': digitsToIsoDate('31022026'), 'copies.count': 'ba' });
    const issues = buildDraftValidator(template, 'vi').safeParse(values).error!.issues;
    const byField = Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField['child.birthDate']).toBe('Ngày, tháng, năm sinh phải là một ngày có thật.');
    expect(byField['copies.count']).toBe('Số lượng bản sao không đúng định dạng.');
    expect(byField['child.fullName']).toBe('Cần điền: Họ, chữ đệm, tên.');
  });

  it('shows dates day first and options by their label', () => {
    const [date, select] = [templateFields(template).find((f) => f.id === 'child.birthDate')!, templateFields(template).find((f) => f.id === 'child.sex')!];
    expect(formatDate('1211202')).toBe('12/11/202');
    expect(displayValue(date, '2026-11-12', 'vi', { yes: 'Có', no: 'Không' })).toBe('12/11/2026');
    expect(displayValue(select, 'female', 'vi', { yes: 'Có', no: 'Không' })).toBe('Nữ');
    expect(displayValue(select, 'female', 'en', { yes: 'Yes', no: 'No' })).toBe('Female');
  });
});
