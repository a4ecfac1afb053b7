import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { dateInWords } from '../contract';
import type { IsoDate } from '../base/calendar-date';
import { embedFonts, savePdf, type DocumentFonts, type FontFiles } from './fonts';
import { drawOfficialHeader } from './official-header';
import { drawParagraphs, setParagraphs, type Paragraph } from './text-flow';

/** What every one-stop document names: who issues it, its number and day, whose dossier, which procedure. */
export interface DossierRef {
  /** The receiving centre, as it signs. */
  agency: string;
  /** The document's number. */
  number: string;
  date: IsoDate;
  receiptCode: string;
  applicant: { fullName: string };
  procedure: { code: string; name: string };
  /** The officer who signs for the centre. */
  officer: string;
}

/**
 * The documents of the one-stop mechanism a counter prints besides the receipt (Nghị định
 * 118/2025/NĐ-CP): asking for a dossier to be supplemented, refusing to receive one, apologising
 * with a new return date, and the sheet that follows the dossier from desk to desk.
 */
export type OneStopDocument =
  | { kind: 'supplement'; ref: DossierRef; items: { document: string; reason: string }[] }
  | { kind: 'refusal'; ref: DossierRef; reasons: string[] }
  | { kind: 'apology'; ref: DossierRef; promisedDate: IsoDate; newDate: IsoDate; reason: string }
  | { kind: 'control'; ref: DossierRef; receivedAt: string; dueDate: IsoDate; steps: { from: string; to: string; at: string; result: string }[] };

const TITLES: Record<OneStopDocument['kind'], string> = {
  supplement: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  refusal: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  apology: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
  control: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
};

/** Who signs for the centre: the officer who received the dossier; the head of the agency apologises. */
const SIGNERS: Record<OneStopDocument['kind'], string> = {
  supplement: 'CÁN BỘ TIẾP NHẬN',
  refusal: 'CÁN BỘ TIẾP NHẬN',
  apology: 'THỦ TRƯỞNG CƠ QUAN GIẢI QUYẾT',
  control: 'NGƯỜI TIẾP NHẬN HỒ SƠ',
};

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { left: 25 * MM, right: 15 * MM, top: 15 * MM };
const COLUMN = PAGE.width - MARGIN.left - MARGIN.right;
const BLACK = rgb(0, 0, 0);

/** The words of each document, addressed to the citizen as "Ông/Bà". */
function body(d: OneStopDocument, fonts: DocumentFonts): Paragraph[] {
  const p = (text: string, spaceAfter = 4): Paragraph => ({ text, font: fonts.regular, size: 11, spaceAfter });
  const about = p(`Hồ sơ số ${d.ref.receiptCode}, thủ tục ${d.ref.procedure.name} (mã ${d.ref.procedure.code}).`);
  switch (d.kind) {
    case 'supplement':
      return [
        about,
        p('Sau khi xem xét, hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện các nội dung sau:'),
        ...d.items.map((item, i) => p(`${i + 1}. ${item.document}: ${item.reason}`, 2)),
        p('Ông/Bà vui lòng bổ sung đủ một lần để hồ sơ được tiếp tục giải quyết. Xin cảm ơn Ông/Bà.', 6),
      ];
    case 'refusal':
      return [about, p('Bộ phận Một cửa không tiếp nhận hồ sơ của Ông/Bà vì các lý do sau:'), ...d.reasons.map((r, i) => p(`${i + 1}. ${r}`, 2)), p('Xin thông báo để Ông/Bà biết.', 6)];
    case 'apology':
      return [
        about,
        p(`Theo giấy tiếp nhận, kết quả được hẹn trả vào ${dateInWords(d.promisedDate).vi}. Vì ${d.reason}, cơ quan chưa trả kết quả đúng hẹn.`),
        p(`Chúng tôi thành thật xin lỗi Ông/Bà và hẹn trả kết quả vào ${dateInWords(d.newDate).vi}.`, 6),
      ];
    case 'control':
      return [about, p(`Nhận hồ sơ lúc ${d.receivedAt}; hẹn trả kết quả ${dateInWords(d.dueDate).vi}.`, 6)];
  }
}

/** The control sheet's table: who handed the dossier to whom, when, and the result. */
function drawSteps(page: PDFPage, fonts: DocumentFonts, steps: Extract<OneStopDocument, { kind: 'control' }>['steps'], top: number): number {
  const shares = [0.3, 0.3, 0.17, 0.23];
  const heads = ['Bên giao', 'Bên nhận', 'Thời gian', 'Kết quả'];
  let y = top;
  for (const cells of [heads, ...steps.map((s) => [s.from, s.to, s.at, s.result])]) {
    const font = cells === heads ? fonts.bold : fonts.regular;
    const set = cells.map((c, i) => setParagraphs([{ text: c, font, size: 9.5 }], COLUMN * shares[i]! - 6));
    const height = Math.max(...set.map((s) => s.reduce((h, p) => h + p.height, 0))) + 6;
    let x = MARGIN.left;
    set.forEach((s, i) => {
      const w = COLUMN * shares[i]!;
      page.drawRectangle({ x, y: y - height, width: w, height, borderColor: BLACK, borderWidth: 0.5 });
      drawParagraphs(page, s, x + 3, y - 2, w - 6);
      x += w;
    });
    y -= height;
  }
  return y;
}

/** Renders one document on A4 in the official layout, with the signature block of who signs for the centre. */
export async function renderOneStopDocument(d: OneStopDocument, files: FontFiles): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const fonts = embedFonts(doc, files);
  doc.setTitle(`${TITLES[d.kind]} ${d.ref.receiptCode}`);
  doc.setProducer('MotCua');
  doc.setCreator('MotCua');
  const page = doc.addPage([PAGE.width, PAGE.height]);
  const text = (paragraphs: Paragraph[], top: number) => drawParagraphs(page, setParagraphs(paragraphs, COLUMN), MARGIN.left, top, COLUMN);
  let y = drawOfficialHeader(page, fonts, { left: MARGIN.left, width: COLUMN, top: PAGE.height - MARGIN.top }, { agency: d.ref.agency, number: d.ref.number, place: '', date: d.ref.date }) - 12;
  y = text([{ text: TITLES[d.kind], font: fonts.bold, size: 13, align: 'center', spaceAfter: 8 }], y);
  if (d.kind !== 'control') y = text([{ text: `Kính gửi: Ông/Bà ${d.ref.applicant.fullName}`, font: fonts.bold, size: 11, spaceAfter: 6 }], y);
  y = text(body(d, fonts), y);
  if (d.kind === 'control') y = drawSteps(page, fonts, d.steps, y - 4);
  const half = COLUMN / 2;
  drawParagraphs(
    page,
    setParagraphs(
      [
        { text: SIGNERS[d.kind], font: fonts.bold, size: 10.5, align: 'center' },
        { text: '(Ký, ghi rõ họ tên)', font: fonts.regular, size: 9, align: 'center', spaceAfter: 36 },
        { text: d.ref.officer, font: fonts.bold, size: 10.5, align: 'center' },
      ],
      half,
    ),
    MARGIN.left + half,
    y - 16,
    half,
  );
  return { pdf: await savePdf(doc, fonts), pages: doc.getPageCount() };
}
