import { PDFDocument, rgb } from 'pdf-lib';
import { dayAndDateInWords, spokenDate, type LocalizedText } from '../contract';
import type { IsoDate } from '../base/calendar-date';
import { embedFonts, savePdf, type FontFiles } from './fonts';
import { drawOfficialHeader } from './official-header';
import { qrCode } from './qr';
import { drawParagraphs, setParagraphs, type Paragraph } from './text-flow';

/** What the receipt prints. */
export interface ReceiptData {
  /** The central receipt code; for a provisional receipt, the local reference (TN-…). */
  receiptCode: string;
  /** Not yet acknowledged by the centre: a provisional receipt carrying the local reference. */
  provisional?: boolean;
  applicant: { personalNumber: string; fullName: string };
  procedure: { code: string; name: LocalizedText | null };
  formTitle: LocalizedText;
  receivedAt: IsoDate;
  expectedResultDate: IsoDate | null;
  centre: { name: LocalizedText; address: string } | null;
  attachments: { label: LocalizedText; seen: boolean; note: string }[];
}

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { left: 25 * MM, right: 15 * MM, top: 15 * MM };
const COLUMN = PAGE.width - MARGIN.left - MARGIN.right;
const GREY = rgb(0.35, 0.35, 0.35);
const QR_SIDE = 32 * MM;

/**
 * The receipt and appointment slip (giấy tiếp nhận hồ sơ và hẹn trả kết quả, under Nghị định
 * 118/2025/NĐ-CP) on A4 in the official layout: the receiving centre and the number top left, the
 * national heading and the date top right; then the receipt code as text and as a QR code that a
 * kiosk scans for the status, the applicant, the procedure, the dates and the originals seen.
 */
export async function renderReceiptPdf(data: ReceiptData, files: FontFiles): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const fonts = embedFonts(doc, files);
  const { regular, bold } = fonts;
  doc.setTitle(data.provisional ? `Giấy tiếp nhận hồ sơ (tạm thời) ${data.receiptCode}` : `Giấy tiếp nhận hồ sơ ${data.receiptCode}`);
  doc.setProducer('MotCua');
  doc.setCreator('MotCua');
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const text = (paragraphs: Paragraph[], top: number, width = COLUMN) => drawParagraphs(page, setParagraphs(paragraphs, width), MARGIN.left, top, width);

  const header = { agency: data.centre?.name.vi ?? 'Bộ phận Một cửa', number: data.receiptCode, place: '', date: data.receivedAt };
  let y = drawOfficialHeader(page, fonts, { left: MARGIN.left, width: COLUMN, top: PAGE.height - MARGIN.top }, header) - 10;
  y = text(data.provisional ? [
    { text: 'GIẤY TIẾP NHẬN HỒ SƠ (TẠM THỜI)', font: bold, size: 13, align: 'center' },
    { text: 'Provisional receipt of the dossier', font: regular, size: 9, color: GREY, align: 'center', spaceAfter: 2 },
    { text: `Số tham chiếu tạm / Provisional reference: ${data.receiptCode}`, font: bold, size: 12, align: 'center', spaceAfter: 2 },
    { text: 'Mã biên nhận chính thức sẽ được cấp khi hệ thống trung tâm xác nhận hồ sơ; số tham chiếu này vẫn tra cứu được tại kiosk.', font: regular, size: 9.5, align: 'center' },
    { text: 'The official receipt code follows once the central system has the dossier; this reference can still be looked up at a kiosk.', font: regular, size: 8, color: GREY, align: 'center', spaceAfter: 6 },
  ] : [
    { text: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', font: bold, size: 13, align: 'center' },
    { text: 'Receipt of the dossier and appointment for the result', font: regular, size: 9, color: GREY, align: 'center', spaceAfter: 2 },
    { text: `Mã hồ sơ / Receipt code: ${data.receiptCode}`, font: bold, size: 12, align: 'center', spaceAfter: 6 },
  ], y);

  const side = QR_SIDE;
  const qrBottom = y - side;
  const qr = qrCode(data.receiptCode);
  qr.draw(page, { x: PAGE.width - MARGIN.right - side, y: qrBottom, moduleSize: side / qr.widthInModules });
  const line = (vi: string, en: string, value: string): Paragraph[] => [
    { text: `${vi}: ${value}`, font: regular, size: 10.5 },
    { text: en, font: regular, size: 7.5, color: GREY, spaceAfter: 3 },
  ];
  const procedure = data.procedure.name ? `${data.procedure.name.vi} (${data.procedure.code})` : data.procedure.code;
  const centre = data.centre ? `${data.centre.name.vi}, ${data.centre.address}` : '—';
  y = text([
    ...line('Tiếp nhận hồ sơ của', 'Applicant', data.applicant.fullName),
    ...line('Số định danh cá nhân', 'Personal identification number', data.applicant.personalNumber),
    ...line('Thủ tục', 'Procedure', procedure),
    ...line('Tờ khai', 'Form', data.formTitle.vi),
    ...line('Nơi tiếp nhận', 'Received at', centre),
    ...line('Ngày tiếp nhận', 'Received on', spokenDate(data.receivedAt).vi),
    ...line('Ngày hẹn trả kết quả', 'Expected result date (working days, Monday to Friday)', data.expectedResultDate ? dayAndDateInWords(data.expectedResultDate).vi : 'Theo thông báo của cơ quan giải quyết'),
  ], y, COLUMN - side - 4 * MM);

  y = text([{ text: 'Giấy tờ đã kiểm tra bản chính / Originals checked', font: bold, size: 10.5, spaceAfter: 2 }], Math.min(y, qrBottom) - 6);
  y = text(
    data.attachments.map((a, i) => ({
      text: `${i + 1}. [${a.seen ? 'x' : ' '}] ${a.label.vi}${a.note ? ` — ${a.note}` : ''}`,
      font: regular,
      size: 10,
      spaceAfter: 2,
    })),
    y,
  );
  y = text([
    {
      text: 'Khi đến nhận kết quả, Ông/Bà vui lòng mang theo giấy này và thẻ căn cước. Ông/Bà có thể tra cứu tình trạng hồ sơ bằng cách quét mã QR tại kiosk của trung tâm.',
      font: regular,
      size: 9.5,
    },
    { text: 'Bring this slip and your ID card to collect the result. Scan the QR code at a kiosk of the centre to see the status.', font: regular, size: 8, color: GREY },
  ], y - 10);
  // Who signs: the person filing and the officer receiving, each over a space for the signature.
  const half = COLUMN / 2;
  const signer = (title: string, en: string, x: number) =>
    drawParagraphs(page, setParagraphs([
      { text: title, font: bold, size: 10.5, align: 'center' },
      { text: '(Ký, ghi rõ họ tên)', font: regular, size: 9, align: 'center' },
      { text: en, font: regular, size: 7.5, color: GREY, align: 'center' },
    ], half), x, y - 14, half);
  signer('NGƯỜI NỘP HỒ SƠ', 'Person filing (signature and name)', MARGIN.left);
  signer('NGƯỜI TIẾP NHẬN HỒ SƠ', 'Receiving officer (signature and name)', MARGIN.left + half);
  return { pdf: await savePdf(doc, fonts), pages: doc.getPageCount() };
}
