/**
 * The citizen does not leave empty-handed while the centre is unreachable: a submission
 * still queued prints a provisional receipt with a local reference (QR too), which a kiosk and the
 * counter look up ("received, waiting to be sent", no personal data); once the centre acknowledges
 * it the official receipt prints and the reference resolves to the real case. And the kiosk's
 * status look-up is rate-limited per session (officers are not).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicCaseStatus, SubmissionView } from '../../electron/contract';
import { SettingsRepository } from '../../electron/db/settings-repository';
import { FAILED_LOOKUPS_KEY } from '../../electron/host/counter-host';
import type { Host } from '../../electron/host/create-host';
import { newSession, type Session } from '../../electron/host/session';
import { scanPdfQr } from '../support/scan-pdf-qr';
import type { CentralSim } from '../support/central-sim/server';
import { DEMO_MOTHER as MOTHER, hostCall, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { printedAndChecked } from '../support/counter-dossier';

let running: HostWithCentral;
let host: Host;
let sim: CentralSim;
let tmp: { dir: string };

beforeAll(async () => {
  running = await startHostWithCentral('offline-receipt');
  ({ host, sim } = running);
  tmp = { dir: running.dir };
});
afterAll(() => running.close());

const call = hostCall(() => host);
const refusal = (session: Session, channel: string, input: unknown) => call(session, channel, input).then(() => 'accepted', (e: { data: { code: string } }) => e.data.code);


function pdfText(name: string, pdfBase64: string): { text: string; qr: string | undefined } {
  const file = join(tmp.dir, name);
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return { text, qr: scanPdfQr(file, { page: 1, dpi: 150 }) ?? undefined };
}

const noPersonalData = (value: unknown) => {
  const shown = JSON.stringify(value);
  expect(shown).not.toContain(MOTHER.personalNumber);
  expect(shown).not.toContain('Nguyễn');
};

describe('provisional receipt while the centre is unreachable', () => {
  it('prints a provisional receipt, answers the reference at the kiosk, then the real receipt and case once sent', async () => {
    const officer = newSession('officer');
    const draftId = await printedAndChecked(running, officer);
    await sim.close();
    const queued = await call<SubmissionView>(officer, 'counter.submit', { draftId });
    expect(queued).toMatchObject({ state: 'queued', receiptCode: null, reference: expect.stringMatching(/^TN-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/) });
    const reference = queued.reference!;

    const provisional = await call<{ pdfBase64: string; fileName: string }>(officer, 'print.receipt', { submissionId: queued.submissionId });
    expect(provisional.fileName).toBe(`giay-tiep-nhan-tam-thoi-${reference}.pdf`);
    const printed = pdfText(provisional.fileName, provisional.pdfBase64);
    for (const expected of ['GIẤY TIẾP NHẬN HỒ SƠ (TẠM THỜI)', 'Provisional receipt', reference, 'Mã biên nhận chính thức', 'official receipt code follows', 'Ngày hẹn trả kết quả', 'Nguyễn Văn An']) {
      expect(printed.text).toContain(expected);
    }
    expect(printed.text).not.toContain('HẸN TRẢ KẾT QUẢ\n');
    expect(printed.qr).toBe(reference);

    // At a kiosk (typed in lower case too) and at the counter: received, waiting to be sent, nobody's data.
    const waiting = await call<PublicCaseStatus>(newSession('kiosk'), 'cases.status', { receiptCode: ` ${reference.toLowerCase()} ` });
    expect(waiting).toMatchObject({
      receiptCode: reference,
      reference,
      waitingToSend: true,
      status: 'received',
      meaning: { vi: 'Đã tiếp nhận, đang chờ gửi lên hệ thống.', en: 'Received, waiting to be sent to the central system.' },
      dueAt: queued.expectedResultDate,
    });
    noPersonalData(waiting);
    expect(await call<SubmissionView>(officer, 'counter.submission', { reference })).toMatchObject({ submissionId: queued.submissionId, state: 'queued', reference });
    // A reference of the same shape that no submission has, and one a digit short, are not found.
    const other = `TN-${reference.slice(3, 7) === '0000' ? '1111' : '0000'}${reference.slice(7)}`;
    expect(await refusal(newSession('kiosk'), 'cases.status', { receiptCode: other })).toBe('CASE_NOT_FOUND');
    expect(await refusal(newSession('kiosk'), 'cases.status', { receiptCode: reference.slice(0, -1) })).toBe('CASE_NOT_FOUND');
    expect(await refusal(officer, 'counter.submission', { reference: other })).toBe('SUBMISSION_NOT_FOUND');

    sim = await running.restartCentral();
    let sent: SubmissionView = queued;
    for (let i = 0; i < 60 && sent.state !== 'sent'; i++) {
      await call(officer, 'sync.now', {});
      sent = await call<SubmissionView>(officer, 'counter.submission', { submissionId: queued.submissionId });
      if (sent.state !== 'sent') await new Promise((r) => setTimeout(r, 250));
    }
    expect(sent).toMatchObject({ state: 'sent', receiptCode: expect.stringMatching(/^MC-\d{6}-\d{7}$/), reference });
    const code = sent.receiptCode!;

    const official = await call<{ pdfBase64: string; fileName: string }>(officer, 'print.receipt', { submissionId: queued.submissionId });
    expect(official.fileName).toBe(`bien-nhan-${code}.pdf`);
    const real = pdfText(official.fileName, official.pdfBase64);
    expect(real.text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(real.text).not.toContain('TẠM THỜI');
    expect(real.qr).toBe(code);

    // The case comes down the feed: the reference now answers with the real case.
    await call(officer, 'sync.now', {});
    const resolved = await call<PublicCaseStatus>(newSession('kiosk'), 'cases.status', { receiptCode: reference });
    expect(resolved).toMatchObject({ receiptCode: code, reference, status: 'received' });
    expect(resolved.waitingToSend).toBeUndefined();
    expect(resolved).toEqual({ ...(await call<PublicCaseStatus>(newSession('kiosk'), 'cases.status', { receiptCode: code })), reference });
    noPersonalData(resolved);
    expect(await call<SubmissionView>(officer, 'counter.submission', { reference })).toMatchObject({ state: 'sent', receiptCode: code });
  }, 90_000);
});

describe('kiosk status look-up limits', () => {
  it('a kiosk session gets ten look-ups a minute, then a calm LOOKUP_RATE_LIMITED; an officer is not limited', async () => {
    const failedBefore = Number(new SettingsRepository(host.db).get(FAILED_LOOKUPS_KEY) ?? '0');
    const auditBefore = (host.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const kiosk = newSession('kiosk');
    for (let i = 0; i < 10; i++) expect(await refusal(kiosk, 'cases.status', { receiptCode: `MC-000000-${String(i).padStart(7, '0')}` })).toBe('CASE_NOT_FOUND');
    const limited = await host.router.dispatch(kiosk, 'cases.status', { receiptCode: 'MC-000000-0000010' });
    expect(limited).toMatchObject({ ok: false, error: { code: 'LOOKUP_RATE_LIMITED', message: { vi: expect.stringContaining('đợi một phút'), en: expect.stringContaining('wait a minute') } } });
    expect(await refusal(newSession('kiosk'), 'cases.status', { receiptCode: 'MC-000000-0000011' })).toBe('CASE_NOT_FOUND');
    const officer = newSession('officer');
    for (let i = 0; i < 15; i++) expect(await refusal(officer, 'cases.status', { receiptCode: `MC-000001-${String(i).padStart(7, '0')}` })).toBe('CASE_NOT_FOUND');
    // The kiosks' eleven misses are counted (a number in the settings), none audited; the refusal and the officer's misses are not counted.
    expect(Number(new SettingsRepository(host.db).get(FAILED_LOOKUPS_KEY))).toBe(failedBefore + 11);
    expect((host.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
  });
});
