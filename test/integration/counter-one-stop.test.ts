/**
 * The one-stop documents a counter prints besides the receipt (Decree 118/2025), from a kiosk
 * dossier received at the counter, through the host router on a real SQLite file and the real
 * central simulator; each PDF read back with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionView } from '../../electron/contract';
import { newSession, type Session } from '../../electron/host/session';
import { encodeHandoff } from '../../electron/security/device-signing';
import { hostCall, hostDeviceKey, startHostWithCentral, type HostWithCentral } from '../support/host-with-central';
import { kioskPrintsDossier } from '../support/kiosk-prints';

let running: HostWithCentral;
beforeAll(async () => {
  running = await startHostWithCentral('counter');
});
afterAll(() => running.close());
const call = hostCall(() => running.host);
const refusal = (session: Session, input: unknown) => call(session, 'print.oneStop', input).then(() => 'printed', (e: { data: { code: string } }) => e.data.code);

/** The document's text as pdftotext reads it, lines joined. */
const printed = async (session: Session, input: unknown) => {
  const doc = await call<{ pdfBase64: string; fileName: string; applicant: { fullName: string } }>(session, 'print.oneStop', input);
  const file = join(running.dir, doc.fileName);
  writeFileSync(file, Buffer.from(doc.pdfBase64, 'base64'));
  return { fileName: doc.fileName, text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
};

/** An officer with a kiosk's birth registration opened at the counter, its originals not yet seen. */
const officerWithDossier = async () => {
  const { draft } = await kioskPrintsDossier(call, {});
  const officer: Session = { ...newSession('officer'), account: 'canbo', displayName: 'Trần Thị Mai' };
  await call(officer, 'counter.openHandoff', { text: encodeHandoff(draft, hostDeviceKey(running)).text });
  return { officer, draftId: draft.id };
};

describe('one-stop documents at the counter', () => {
  it('asks for what the originals check found missing, and refuses with the reasons the officer gives, both before the dossier is received', async () => {
    const { officer, draftId } = await officerWithDossier();
    expect(await refusal(officer, { kind: 'supplement', draftId })).toBe('printed');
    await call(officer, 'counter.checkOriginals', { draftId, attachments: [{ id: 'birthCertificate', seen: true, note: '' }], needsSupplement: true, supplementNote: '' });
    expect(await refusal(officer, { kind: 'supplement', draftId })).toBe('ONE_STOP_NOTHING_TO_SUPPLEMENT');
    await call(officer, 'counter.checkOriginals', { draftId, attachments: [], needsSupplement: true, supplementNote: 'Bản sao giấy chứng nhận kết hôn của cha, mẹ' });

    const supplement = await printed(officer, { kind: 'supplement', draftId });
    expect(supplement.fileName).toMatch(/^phieu-yeu-cau-bo-sung-HS-[0-9A-F]{8}\.pdf$/);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Kính gửi: Ông/Bà Nguyễn Văn An', 'thủ tục Đăng ký khai sinh (mã 1.001193)', 'Giấy chứng sinh', 'chưa có bản chính để đối chiếu', 'Bản sao giấy chứng nhận kết hôn của cha, mẹ', 'CÁN BỘ TIẾP NHẬN', 'Trần Thị Mai']) {
      expect(supplement.text).toContain(expected);
    }

    const refused = await printed(officer, { kind: 'refusal', draftId, reasons: ['Thủ tục không thuộc thẩm quyền tiếp nhận của Trung tâm'] });
    for (const expected of ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Kính gửi: Ông/Bà Nguyễn Văn An', '1. Thủ tục không thuộc thẩm quyền tiếp nhận của Trung tâm', 'Trần Thị Mai']) {
      expect(refused.text).toContain(expected);
    }
    // Not received yet: nothing was promised, so there is nothing to apologise for or to follow.
    expect(await refusal(officer, { kind: 'apology', draftId, newDate: '2030-01-02', reason: 'x' })).toBe('ONE_STOP_NOT_RECEIVED');
    expect(await refusal(officer, { kind: 'control', draftId })).toBe('ONE_STOP_NOT_RECEIVED');
    // Another officer's session does not hold this dossier.
    expect(await refusal(newSession('officer'), { kind: 'refusal', draftId, reasons: ['x'] })).toBe('DRAFT_NOT_FOUND');
  });

  it('once received and sent: the apology with a later return date and the control sheet carry the receipt code; no more refusal', async () => {
    const { officer, draftId } = await officerWithDossier();
    await call(officer, 'counter.checkOriginals', { draftId, attachments: [{ id: 'birthCertificate', seen: true, note: '' }], needsSupplement: false, supplementNote: '' });
    const sent = await call<SubmissionView>(officer, 'counter.submit', { draftId });
    expect(sent.state).toBe('sent');
    const code = sent.receiptCode!;
    expect(await refusal(officer, { kind: 'refusal', draftId, reasons: ['x'] })).toBe('ONE_STOP_ALREADY_RECEIVED');
    // Birth registration is same-day: the new date must come after the one promised.
    expect(await refusal(officer, { kind: 'apology', draftId, newDate: sent.expectedResultDate!, reason: 'x' })).toBe('ONE_STOP_DATE_NOT_LATER');

    const apology = await printed(officer, { kind: 'apology', draftId, newDate: '2030-01-02', reason: 'cần xác minh thêm nơi cư trú của người mẹ' });
    for (const expected of ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', `Hồ sơ số ${code}`, 'Kính gửi: Ông/Bà Nguyễn Văn An', 'cần xác minh thêm nơi cư trú của người mẹ', 'ngày 2 tháng 1 năm 2030', 'THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT']) {
      expect(apology.text).toContain(expected);
    }
    const control = await printed(officer, { kind: 'control', draftId });
    expect(control.fileName).toBe(`phieu-kiem-soat-${code}.pdf`);
    for (const expected of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Hồ sơ số ${code}`, 'Bên giao', 'Bên nhận', 'Bộ phận Một cửa (Trần Thị Mai)', 'Đã chuyển, mã', 'NGƯỜI TIẾP NHẬN HỒ SƠ']) {
      expect(control.text).toContain(expected);
    }
  });
});
