/**
 * At the counter, through the host router on a real SQLite file and the real central
 * simulator: a kiosk print-out's QR opened (and refused when tampered, unknown, oversized),
 * originals checked, the dossier submitted offline then drained, the receipt printed, the case
 * found at the counter and its status shown at a kiosk without personal data.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterDossier, DossierDraft, DossierView, PublicCaseStatus, SubmissionView } from '../../electron/contract';
import type { Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import { encodeHandoff, exportPublicKeyPem, loadOrCreateDeviceKey, type DeviceKey } from '../../electron/security/device-signing';
import { scanPdfQr } from '../support/scan-pdf-qr';
import type { CentralSim } from '../support/central-sim/server';
import { DEMO_MOTHER as MOTHER, hostCall, openWithChip, hostDeviceKey, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { kioskPrintsDossier } from '../support/kiosk-prints';

let running: HostWithCentral;
let host: Host;
let sim: CentralSim;
let tmp: { dir: string };

beforeAll(async () => {
  running = await startHostWithCentral('counter');
  ({ host, sim } = running);
  tmp = { dir: running.dir };
});
afterAll(() => running.close());

const call = hostCall(() => host);


/** A kiosk prepares and prints the mother's birth registration; returns the printed draft. */
const kioskPrints = async (size: 'qr' | 'reference' = 'qr'): Promise<DossierDraft> => (await kioskPrintsDossier(call, { size })).draft;

const ownKey = (): DeviceKey => hostDeviceKey(running);
const otherKioskKey = (): DeviceKey => {
  const store = new Map<string, string>();
  return loadOrCreateDeviceKey({ get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) });
};
const auditOutcomes = (channel: string) =>
  (host.db.prepare('SELECT outcome FROM audit_log WHERE channel = ? ORDER BY id').all(channel) as { outcome: string }[]).map((r) => r.outcome);
const refusal = (session: Session, channel: string, input: unknown) => call(session, channel, input).then(() => 'accepted', (e: { data: { code: string } }) => e.data.code);

describe('kiosk hand-off at the counter', () => {
  it('opens the printed dossier from its QR, offline, as the officer session’s, with the originals to check', async () => {
    const draft = await kioskPrints();
    const officer = newSession('officer');
    const opened = await call<CounterDossier>(officer, 'counter.openHandoff', { text: encodeHandoff(draft, ownKey()).text });
    expect(opened.view.draft.id).toBe(draft.id);
    expect(opened.applicant).toEqual({ personalNumber: MOTHER.personalNumber, fullName: 'Nguyễn Văn An' });
    expect(opened.keyId).toBe(ownKey().keyId);
    expect(opened.review.attachments.map((a) => [a.id, a.seen])).toEqual([['birthCertificate', false], ['authorisation', false], ['marriageCertificate', false]]);
    expect(opened.submissionId).toBeNull();
    // The birth registration has no birth date for the applicant: the officer identifies her from the card.
    expect(opened.identified).toBe(false);
    // The kiosk cannot open it; nor can another officer session until it scans the QR itself.
    expect(await refusal(newSession('kiosk'), 'counter.openHandoff', { text: 'x' })).toBe('FORBIDDEN');
    expect(await refusal(newSession('officer'), 'counter.checkOriginals', { draftId: draft.id, attachments: [], needsSupplement: false, supplementNote: '' })).toBe('DRAFT_NOT_FOUND');
  });

  it('refuses a tampered, an unknown-key and an oversized QR with their typed errors, each audited', async () => {
    const draft = await kioskPrints();
    const officer = newSession('officer');
    const good = encodeHandoff(draft, ownKey()).text;
    const bytes = Buffer.from(good.slice('MOTCUA1:'.length), 'base64url');
    bytes[20] = bytes[20]! ^ 0x01;
    expect(await refusal(officer, 'counter.openHandoff', { text: `MOTCUA1:${bytes.toString('base64url')}` })).toBe('HANDOFF_BAD_SIGNATURE');
    const stranger = otherKioskKey();
    const foreign = encodeHandoff(draft, stranger).text;
    expect(await refusal(officer, 'counter.openHandoff', { text: foreign })).toBe('HANDOFF_UNKNOWN_KEY');
    expect(await refusal(officer, 'counter.openHandoff', { text: `MOTCUA1:${'A'.repeat(2000)}` })).toBe('HANDOFF_TOO_LARGE');
    expect(auditOutcomes('counter.openHandoff').slice(-3)).toEqual(['HANDOFF_BAD_SIGNATURE', 'HANDOFF_UNKNOWN_KEY', 'HANDOFF_TOO_LARGE']);

    // A technician registers that kiosk's key: its print-outs then open.
    const technician = newSession('technician');
    expect(await refusal(technician, 'kiosk.trustKey', { pem: 'not a key' })).toBe('KIOSK_KEY_INVALID');
    const { keyIds } = await call<{ keyIds: string[] }>(technician, 'kiosk.trustKey', { pem: exportPublicKeyPem(stranger) });
    expect(keyIds).toEqual([stranger.keyId]);
    expect((await call<CounterDossier>(officer, 'counter.openHandoff', { text: foreign })).keyId).toBe(stranger.keyId);
    const own = await call<{ pem: string; keyId: string }>(technician, 'kiosk.publicKey', {});
    expect(own).toEqual({ pem: exportPublicKeyPem(ownKey()), keyId: ownKey().keyId });
  });

  it('a reference QR opens the draft kept on this machine, and says when it is kept on another', async () => {
    // Too large for one QR code (notes that do not compress): the kiosk printed a reference to the draft, and kept it.
    const draft = await kioskPrints('reference');
    const reference = encodeHandoff(draft, ownKey());
    expect(reference.kind).toBe('reference');
    const officer = newSession('officer');
    expect((await call<CounterDossier>(officer, 'counter.openHandoff', { text: reference.text })).view.draft).toEqual(draft);
    const elsewhere = encodeHandoff({ ...draft, id: 'kept-on-another-kiosk' }, ownKey());
    expect(await refusal(officer, 'counter.openHandoff', { text: elsewhere.text })).toBe('HANDOFF_ELSEWHERE');
  });
  it('with the applicant’s birth date in the dossier, the counter serves that citizen and the officer may edit the form', async () => {
    const kiosk = newSession('kiosk');
    await openWithChip(call, kiosk);
    await call(kiosk, 'consent.decide', { purpose: 'proactive-services', accept: true });
    const { draft } = await call<DossierView>(kiosk, 'dossier.prepare', { formId: 'id-card-cc01' });
    const officer = newSession('officer');
    const opened = await call<CounterDossier>(officer, 'counter.openHandoff', { text: encodeHandoff(draft, ownKey()).text });
    expect(opened).toMatchObject({ identified: true, applicant: { personalNumber: MOTHER.personalNumber } });
    const edited = await call<DossierView>(officer, 'dossier.update', { draftId: draft.id, values: { 'request.reason': 'Thẻ bị hỏng' } });
    expect(edited.draft.fields['request.reason']?.value).toBe('Thẻ bị hỏng');
  });
});

describe('originals, submission and receipt', () => {
  it('submits only checked originals, queues offline, drains once when the centre is back, then prints the receipt', async () => {
    const draft = await kioskPrints();
    const officer = newSession('officer');
    await call(officer, 'counter.openHandoff', { text: encodeHandoff(draft, ownKey()).text });
    expect(await refusal(officer, 'counter.submit', { draftId: draft.id })).toBe('COUNTER_ORIGINALS_UNCHECKED');
    const check = (needsSupplement: boolean) =>
      call<CounterDossier>(officer, 'counter.checkOriginals', {
        draftId: draft.id,
        attachments: [{ id: 'birthCertificate', seen: true, note: 'Số 123/BV' }, { id: 'marriageCertificate', seen: true, note: '' }],
        needsSupplement,
        supplementNote: needsSupplement ? 'Thiếu bản chính giấy chứng sinh' : '',
      });
    expect((await check(true)).review.needsSupplement).toBe(true);
    expect(await refusal(officer, 'counter.submit', { draftId: draft.id })).toBe('COUNTER_NEEDS_SUPPLEMENT');
    expect((await check(false)).review.attachments[0]).toEqual({ id: 'birthCertificate', seen: true, note: 'Số 123/BV' });

    await sim.close();
    const queued = await call<SubmissionView>(officer, 'counter.submit', { draftId: draft.id });
    expect(queued).toMatchObject({ state: 'queued', receiptCode: null, expectedResultDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // Queued: a provisional receipt with the local reference (counter-offline-receipt.test.ts has the rest).
    expect((await call<{ fileName: string }>(officer, 'print.receipt', { submissionId: queued.submissionId })).fileName).toBe(`giay-tiep-nhan-tam-thoi-${queued.reference}.pdf`);
    expect(await refusal(officer, 'counter.checkOriginals', { draftId: draft.id, attachments: [], needsSupplement: false, supplementNote: '' })).toBe('DRAFT_ALREADY_SUBMITTED');
    // Submitting again gives the same submission, not a second dossier.
    expect((await call<SubmissionView>(officer, 'counter.submit', { draftId: draft.id })).submissionId).toBe(queued.submissionId);

    sim = await running.restartCentral();
    let sent: SubmissionView = queued;
    for (let i = 0; i < 60 && sent.state !== 'sent'; i++) {
      await call(officer, 'sync.now', {});
      sent = await call<SubmissionView>(officer, 'counter.submission', { submissionId: queued.submissionId });
      if (sent.state !== 'sent') await new Promise((r) => setTimeout(r, 250));
    }
    expect(sent).toMatchObject({ state: 'sent', receiptCode: expect.stringMatching(/^MC-\d{6}-\d{7}$/), expectedResultDate: queued.expectedResultDate });
    const atCentre = sim.store
      .page(0, 100_000)
      .map((p) => JSON.parse(p.line) as { type: string; data?: { applicant?: { personalNumber: string }; procedureCode?: string } })
      .filter((c) => c.type === 'case' && c.data?.applicant?.personalNumber === MOTHER.personalNumber && c.data.procedureCode === '1.001193');
    expect(atCentre).toHaveLength(1);

    const receipt = await call<{ pdfBase64: string; fileName: string }>(officer, 'print.receipt', { submissionId: queued.submissionId });
    const file = join(tmp.dir, receipt.fileName);
    writeFileSync(file, Buffer.from(receipt.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', sent.receiptCode!, 'Nguyễn Văn An', MOTHER.personalNumber, 'Số 123/BV', 'Ngày hẹn trả kết quả']) {
      expect(text).toContain(expected);
    }
    // The official layout (Decree 118/2025): the receiving agency and the number top left, on the
    // national heading's line; the date written out; the person filing and the officer sign.
    const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n');
    expect(layout.find((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toMatch(/^\s*\S.*\s{4,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(layout.slice(0, 4).join('\n')).toContain(`Số: ${sent.receiptCode}`);
    expect(text).toMatch(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/);
    for (const signer of ['NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ']) expect(text).toContain(signer);
    // The QR a kiosk scans for the status is the receipt code itself.
    expect(scanPdfQr(file, { page: 1, dpi: 150 })).toBe(sent.receiptCode);

    // The case comes down the feed: found at the counter with and without accents, its status at a kiosk.
    await call(officer, 'sync.now', {});
    const code = sent.receiptCode!;
    for (const query of ['Nguyễn Văn An', 'nguyen van an', code.toLowerCase()]) {
      const { cases } = await call<{ cases: { receiptCode: string }[] }>(officer, 'cases.search', { query });
      expect(cases.map((c) => c.receiptCode)).toContain(code);
    }
    const detail = await call<{ timeline: { status: string }[]; applicant: { personalNumber: string } }>(officer, 'cases.get', { receiptCode: code });
    expect(detail.timeline.map((t) => t.status)).toEqual(['received']);
    expect(detail.applicant.personalNumber).toBe(MOTHER.personalNumber);

    const status = await call<PublicCaseStatus>(newSession('kiosk'), 'cases.status', { receiptCode: ` ${code.toLowerCase()} ` });
    expect(status).toMatchObject({ receiptCode: code, status: 'received', meaning: { vi: expect.any(String) }, nextStep: { en: expect.any(String) } });
    const shown = JSON.stringify(status);
    expect(shown).not.toContain(MOTHER.personalNumber);
    expect(shown).not.toContain('Nguyễn');
    expect(await refusal(newSession('kiosk'), 'cases.status', { receiptCode: code.slice(0, -1) })).toBe('CASE_NOT_FOUND');
    expect(await refusal(newSession('kiosk'), 'cases.get', { receiptCode: code })).toBe('FORBIDDEN');
  }, 90_000);
});

describe('due list', () => {
  it('lists the case reminders over the synced cases for an officer, not for a kiosk', async () => {
    await call(newSession('officer'), 'sync.now', {});
    const { entries } = await call<{ entries: { receiptCode: string; reminder: { ruleId: string } }[] }>(newSession('officer'), 'cases.dueList', {});
    expect(Array.isArray(entries)).toBe(true);
    expect(await refusal(newSession('kiosk'), 'cases.dueList', {})).toBe('FORBIDDEN');
  });
});
