import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { admittedDate } from '../base/calendar-date';
import type { Comparison, ComparedOptionView, LocalizedText } from '../contract';
import { formatLongDate, formatVnd } from '../base/format';
import { embedFonts, savePdf, type DocumentFonts, type FontFiles } from './fonts';
import { drawText } from './page-text';
import { drawParagraphs, setParagraphs, wrapText, type Paragraph } from './text-flow';
import type { SubsetFont } from './subset-font';

const MM = 72 / 25.4;
const PAGE = { width: 297 * MM, height: 210 * MM };
const MARGIN = 14 * MM;
const COLUMN = PAGE.width - 2 * MARGIN;
const GREY = rgb(0.35, 0.35, 0.35);
const SHADE = rgb(0.9, 0.95, 0.9);
const SIZE = 8.5;
const LEADING = 1.25;
const PAD = 3;

/** The table's columns: heading (vi / en), share of the width, and the cell's lines. */
const COLUMNS: { head: LocalizedText; share: number; cell: (o: ComparedOptionView) => string[] }[] = [
  { head: { vi: 'Cách thực hiện', en: 'Option' }, share: 0.27, cell: (o) => [o.title.vi, o.title.en, o.authority.vi] },
  {
    head: { vi: 'Chi phí', en: 'Cost' },
    share: 0.14,
    cell: (o) => [formatVnd(o.totalCostVnd).vi, ...(o.extrasVnd > 0 ? [`gồm ${formatVnd(o.extrasVnd).vi} phụ phí`] : []), ...(o.exemption ? [o.exemption.vi] : [])],
  },
  { head: { vi: 'Thời gian', en: 'Time' }, share: 0.17, cell: (o) => [`${o.workingDays} ngày làm việc`, `có kết quả: ${formatLongDate(admittedDate(o.readyBy)).vi}`] },
  { head: { vi: 'Số lần đến', en: 'Visits' }, share: 0.08, cell: (o) => [String(o.visits)] },
  {
    head: { vi: 'Điều kiện', en: 'Conditions' },
    share: 0.2,
    cell: (o) => (o.eligible ? (o.prerequisites.length ? o.prerequisites.map((p) => p.vi) : ['Không']) : [`Không áp dụng: ${o.ineligibleReason?.vi ?? ''}`]),
  },
  {
    head: { vi: 'Đánh giá', en: 'Assessment' },
    share: 0.14,
    cell: (o) => [o.rank === 1 ? 'ĐỀ XUẤT' : o.dominated ? 'Có cách khác tốt hơn mọi mặt' : o.rank ? `Xếp thứ ${o.rank}` : '—', ...(o.example ? ['(số liệu ví dụ)'] : [])],
  },
];

interface Row {
  cells: string[][];
  height: number;
  shaded: boolean;
  font: SubsetFont;
}

function setRow(cells: string[][], font: SubsetFont, shaded: boolean): Row {
  const wrapped = cells.map((lines, i) => lines.flatMap((l) => wrapText(l, font, SIZE, COLUMNS[i]!.share * COLUMN - 2 * PAD)));
  const height = Math.max(...wrapped.map((l) => l.length)) * SIZE * LEADING + 2 * PAD;
  return { cells: wrapped, height, shaded, font };
}

function drawRow(page: PDFPage, row: Row, top: number): number {
  let x = MARGIN;
  if (row.shaded) page.drawRectangle({ x, y: top - row.height, width: COLUMN, height: row.height, color: SHADE });
  row.cells.forEach((lines, i) => {
    const width = COLUMNS[i]!.share * COLUMN;
    page.drawRectangle({ x, y: top - row.height, width, height: row.height, borderColor: GREY, borderWidth: 0.5 });
    lines.forEach((line, k) => drawText(page, line, { x: x + PAD, y: top - PAD - (k + 1) * SIZE * LEADING + SIZE * 0.3, size: SIZE, font: row.font }));
    x += width;
  });
  return top - row.height;
}

function drawBlock(page: PDFPage, paragraphs: Paragraph[], top: number): number {
  return drawParagraphs(page, setParagraphs(paragraphs, COLUMN), MARGIN, top, COLUMN);
}

/**
 * The comparison sheet (A4 landscape): "Thông tin tham khảo" under the centre's name — advice,
 * not a state document, so no national heading — then the outcome, every option in one table
 * (the recommended one shaded), the recommendation and why, and the day it was computed, so the
 * citizen can take it home and the counter can see what was advised.
 */
export async function renderComparisonSheet(data: Comparison, centre: { name: LocalizedText } | null, fonts: FontFiles): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const embedded: DocumentFonts = embedFonts(doc, fonts);
  const { regular, bold } = embedded;
  doc.setTitle(`So sánh cách thực hiện: ${data.outcome.title.vi}`);
  doc.setProducer('MotCua');
  doc.setCreator('MotCua');

  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = drawBlock(page, [
    ...(centre ? [{ text: centre.name.vi.toLocaleUpperCase('vi'), font: bold, size: 10.5 }, { text: centre.name.en, font: regular, size: 8, color: GREY, spaceAfter: 4 }] : []),
    { text: 'THÔNG TIN THAM KHẢO', font: bold, size: 10.5, align: 'center' as const },
    { text: 'For your information', font: regular, size: 8, color: GREY, align: 'center' as const, spaceAfter: 4 },
    { text: 'SO SÁNH CÁC CÁCH THỰC HIỆN THỦ TỤC', font: bold, size: 13, align: 'center' },
    { text: 'Comparison of the ways to complete the procedure', font: regular, size: 9, color: GREY, align: 'center', spaceAfter: 4 },
    { text: `${data.outcome.title.vi} / ${data.outcome.title.en}`, font: bold, size: 11, align: 'center', spaceAfter: 6 },
  ], PAGE.height - MARGIN);

  const head = setRow(COLUMNS.map((c) => [c.head.vi, c.head.en]), bold, false);
  y = drawRow(page, head, y);
  for (const option of data.options) {
    const row = setRow(COLUMNS.map((c) => c.cell(option)), option.rank === 1 ? bold : regular, option.id === data.recommended);
    if (y - row.height < MARGIN + 20) {
      page = doc.addPage([PAGE.width, PAGE.height]);
      y = drawRow(page, head, PAGE.height - MARGIN);
    }
    y = drawRow(page, row, y);
  }

  const closing: Paragraph[] = [
    { text: 'Đề xuất / Recommendation', font: bold, size: 10.5 },
    { text: data.explanation.vi, font: regular, size: 10 },
    { text: data.explanation.en, font: regular, size: 9, color: GREY, spaceAfter: 6 },
    {
      text: `Tính ngày ${formatLongDate(admittedDate(data.today)).vi}. Computed on ${formatLongDate(admittedDate(data.today)).en}.`,
      font: regular,
      size: 8,
      color: GREY,
    },
    {
      text: 'Thời gian tính theo ngày làm việc (thứ Hai đến thứ Sáu), trừ ngày nghỉ lễ, Tết; sáng thứ Bảy không được tính. / Times are in working days, Monday to Friday, without public holidays; Saturday mornings do not count.',
      font: regular,
      size: 8,
      color: GREY,
    },
  ];
  const closingHeight = setParagraphs(closing, COLUMN).reduce((h, p) => h + p.height, 0);
  if (y - 8 - closingHeight < MARGIN) {
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN + 8;
  }
  drawBlock(page, closing, y - 8);
  return { pdf: await savePdf(doc, embedded), pages: doc.getPageCount() };
}
