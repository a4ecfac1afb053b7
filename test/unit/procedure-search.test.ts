import { describe, expect, it } from 'vitest';
import type { ProcedureEntry } from '../../electron/contract';
import { fold, ProcedureSearch } from '../../electron/proactive/procedures/procedure-search';
import { procedureEntries } from '../../electron/proactive/procedures/procedure-entry';
import { bundledTemplate } from '../fixtures/dossier/citizen';
import { loadCatalogue } from '../../electron/proactive/recommend';
import procedures from '../../resources/demo/procedures.json';

const entries = procedureEntries(procedures, [bundledTemplate('birth-registration'), bundledTemplate('residence-ct01')], loadCatalogue(process.cwd()));
const search = new ProcedureSearch(entries);
const codes = (query: string, lifeEvent?: string) => search.search(query, { lifeEvent, limit: 30 }).entries.map((e: ProcedureEntry) => e.code);

describe('procedure catalogue search', () => {
  it('folds accents, đ and case', () => {
    expect(fold('Đăng ký KHAI SINH')).toBe('dang ky khai sinh');
  });

  it('finds a procedure with or without accents, by words in any order, by agency or code', () => {
    expect(codes('khai sinh')).toContain('1.001193');
    expect(codes('Khai Sinh')).toEqual(codes('khai sinh'));
    expect(codes('đăng ký khai sinh')[0]).toBe('1.001193');
    expect(codes('sinh khai')).toContain('1.001193');
    expect(codes('1.001193')).toEqual(['1.001193']);
    expect(codes('thuong tru')).toEqual(expect.arrayContaining(['1.004222', 'CT.XOA-THUONG-TRU']));
    expect(codes('xyzzy')).toEqual([]);
  });

  it('lists an official form under every procedure filed on it: CT01 registers, extends and removes a residence', () => {
    const formsOf = (code: string) => entries.find((e) => e.code === code)?.forms.map((f) => f.formNumber);
    for (const code of ['1.004222', 'CT.GIA-HAN-TAM-TRU', 'CT.XOA-THUONG-TRU']) expect(formsOf(code), code).toEqual(['Mẫu CT01']);
    expect(formsOf('CC.CAP-DOI')).toEqual([]);
  });

  it('a word must begin a word of the procedure: "inh" does not find "sinh"', () => {
    expect(codes('inh')).toEqual([]);
  });

  it('browses by life event, and says who handles it, what to bring, its forms and whether it is online', () => {
    const newborn = codes('', 'newborn');
    expect(newborn).toEqual(expect.arrayContaining(['1.001193', '1.004222', 'BHYT.TRE-EM-DUOI-6']));
    const birth = entries.find((e) => e.code === '1.001193')!;
    expect(birth.agency.vi).toBe('Ủy ban nhân dân xã, phường, đặc khu');
    expect(birth.online).toBe(true);
    expect(birth.forms.map((f) => f.formId)).toEqual(['birth-registration']);
    expect(birth.requirements.map((r) => r.vi)).toContain('Giấy chứng sinh (hoặc văn bản của người làm chứng xác nhận về việc sinh)');
    expect(search.lifeEvents()).toContainEqual({ id: 'newborn', count: newborn.length });
  });
});
