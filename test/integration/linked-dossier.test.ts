/**
 * The Decree 63/2024 "làm một lần" reminder at a kiosk, through the host router on a real SQLite file
 * and the central simulator: the linked dossier is prepared as the three procedures' forms, printed
 * as one PDF, and each form's QR opens at the counter.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterDossier, LinkedDossierView, PrintedDocument } from '../../electron/contract';
import type { Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import { DEMO_MOTHER as MOTHER, hostCall, openWithChip, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { scanPdfQr } from '../support/scan-pdf-qr';
import { LINKED_NEWBORN_VALUES } from '../fixtures/dossier/linked-newborn-values';

let running: HostWithCentral;
let host: Host;

beforeAll(async () => {
  running = await startHostWithCentral('linked');
  host = running.host;
});
afterAll(() => running.close());

const call = hostCall(() => host);
const LINKED = 'LT.KS-TT-BHYT';

async function motherSession(): Promise<Session> {
  const session = newSession('kiosk');
  await openWithChip(call, session);
  await call(session, 'consent.decide', { purpose: 'proactive-services', accept: true });
  return session;
}

describe('the linked newborn dossier ("làm một lần")', () => {
  it('its reminder says it is linked, and prepares the three procedures’ forms at once, prefilled from the session', async () => {
    const session = await motherSession();
    const { reminders } = await call<{ reminders: { ruleId: string; procedureCode: string | null; linked: boolean }[] }>(session, 'proactive.reminders', {});
    const reminder = reminders.find((r) => r.ruleId === 'newborn-linked-procedures')!;
    expect(reminder).toMatchObject({ procedureCode: LINKED, linked: true });
    expect(reminders.find((r) => r.ruleId === 'birth-registration')?.linked).toBe(false);

    const linked = await call<LinkedDossierView>(session, 'dossier.prepareLinked', { procedureCode: LINKED });
    expect(linked.dossiers.map((d) => [d.template.id, d.template.procedureCode])).toEqual([
      ['birth-registration', '1.001193'],
      ['residence-ct01', '1.004222'],
      ['health-insurance-child-tk1ts', 'BHYT.TRE-EM-DUOI-6'],
    ]);
    const [birth, residence, card] = linked.dossiers;
    expect(birth!.draft.fields['applicant.personalNumber']).toMatchObject({ value: MOTHER.personalNumber, locked: true });
    expect(birth!.draft.fields['child.birthDate']?.value).not.toBeNull();
    expect(residence!.draft.fields['person.fullName']).toMatchObject({ value: 'Nguyễn Văn An', locked: true });
    expect(card!.draft.fields['parent.personalNumber']).toMatchObject({ value: MOTHER.personalNumber, locked: true });
    expect(card!.missing).toContain('child.fullName');
    expect(new Set(linked.dossiers.map((d) => d.draft.id)).size).toBe(3);
  });

  it('a procedure that is not a bundle is refused; another session cannot print these drafts', async () => {
    const session = await motherSession();
    await expect(call(session, 'dossier.prepareLinked', { procedureCode: '1.001193' })).rejects.toMatchObject({ data: { code: 'FORM_UNKNOWN' } });
    const linked = await call<LinkedDossierView>(session, 'dossier.prepareLinked', { procedureCode: LINKED });
    const ids = linked.dossiers.map((d) => d.draft.id);
    await expect(call(await motherSession(), 'dossier.printLinked', { draftIds: ids })).rejects.toMatchObject({ data: { code: 'DRAFT_NOT_FOUND' } });
  });

  it('prints nothing while one form misses answers; then one PDF with the three forms, each with a QR the counter opens', async () => {
    const session = await motherSession();
    const linked = await call<LinkedDossierView>(session, 'dossier.prepareLinked', { procedureCode: LINKED });
    const ids = linked.dossiers.map((d) => d.draft.id);
    const [birth, residence] = linked.dossiers;
    await call(session, 'dossier.update', { draftId: birth!.draft.id, values: LINKED_NEWBORN_VALUES['birth-registration'] });
    await call(session, 'dossier.update', { draftId: residence!.draft.id, values: LINKED_NEWBORN_VALUES['residence-ct01'] });
    await expect(call(session, 'dossier.printLinked', { draftIds: ids })).rejects.toMatchObject({ data: { code: 'DRAFT_INVALID', fields: expect.arrayContaining(['child.hospital']) } });
    const status = () => (host.db.prepare(`SELECT status FROM drafts WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { status: string }[]).map((r) => r.status);
    expect(status()).toEqual(['draft', 'draft', 'draft']);

    const card = linked.dossiers[2]!;
    await call(session, 'dossier.update', { draftId: card.draft.id, values: LINKED_NEWBORN_VALUES['health-insurance-child-tk1ts'] });
    const doc = await call<PrintedDocument>(session, 'dossier.printLinked', { draftIds: ids });
    expect(doc.fileName).toMatch(/^ho-so-lien-thong-/);
    expect(status()).toEqual(['printed', 'printed', 'printed']);
    const file = join(running.dir, doc.fileName);
    writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
    expect(doc.pages).toBe(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const title of ['TỜ KHAI ĐĂNG KÝ KHAI SINH', 'TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ', 'TỜ KHAI THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI']) expect(text).toContain(title);
    expect(text.split('Trần Minh Anh').length - 1).toBeGreaterThanOrEqual(2);

    // The counter's scanner reads each form's QR from the print-out and opens that procedure's form (200 dpi:
    // at 150 dpi jsQR misses the residence or health-card form's denser QR on a whole page now and then).
    const qrs = Array.from({ length: doc.pages }, (_, i) => scanPdfQr(file, { page: i + 1, dpi: 200 })).filter((t): t is string => t !== null);
    const officer = newSession('officer');
    const opened = [];
    for (const text of qrs) opened.push(await call<CounterDossier>(officer, 'counter.openHandoff', { text }));
    expect(opened.map((o) => o.view.template.id)).toEqual(['birth-registration', 'residence-ct01', 'health-insurance-child-tk1ts']);
    expect(opened.map((o) => o.view.draft.id)).toEqual(ids);
    expect(opened[2]!.view.draft.fields['child.fullName']?.value).toBe('Trần Minh Anh');
  }, 90_000);
});
