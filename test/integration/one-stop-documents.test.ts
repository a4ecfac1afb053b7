import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFontFiles } from '../../electron/print/fonts';
import { renderOneStopDocument, type DossierRef, type OneStopDocument } from '../../electron/print/one-stop-documents';
import { isoDate } from '../../electron/base/calendar-date';

// The one-stop documents as a counter prints them, read back with pdftotext as an officer would.
const fonts = readFontFiles(join(__dirname, '..', '..', 'resources', 'fonts'));
const dir = mkdtempSync(join(tmpdir(), 'motcua-onestop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ref: DossierRef = {
  agency: 'Trung tâm Phục vụ hành chính công phường Sài Gòn',
  number: 'MC-261207-0000042/BS',
  date: isoDate('2026-12-07'),
  receiptCode: 'MC-261207-0000042',
  applicant: { fullName: 'Nguyễn Thị Hồng Nhung' },
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  officer: 'Lê Văn Bình',
};

async function read(d: OneStopDocument): Promise<{ text: string; layout: string[]; pages: number }> {
  const { pdf, pages } = await renderOneStopDocument(d, fonts);
  const file = join(dir, `${d.kind}.pdf`);
  writeFileSync(file, pdf);
  return {
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
    layout: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n'),
    pages,
  };
}

describe('the one-stop documents (Decree 118/2025)', () => {
  it.each<[string, OneStopDocument, string[]]>([
    ['the request to supplement', { kind: 'supplement', ref, items: [{ document: 'Giấy chứng sinh', reason: 'bản chụp không rõ số' }] }, ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', '1. Giấy chứng sinh: bản chụp không rõ số']],
    ['the refusal to receive', { kind: 'refusal', ref, reasons: ['Thủ tục không thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường.'] }, ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'không thuộc thẩm quyền']],
    ['the apology with a new return date', { kind: 'apology', ref, promisedDate: isoDate('2026-12-10'), newDate: isoDate('2026-12-15'), reason: 'cần xác minh thêm' }, ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'ngày 10 tháng 12 năm 2026', 'hẹn trả kết quả vào ngày 15 tháng 12 năm 2026', 'thành thật xin lỗi Ông/Bà']],
    ['the dossier control sheet', { kind: 'control', ref, receivedAt: '9 giờ 30, ngày 7 tháng 12 năm 2026', dueDate: isoDate('2026-12-10'), steps: [{ from: 'Bộ phận Một cửa', to: 'Công chức tư pháp - hộ tịch', at: '07/12/2026 10:00', result: 'Đúng hạn' }] }, ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Bên giao', 'Công chức tư pháp - hộ tịch']],
  ])('%s: one page in the official layout, with its own words', async (_, doc, words) => {
    const { text, layout, pages } = await read(doc);
    expect(pages).toBe(1);
    // The issuing centre and the number top left, on the national heading's lines; the date written out.
    expect(layout.find((l) => l.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toMatch(/^\s*TRUNG TÂM PHỤC VỤ HÀNH\s{4,}CỘNG HÒA/);
    expect(text).toContain(`Số: ${ref.number}`);
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('ngày 7 tháng 12 năm 2026');
    expect(text).toContain(ref.officer);
    for (const w of words) expect(text).toContain(w);
    if (doc.kind !== 'control') expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hồng Nhung');
    expect(text).not.toMatch(/\bbạn\b/);
  });
});
