import { PDFDocument } from 'pdf-lib';
import { embedFonts, savePdf, type FontFiles } from './fonts';
import type { DocumentKind } from './print-settings';
import { drawParagraphs, setParagraphs, totalHeight, type Paragraph } from './text-flow';

const MM = 72 / 25.4;
/** A4 for dossiers; the roll's width, as tall as the text, for slips. */
const PAPER: Record<DocumentKind, { width: number; height: number | null; margin: number }> = {
  'dossier-a4': { width: 210 * MM, height: 297 * MM, margin: 18 * MM },
  'slip-80mm': { width: 80 * MM, height: null, margin: 4 * MM },
};

/**
 * The technician's test page for a printer and a document kind: the paper it is set up for and
 * every Vietnamese diacritic, so a wrong driver, paper size or font shows at once.
 */
export async function renderTestPage(fonts: FontFiles, kind: DocumentKind, printer: string, at: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const embedded = embedFonts(doc, fonts);
  const { regular, bold } = embedded;
  doc.setTitle('Trang in thử / Test page');
  doc.setCreator('MotCua');
  const paragraphs: Paragraph[] = [
    { text: 'TRANG IN THỬ', font: bold, size: 14, align: 'center' },
    { text: 'TEST PAGE', font: regular, size: 10, align: 'center', spaceAfter: 8 },
    { text: `Máy in / Printer: ${printer}`, font: regular, size: 9 },
    { text: `Loại giấy tờ / Document kind: ${kind}`, font: regular, size: 9 },
    { text: `Thời gian / Time: ${at.toISOString()}`, font: regular, size: 9, spaceAfter: 8 },
    { text: 'Tiếng Việt: à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị', font: regular, size: 9 },
    { text: 'ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ Đ Ư Ơ', font: bold, size: 9 },
  ];
  const paper = PAPER[kind];
  const column = paper.width - 2 * paper.margin;
  const set = setParagraphs(paragraphs, column);
  const height = paper.height ?? totalHeight(set) + 2 * paper.margin;
  drawParagraphs(doc.addPage([paper.width, height]), set, paper.margin, height - paper.margin, column);
  return savePdf(doc, embedded);
}
