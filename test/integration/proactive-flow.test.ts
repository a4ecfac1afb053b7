import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierView } from '../../electron/contract';
import type { Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import { DEMO_MOTHER as MOTHER, hostCall, openWithChip, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { BIRTH_REGISTRATION_VALUES } from '../fixtures/dossier/birth-registration-values';

let running: HostWithCentral;
let host: Host;
let tmp: { dir: string };

beforeAll(async () => {
  running = await startHostWithCentral('proactive');
  host = running.host;
  tmp = { dir: running.dir };
});
afterAll(() => running.close());

const call = hostCall(() => host);

async function motherSession(accept: boolean): Promise<Session> {
  const session = newSession('kiosk');
  await openWithChip(call, session);
  await call(session, 'consent.decide', { purpose: 'proactive-services', accept });
  return session;
}

const draftRows = () => host.db.prepare('SELECT id, status FROM drafts').all() as { id: string; status: string }[];

describe('prepared birth registration dossier', () => {
  it('with consent: the parents are presumed from the national database (editable), the applicant read and locked; the child is left for the citizen', async () => {
    const session = await motherSession(true);
    const view = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    expect(view.draft.fields['mother.fullName']).toMatchObject({ value: 'Nguyễn Văn An', source: 'central', locked: false, presumed: true });
    expect(view.draft.fields['father.fullName']).toMatchObject({ value: 'Trần Minh Khoa', source: 'central', locked: false, presumed: true });
    expect(view.draft.fields['applicant.personalNumber']).toMatchObject({ value: MOTHER.personalNumber, locked: true });
    expect(view.missing).toContain('child.fullName');
    expect(view.status).toBe('draft');
  });

  it('declined: only the card fills the form, so the father is not known', async () => {
    const session = await motherSession(false);
    const view = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    expect(view.draft.fields['mother.fullName']).toMatchObject({ value: 'Nguyễn Văn An', source: 'card', locked: false, presumed: true });
    expect(view.draft.fields['father.fullName']).toMatchObject({ value: null, source: null });
  });

  it('a locked value cannot be edited, only contested; a wrong date is refused naming the field; a good value fills the gap', async () => {
    const session = await motherSession(true);
    const { draft } = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    await expect(call(session, 'dossier.update', { draftId: draft.id, values: { 'applicant.fullName': 'Ai Đó' } })).rejects.toMatchObject({
      data: { code: 'DRAFT_FIELD_LOCKED', fields: ['applicant.fullName'] },
    });
    await expect(call(session, 'dossier.update', { draftId: draft.id, values: { 'child.birthDate': '2026-02-30' } })).rejects.toMatchObject({
      data: { code: 'DRAFT_INVALID', fields: ['child.birthDate'] },
    });
    const after = await call<DossierView>(session, 'dossier.update', {
      draftId: draft.id,
      values: { 'child.fullName': 'Trần Minh Anh' },
      corrections: [{ fieldId: 'applicant.fullName', requestedValue: 'Nguyễn Văn Ân', note: 'Sai dấu' }],
    });
    expect(after.draft.fields['child.fullName']).toMatchObject({ value: 'Trần Minh Anh', source: 'entered', locked: false });
    expect(after.missing).not.toContain('child.fullName');
    expect(after.draft.corrections).toMatchObject([{ fieldId: 'applicant.fullName', requestedValue: 'Nguyễn Văn Ân' }]);
    expect(after.draft.fields['applicant.fullName']).toMatchObject({ value: 'Nguyễn Văn An', locked: true });
  });

  it('printing refuses an incomplete draft naming the fields, then prints the completed one as an A4 PDF with the national heading', async () => {
    const session = await motherSession(true);
    const { draft } = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    await expect(call(session, 'dossier.print', { draftId: draft.id })).rejects.toMatchObject({ data: { code: 'DRAFT_INVALID', fields: expect.arrayContaining(['child.fullName']) } });
    await call(session, 'dossier.update', {
      draftId: draft.id,
      values: BIRTH_REGISTRATION_VALUES,
    });
    const doc = await call<{ pdfBase64: string; pages: number; fileName: string }>(session, 'dossier.print', { draftId: draft.id });
    const bytes = Buffer.from(doc.pdfBase64, 'base64');
    expect(bytes.length).toBeLessThanOrEqual(150 * 1024);
    const file = join(tmp.dir, doc.fileName);
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Trần Minh Anh');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toMatch(/Trang 1\/\d/);
    // Its QR carries the whole dossier to the counter: the session end erases this copy too (session-residue.test.ts has the reference case).
    expect(draftRows().find((r) => r.id === draft.id)?.status).toBe('printed');
    expect((await call<{ erasedDrafts: number }>(session, 'citizen.close', {})).erasedDrafts).toBe(1);
    expect(draftRows().map((r) => r.id)).not.toContain(draft.id);
  }, 60_000);

  it("another session, even for the same citizen, cannot reach the draft", async () => {
    const session = await motherSession(true);
    const { draft } = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    const other = await motherSession(true);
    await expect(call(other, 'dossier.update', { draftId: draft.id, values: {} })).rejects.toMatchObject({ data: { code: 'DRAFT_NOT_FOUND' } });
  });

  it('the forms this machine holds are listed for the counter', async () => {
    const { forms } = await call<{ forms: { formId: string; procedureCode: string }[] }>(newSession('kiosk'), 'dossier.forms', {});
    expect(forms.map((f) => f.formId)).toEqual(['birth-registration', 'health-insurance-child-tk1ts', 'id-card-cc01', 'passport-tk01', 'residence-ct01']);
  });

  it('an unknown form is FORM_UNKNOWN; no draft without a citizen', async () => {
    const session = await motherSession(true);
    await expect(call(session, 'dossier.prepare', { formId: 'marriage' })).rejects.toMatchObject({ data: { code: 'FORM_UNKNOWN' } });
    await expect(call(newSession('kiosk'), 'dossier.prepare', { formId: 'birth-registration' })).rejects.toMatchObject({ data: { code: 'NO_CITIZEN' } });
  });

  it('one official form filed for the procedure chosen: CT01 as an extension of temporary residence, never as a form it does not serve', async () => {
    const session = await motherSession(true);
    const { draft } = await call<DossierView>(session, 'dossier.prepare', { formId: 'residence-ct01', procedureCode: 'CT.GIA-HAN-TAM-TRU' });
    expect(draft.procedureCode).toBe('CT.GIA-HAN-TAM-TRU');
    expect((await call<DossierView>(session, 'dossier.prepare', { formId: 'residence-ct01' })).draft.procedureCode).toBe('1.004222');
    await expect(call(session, 'dossier.prepare', { formId: 'residence-ct01', procedureCode: 'CC.CAP-DOI' })).rejects.toMatchObject({ data: { code: 'FORM_NOT_FOR_PROCEDURE', fields: ['procedureCode'] } });
  });

  it('ending the session erases its unprinted drafts from the database', async () => {
    const session = await motherSession(true);
    const { draft } = await call<DossierView>(session, 'dossier.prepare', { formId: 'id-card-cc01' });
    expect(draftRows().map((r) => r.id)).toContain(draft.id);
    const closed = await call<{ erasedDrafts: number }>(session, 'citizen.close', {});
    expect(closed.erasedDrafts).toBe(1);
    expect(draftRows().map((r) => r.id)).not.toContain(draft.id);
  });
});

describe('reminders for the citizen at the kiosk', () => {
  type Reminders = { reminders: { ruleId: string; formId: string | null; dueDate: string; legalBasis: { document: string }[]; explanation: { vi: string } }[]; usedCentral: boolean };

  it('with consent: the newborn\'s birth registration is reminded, with its legal basis and the due date 60 days after the birth', async () => {
    const session = await motherSession(true);
    const r = await call<Reminders>(session, 'proactive.reminders', {});
    expect(r.usedCentral).toBe(true);
    const ids = r.reminders.map((x) => x.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['birth-registration', 'passport-renewal', 'health-insurance-renewal']));
    const birth = r.reminders.find((x) => x.ruleId === 'birth-registration')!;
    expect(birth.legalBasis.map((b) => b.document).join(' ')).toMatch(/Hộ tịch|60\/2014|civil status/i);
    expect(birth.formId).toBe('birth-registration');
    // The Decree 63/2024 bundle starts with the birth registration declaration; the passport has its TK01.
    expect(r.reminders.find((x) => x.ruleId === 'newborn-linked-procedures')?.formId).toBe('birth-registration');
    expect(r.reminders.find((x) => x.ruleId === 'passport-renewal')?.formId).toBe('passport-tk01');
    const born = Date.now() - 12 * 86_400_000;
    expect(Math.round((Date.parse(birth.dueDate) - born) / 86_400_000)).toBeGreaterThanOrEqual(47);
  });

  it('declined: only what the card tells (no newborn, no passport)', async () => {
    const session = await motherSession(false);
    const r = await call<Reminders>(session, 'proactive.reminders', {});
    expect(r.usedCentral).toBe(false);
    expect(r.reminders.map((x) => x.ruleId)).not.toContain('birth-registration');
    expect(r.reminders.map((x) => x.ruleId)).not.toContain('passport-renewal');
  });

  it('the reminder slip prints on 80 mm and on A4, with the number masked', async () => {
    const session = await motherSession(true);
    for (const paper of ['80mm', 'a4'] as const) {
      const doc = await call<{ pdfBase64: string; pages: number; fileName: string }>(session, 'print.reminders', { paper });
      expect(doc.pages).toBeGreaterThanOrEqual(1);
      expect(doc.fileName).toContain(paper);
      const file = join(tmp.dir, doc.fileName);
      writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('PHIẾU NHẮC VIỆC');
      expect(text).toContain('Đăng ký khai sinh'.slice(0, 8));
      expect(text).toContain('••••••••2345');
      expect(text).not.toContain(MOTHER.personalNumber);
    }
  }, 60_000);
});

describe('rule packs and forms from the central sync', () => {
  const putSynced = (type: string, id: string, data: unknown, seq: number) =>
    host.db.prepare('INSERT INTO synced_objects (type, id, data, seq) VALUES (?, ?, ?, ?) ON CONFLICT (type, id) DO UPDATE SET data = excluded.data, seq = excluded.seq').run(type, id, JSON.stringify(data), seq);

  it('a newer synced rule pack and form replace the bundled ones at the next use, without a restart', async () => {
    const pack = JSON.parse(readFileSync('resources/rules/civil-status.json', 'utf8'));
    pack.version = '2099.1';
    pack.rules.find((r: { id: string }) => r.id === 'birth-registration').title.vi = 'Đăng ký khai sinh (bản đồng bộ)';
    putSynced('rulepack', 'civil-status', pack, 900_001);
    const form = JSON.parse(readFileSync('resources/forms/birth-registration.json', 'utf8'));
    form.version += 1;
    form.title.vi = 'TỜ KHAI ĐĂNG KÝ KHAI SINH (MẪU MỚI)';
    putSynced('form', 'birth-registration', form, 900_002);

    const session = await motherSession(true);
    const r = await call<{ reminders: { ruleId: string; title: { vi: string } }[] }>(session, 'proactive.reminders', {});
    expect(r.reminders.find((x) => x.ruleId === 'birth-registration')?.title.vi).toBe('Đăng ký khai sinh (bản đồng bộ)');
    const view = await call<DossierView>(session, 'dossier.prepare', { formId: 'birth-registration' });
    expect(view.template.title.vi).toBe('TỜ KHAI ĐĂNG KÝ KHAI SINH (MẪU MỚI)');
  });

  it('a synced pack that does not validate is ignored: the bundled rules keep working', async () => {
    putSynced('rulepack', 'civil-status', { version: '9999.1', rules: [{ id: 'broken' }] }, 900_003);
    const session = await motherSession(true);
    const r = await call<{ reminders: { ruleId: string }[] }>(session, 'proactive.reminders', {});
    expect(r.reminders.map((x) => x.ruleId)).toContain('birth-registration');
  });
});

describe('comparing the ways to an outcome', () => {
  type View = { recommended: string | null; personalised: boolean; explanation: { vi: string; en: string }; options: { id: string; rank: number | null; eligible: boolean; dominated: boolean; ineligibleReason: { vi: string } | null }[] };

  it('the newborn reminder points to the newborn outcome, whose options are all shown and one recommended', async () => {
    const session = await motherSession(true);
    const r = await call<{ reminders: { ruleId: string; outcomeId: string | null }[] }>(session, 'proactive.reminders', {});
    const outcomeId = r.reminders.find((x) => x.ruleId === 'birth-registration')?.outcomeId;
    expect(outcomeId).toBe('newborn');
    const fastest = await call<View>(session, 'recommend.compare', { outcomeId, preference: 'fastest' });
    expect(fastest.personalised).toBe(true);
    expect(fastest.options.length).toBeGreaterThanOrEqual(3);
    const recommended = fastest.options.find((o) => o.id === fastest.recommended)!;
    expect(recommended).toMatchObject({ rank: 1, eligible: true, dominated: false });
    expect(fastest.explanation.vi.length).toBeGreaterThan(20);
    expect(fastest.explanation.en.length).toBeGreaterThan(20);
  });

  it('the preference changes the ranking and the same inputs give the same answer', async () => {
    const session = await motherSession(true);
    const rankings = new Map<string, string>();
    for (const preference of ['cheapest', 'fastest', 'fewest-visits', 'balanced']) {
      const a = await call<View>(session, 'recommend.compare', { outcomeId: 'passport', preference });
      const b = await call<View>(session, 'recommend.compare', { outcomeId: 'passport', preference });
      expect(b).toEqual(a);
      rankings.set(preference, a.options.map((o) => `${o.id}:${o.rank}`).join(','));
    }
    expect(new Set(rankings.values()).size).toBeGreaterThan(1);
  });

  it('anyone may compare before identifying; an unknown outcome is OUTCOME_UNKNOWN', async () => {
    const anonymous = newSession('kiosk');
    const { outcomes } = await call<{ outcomes: { id: string }[] }>(anonymous, 'recommend.outcomes', {});
    expect(outcomes.map((o) => o.id)).toEqual(expect.arrayContaining(['passport', 'id-card', 'newborn', 'death', 'criminal-record']));
    expect(await call<View>(anonymous, 'recommend.compare', { outcomeId: 'criminal-record', preference: 'balanced' })).toMatchObject({ personalised: false });
    await expect(call(anonymous, 'recommend.compare', { outcomeId: 'moon-visa', preference: 'balanced' })).rejects.toMatchObject({ data: { code: 'OUTCOME_UNKNOWN' } });
  });

  it('the comparison sheet prints with the national heading, every option, the recommendation, the day and the catalogue version', async () => {
    const session = await motherSession(true);
    const view = await call<View & { catalogueVersion: string; options: { title: { vi: string } }[] }>(session, 'recommend.compare', { outcomeId: 'passport', preference: 'cheapest' });
    const doc = await call<{ pdfBase64: string; fileName: string }>(session, 'print.comparison', { outcomeId: 'passport', preference: 'cheapest' });
    const file = join(tmp.dir, doc.fileName);
    writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // Advice, not a state document: "Thông tin tham khảo" under the centre's name, no national heading.
    expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('THÔNG TIN THAM KHẢO');
    expect(text).toMatch(/^\s*TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG/);
    expect(text).toContain('SO SÁNH CÁC CÁCH THỰC HIỆN');
    expect(text).toContain('ĐỀ XUẤT');
    expect(text).not.toContain(`phiên bản ${view.catalogueVersion}`);
    for (const option of view.options) expect(text).toContain(option.title.vi.split(' ').slice(0, 3).join(' '));
  }, 60_000);
});
