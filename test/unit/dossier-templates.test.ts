import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDraftValidator, formTemplate, templateFields, type FormTemplate } from '../../electron/contract';
import { openDatabase } from '../../electron/db/connection';
import { loadFormTemplates, mergeTemplates } from '../../electron/proactive/dossier';
import { bundledTemplate, FORMS_DIR } from '../fixtures/dossier/citizen';

const FORM_IDS = ['birth-registration', 'id-card-cc01', 'passport-tk01', 'residence-ct01', 'health-insurance-child-tk1ts'];

describe('bundled form templates', () => {
  it.each(readdirSync(FORMS_DIR))('%s is a valid template named after its id', (file) => {
    const parsed = formTemplate.parse(JSON.parse(readFileSync(join(FORMS_DIR, file), 'utf8')));
    expect(`${parsed.id}.json`).toBe(file);
  });

  it('covers the five forms of level 2, each with its procedure code', () => {
    const codes = Object.fromEntries(FORM_IDS.map((id) => [id, bundledTemplate(id).procedureCode]));
    expect(codes['birth-registration']).toBe('1.001193');
    expect(codes['id-card-cc01']).toBe('CC.CAP-DOI');
    expect(new Set(Object.values(codes)).size).toBe(FORM_IDS.length);
  });
});

describe('loading templates', () => {
  const birth = bundledTemplate('birth-registration');
  const bundled = { origin: { kind: 'bundled' as const, file: 'birth-registration.json' }, json: JSON.stringify(birth) };
  const synced = (data: unknown, id = birth.id) => ({ origin: { kind: 'synced' as const, id }, json: typeof data === 'string' ? data : JSON.stringify(data) });

  it('keeps the highest version of a form, whichever way it came', () => {
    const newer = { ...birth, version: birth.version + 1 };
    expect(mergeTemplates([bundled, synced(newer)]).templates.get(birth.id)?.version).toBe(birth.version + 1);
    expect(mergeTemplates([synced(newer), bundled]).templates.get(birth.id)?.version).toBe(birth.version + 1);
    const older = { ...birth, version: 0.5 };
    expect(mergeTemplates([bundled, synced(older)]).templates.get(birth.id)?.version).toBe(birth.version);
  });

  it('sets an invalid synced form aside with a reason and keeps the others', () => {
    const noSources = structuredClone(birth) as FormTemplate;
    noSources.version = 9;
    noSources.sections[0]!.fields[0]!.sources = [];
    const { templates, rejected } = mergeTemplates([bundled, synced('{not json'), synced(noSources), synced(birth, 'other-id')]);
    expect(templates.get(birth.id)?.version).toBe(birth.version);
    expect(rejected.map((r) => r.reason)).toEqual([
      'not JSON',
      expect.stringContaining('sections.0.fields.0.sources'),
      expect.stringContaining('differs from the form id'),
    ]);
  });

  it('reads the synced forms of the database beside the bundled ones', () => {
    const { db } = openDatabase(':memory:', join(__dirname, '..', '..', 'electron', 'db', 'migrations'));
    const insert = db.prepare("INSERT INTO synced_objects (type, id, data, seq) VALUES (?, ?, ?, 1)");
    insert.run('form', birth.id, JSON.stringify({ ...birth, version: 7 }));
    insert.run('form', 'broken', '{"id":"broken"}');
    insert.run('rulepack', birth.id, JSON.stringify({ ...birth, version: 8 }));
    const { templates, rejected } = loadFormTemplates(FORMS_DIR, db);
    expect(templates.get(birth.id)?.version).toBe(7);
    expect(templates.size).toBe(5);
    expect(rejected).toEqual([{ origin: { kind: 'synced', id: 'broken' }, reason: expect.any(String) }]);
    db.close();
  });

  it('never throws on whatever the feed delivers as a form', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string()), (data) => {
        const { templates, rejected } = mergeTemplates([synced(typeof data === 'string' ? data : JSON.stringify(data) ?? '')]);
        expect(templates.size + rejected.length).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses sources out of priority order and a field defined twice', () => {
    const swapped = structuredClone(birth);
    swapped.sections[1]!.fields[0]!.sources.reverse();
    expect(formTemplate.safeParse(swapped).success).toBe(false);
    const twice = structuredClone(birth);
    twice.sections[0]!.fields.push(twice.sections[0]!.fields[0]!);
    expect(formTemplate.safeParse(twice).error?.issues[0]?.message).toMatch(/defined twice/);
  });
});

describe('the draft validator built from a template', () => {
  const cc01 = bundledTemplate('id-card-cc01');
  const valid = {
    'request.kind': 'renew',
    'person.fullName': 'Nguyễn Thị Hồng Nhung',
    'person.birthDate': '1990-03-15',
    'person.sex': 'female',
    'person.personalNumber': '001190012345',
    'person.ethnicity': 'Kinh',
    'person.nationality': 'Việt Nam',
    'person.placeOfBirth': 'Hà Nội',
    'person.placeOfOrigin': 'Hà Nội',
    'person.currentAddress': 'Hà Nội',
  };

  it('accepts the required fields alone, empty optional fields included', () => {
    expect(buildDraftValidator(cc01, 'vi').safeParse({ ...valid, 'person.religion': '', 'person.email': null }).success).toBe(true);
  });

  it('says what is wrong with each field, in Vietnamese or English', () => {
    const values = { ...valid, 'person.fullName': '', 'person.birthDate': '1990-02-30', 'person.personalNumber': '12345', 'person.sex': 'x', 'person.phone': 'abc' };
    const messages = (lang: 'vi' | 'en') =>
      Object.fromEntries(buildDraftValidator(cc01, lang).safeParse(values).error!.issues.map((i) => [i.path.join(''), i.message]));
    expect(messages('vi')).toEqual({
      'person.fullName': 'Cần điền: Họ, chữ đệm và tên khai sinh.',
      'person.birthDate': 'Ngày, tháng, năm sinh phải là một ngày có thật.',
      'person.personalNumber': 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
      'person.sex': 'Giới tính: hãy chọn một giá trị trong danh sách.',
      'person.phone': 'Số điện thoại không đúng định dạng.',
    });
    expect(messages('en')['person.fullName']).toBe('Full name at birth is required.');
    expect(messages('en')['person.birthDate']).toBe('Date of birth must be a real date.');
  });

  it('refuses a field the form does not have, and a value too long', () => {
    const result = buildDraftValidator(cc01, 'en').safeParse({ ...valid, 'person.occupation': 'x'.repeat(101), extra: 'x' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['Occupation: at most 100 characters.']));
    expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('checks every field of every bundled template without throwing', () => {
    for (const id of FORM_IDS) {
      const template = bundledTemplate(id);
      const issues = buildDraftValidator(template, 'vi').safeParse({}).error?.issues ?? [];
      expect(issues.length).toBe(templateFields(template).filter((f) => f.required).length);
    }
  });
});

describe('the ID card form', () => {
  const cc01 = bundledTemplate('id-card-cc01');
  const field = (id: string) => templateFields(cc01).find((f) => f.id === id);

  it("is what the citizen supplies, not the police's CC01 sheet (Circular 17/2024), and asks what the citizen really gives", () => {
    expect(cc01.title.vi).toBe('THÔNG TIN CÔNG DÂN CUNG CẤP KHI LÀM THẺ CĂN CƯỚC');
    expect(cc01.title.vi).not.toContain('TỜ KHAI');
    for (const id of ['person.temporaryAddress', 'representative.fullName', 'representative.personalNumber', 'request.integrate']) expect(field(id)).toBeDefined();
  });

  it('the place of birth registration is read as such, never from the place of birth', () => {
    expect(field('person.placeOfBirth')?.label.vi).toBe('Nơi đăng ký khai sinh');
    expect(field('person.placeOfBirth')?.sources).toEqual([{ from: 'central', path: 'birthRegistrationPlace' }, { from: 'entered' }]);
  });
});
