import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import {
  FIELD_SOURCES,
  PROVENANCE,
  templateFields,
  type DossierDraft,
  type DraftField,
  type FieldSource,
  type FormField,
  type FormTemplate,
} from '../contract';
import { admittedDate, formatVietnameseDate, type IsoDate } from '../base/calendar-date';
import { embedFonts, savePdf, type DocumentFonts, type FontFiles } from './fonts';
import { drawNationalHeading } from './national-heading';
import { drawText } from './page-text';
import { qrCode } from './qr';
import { wrapText } from './text-flow';
import type { SubsetFont } from './subset-font';

/** A4 with the margins of administrative documents (Nghị định 30/2020/NĐ-CP): 25 mm left, 15 mm right. */
const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { left: 25 * MM, right: 15 * MM, top: 15 * MM, bottom: 18 * MM };
const COLUMN = PAGE.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 68 * MM;
const VALUE_LEFT = MARGIN.left + LABEL_WIDTH + 3 * MM;
const VALUE_WIDTH = PAGE.width - MARGIN.right - VALUE_LEFT;
/** 0.6 mm modules: 3.5 pixels each in a 150 dpi scan, which reads reliably (0.5 mm did not). */
const QR_MODULE = 0.6 * MM;
const GREY = rgb(0.35, 0.35, 0.35);
const BLACK = rgb(0, 0, 0);
const TEXT = 10.5;
const SMALL = 7.5;
const LEADING = 1.3;

export interface DossierPdfInput {
  template: FormTemplate;
  draft: DossierDraft;
  /** The signed `MOTCUA1:` text (security/device-signing.ts encodeHandoff) the QR carries. */
  handoff: string;
  fonts: FontFiles;
  /** The day the citizen signs, and where ("Hà Nội"): the date line above the signature. */
  date: IsoDate;
  place?: string;
}

/** Where the next line goes; a new page when the next block does not fit. */
class PageFlow {
  page: PDFPage;
  y: number;
  constructor(private readonly doc: PDFDocument) {
    this.page = this.addPage();
    this.y = PAGE.height - MARGIN.top;
  }
  private addPage(): PDFPage {
    return this.doc.addPage([PAGE.width, PAGE.height]);
  }
  ensure(height: number): void {
    if (this.y - height >= MARGIN.bottom + 10) return;
    this.page = this.addPage();
    this.y = PAGE.height - MARGIN.top;
  }
  text(text: string, x: number, size: number, font: SubsetFont, color = BLACK): void {
    drawText(this.page, text, { x, y: this.y, size, font, color });
  }
}

/** The value as written on the paper form: a date as dd/mm/yyyy, an option by its Vietnamese label. */
function displayValue(field: FormField, value: DraftField['value']): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (field.type === 'date') return formatVietnameseDate(admittedDate(value));
  if (field.type === 'select') return field.options?.find((o) => o.value === value)?.label.vi ?? value;
  return value;
}

const lineHeight = (size: number) => size * LEADING;

/** Text wrapped and centred in a column from `top` down; returns the y below it. */
function drawCentred(page: PDFPage, text: string, style: { size: number; font: SubsetFont; color: RGB }, column: { left: number; width: number }, top: number): number {
  let y = top;
  for (const line of wrapText(text, style.font, style.size, column.width)) {
    y -= lineHeight(style.size);
    drawText(page, line, { ...style, x: column.left + (column.width - style.font.widthOfTextAtSize(line, style.size)) / 2, y });
  }
  return y;
}

function drawHeader(flow: PageFlow, fonts: DocumentFonts, input: DossierPdfInput): void {
  const { template, draft } = input;
  const formNumber = template.formNumber;
  drawText(flow.page, formNumber, {
    x: PAGE.width - MARGIN.right - fonts.regular.widthOfTextAtSize(formNumber, 8),
    y: PAGE.height - MARGIN.top + 12,
    size: 8,
    font: fonts.regular,
    color: GREY,
  });
  flow.y = drawNationalHeading(flow.page, fonts, { left: MARGIN.left, width: COLUMN, top: flow.y }) - 14;
  const column = { left: MARGIN.left, width: COLUMN };
  flow.y = drawCentred(flow.page, template.title.vi, { size: 14, font: fonts.bold, color: BLACK }, column, flow.y);
  flow.y = drawCentred(flow.page, template.title.en, { size: 9, font: fonts.regular, color: GREY }, column, flow.y);
  const reference = `Mã thủ tục / Procedure: ${template.procedureCode} · Mã hồ sơ / Dossier: ${draft.id}`;
  flow.y = drawCentred(flow.page, reference, { size: SMALL, font: fonts.regular, color: GREY }, column, flow.y) - 8;
}

const SECTION_TITLE_HEIGHT = lineHeight(11) + 7;

/** A section title never ends a page: it stays with the first `keepWith` points of its content. */
function drawSectionTitle(flow: PageFlow, fonts: DocumentFonts, index: number, title: { vi: string; en: string }, keepWith: number): void {
  flow.ensure(SECTION_TITLE_HEIGHT + keepWith);
  flow.y -= lineHeight(11) + 4;
  const vi = `${index}. ${title.vi.toUpperCase()}`;
  flow.text(vi, MARGIN.left, 11, fonts.bold);
  flow.text(` / ${title.en}`, MARGIN.left + fonts.bold.widthOfTextAtSize(vi, 11), 8, fonts.regular, GREY);
  flow.y -= 3;
}

/** One field row set to the label and value columns, before it is drawn. */
interface SetField {
  labelLines: string[];
  enLines: string[];
  valueLines: string[];
  mark: string;
  height: number;
}

function setField(fonts: DocumentFonts, field: FormField, entry: DraftField | undefined): SetField {
  const labelLines = wrapText(`${field.label.vi}:`, fonts.regular, TEXT, LABEL_WIDTH);
  const enLines = wrapText(field.label.en, fonts.regular, SMALL, LABEL_WIDTH);
  const value = displayValue(field, entry?.value ?? null);
  const mark = entry?.source ? ` [${PROVENANCE[entry.source].mark}]` : '';
  const valueLines = value ? wrapText(value, fonts.bold, TEXT, VALUE_WIDTH - fonts.regular.widthOfTextAtSize(mark, SMALL)) : [];
  const labelHeight = labelLines.length * lineHeight(TEXT) + enLines.length * lineHeight(SMALL);
  return { labelLines, enLines, valueLines, mark, height: Math.max(labelHeight, valueLines.length * lineHeight(TEXT)) + 3 };
}

function drawField(flow: PageFlow, fonts: DocumentFonts, set: SetField): void {
  flow.ensure(set.height);
  const top = flow.y;
  set.labelLines.forEach((line) => {
    flow.y -= lineHeight(TEXT);
    flow.text(line, MARGIN.left, TEXT, fonts.regular);
  });
  set.enLines.forEach((line) => {
    flow.y -= lineHeight(SMALL);
    flow.text(line, MARGIN.left, SMALL, fonts.regular, GREY);
  });
  let y = top;
  for (const line of set.valueLines) {
    y -= lineHeight(TEXT);
    drawText(flow.page, line, { x: VALUE_LEFT, y, size: TEXT, font: fonts.bold, color: BLACK });
  }
  const last = set.valueLines.at(-1);
  if (last !== undefined && set.mark) {
    drawText(flow.page, set.mark, { x: VALUE_LEFT + fonts.bold.widthOfTextAtSize(last, TEXT), y, size: SMALL, font: fonts.regular, color: GREY });
  }
  if (last === undefined) {
    // The dotted line of a paper form: an empty field is filled in by hand.
    y -= lineHeight(TEXT);
    flow.page.drawLine({ start: { x: VALUE_LEFT, y: y - 1 }, end: { x: PAGE.width - MARGIN.right, y: y - 1 }, thickness: 0.5, dashArray: [1, 2], color: GREY });
  }
  flow.y = Math.min(flow.y, y) - 3;
}

/** Paragraph lines at the left margin, wrapped to the column. */
function drawWrapped(flow: PageFlow, text: string, size: number, font: SubsetFont, color = BLACK, indent = 0): void {
  for (const line of wrapText(text, font, size, COLUMN - indent)) {
    flow.ensure(lineHeight(size));
    flow.y -= lineHeight(size);
    flow.text(line, MARGIN.left + indent, size, font, color);
  }
}

function drawLegend(flow: PageFlow, fonts: DocumentFonts, draft: DossierDraft, template: FormTemplate): void {
  flow.y -= 4;
  const mark = (s: FieldSource) => `[${PROVENANCE[s].mark}]`;
  const legend = FIELD_SOURCES.map((s) => `${mark(s)} ${PROVENANCE[s].label.vi}`).join('; ');
  drawWrapped(flow, `Nguồn thông tin / Source: ${legend}. Thông tin ${mark('central')}, ${mark('card')} đã được xác thực.`, SMALL, fonts.regular, GREY);
  if (draft.corrections.length === 0) return;
  flow.y -= 4;
  drawWrapped(flow, 'Đề nghị điều chỉnh thông tin / Correction requests:', TEXT, fonts.bold);
  const fields = new Map(templateFields(template).map((f) => [f.id, f]));
  for (const c of draft.corrections) {
    const field = fields.get(c.fieldId);
    const requested = field ? displayValue(field, c.requestedValue) : String(c.requestedValue ?? '');
    drawWrapped(flow, `– ${field?.label.vi ?? c.fieldId}: ${requested}${c.note ? ` (${c.note})` : ''}`, TEXT, fonts.regular, BLACK, 8);
  }
}

function drawAttachments(flow: PageFlow, fonts: DocumentFonts, template: FormTemplate, index: number): void {
  if (template.attachments.length === 0) return;
  drawSectionTitle(flow, fonts, index, { vi: 'Giấy tờ kèm theo', en: 'Attachments' }, 2 * lineHeight(TEXT));
  const box = 8;
  for (const attachment of template.attachments) {
    const text = `${attachment.label.vi}${attachment.required ? ' (bắt buộc)' : ''}`;
    const lines = wrapText(text, fonts.regular, TEXT, COLUMN - 16);
    flow.ensure(lines.length * lineHeight(TEXT) + lineHeight(SMALL) + 2);
    flow.page.drawRectangle({ x: MARGIN.left, y: flow.y - lineHeight(TEXT) + 0.5, width: box, height: box, borderColor: BLACK, borderWidth: 0.7 });
    for (const line of lines) {
      flow.y -= lineHeight(TEXT);
      flow.text(line, MARGIN.left + 16, TEXT, fonts.regular);
    }
    flow.y -= lineHeight(SMALL);
    flow.text(attachment.label.en, MARGIN.left + 16, SMALL, fonts.regular, GREY);
    flow.y -= 2;
  }
}

/** The QR for the counter on the left, the date and the signer on the right: kept together on one page. */
function drawClosing(flow: PageFlow, fonts: DocumentFonts, input: DossierPdfInput): void {
  const qr = qrCode(input.handoff);
  const qrSize = qr.widthInModules * QR_MODULE;
  flow.y -= 6;
  drawWrapped(flow, input.template.declaration.vi, TEXT, fonts.regular);
  drawWrapped(flow, input.template.declaration.en, SMALL, fonts.regular, GREY);
  flow.ensure(qrSize + 24);
  const top = flow.y - 8;
  qr.draw(flow.page, { x: MARGIN.left - 4 * QR_MODULE, y: top - qrSize, moduleSize: QR_MODULE });
  const caption = 'Mã hồ sơ điện tử dành cho cán bộ tiếp nhận / For the counter officer';
  drawText(flow.page, caption, { x: MARGIN.left, y: top - qrSize - 8, size: 6.5, font: fonts.regular, color: GREY });

  const right = { left: MARGIN.left + qrSize + 6 * MM, width: PAGE.width - MARGIN.right - (MARGIN.left + qrSize + 6 * MM) };
  const [year, month, day] = input.date.split('-');
  const lines: Array<[string, { size: number; font: SubsetFont; color: RGB }]> = [
    [`${input.place ?? '……………'}, ngày ${day} tháng ${month} năm ${year}`, { size: TEXT, font: fonts.regular, color: BLACK }],
    [input.template.signer.vi.toUpperCase(), { size: 11, font: fonts.bold, color: BLACK }],
    ['(Ký, ghi rõ họ, chữ đệm, tên)', { size: 9, font: fonts.regular, color: BLACK }],
    [`${input.template.signer.en}: signature and full name`, { size: SMALL, font: fonts.regular, color: GREY }],
  ];
  const y = lines.reduce((at, [text, style]) => drawCentred(flow.page, text, style, right, at), top - 6);
  // Room for the handwritten signature, then the name as the form holds it.
  const signerField = input.template.signerNameField;
  const signerName = signerField ? input.draft.fields[signerField]?.value : null;
  if (typeof signerName === 'string') drawCentred(flow.page, signerName, { size: 11, font: fonts.bold, color: BLACK }, right, y - 22 * MM);
  flow.y = top - qrSize - 12;
}

function drawPageNumbers(doc: PDFDocument, fonts: DocumentFonts): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const label = `Trang ${i + 1}/${pages.length}`;
    drawText(page, label, { x: (PAGE.width - fonts.regular.widthOfTextAtSize(label, 8)) / 2, y: MARGIN.bottom - 8, size: 8, font: fonts.regular, color: GREY });
  });
}

/**
 * The prepared dossier on A4: national heading, the form's title, its fields in order by section
 * with the source of each value, the attachments checklist, the declaration, the signature block
 * and the QR that hands the signed draft to the counter.
 */
export async function renderDossierPdf(input: DossierPdfInput): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const fonts = embedFonts(doc, input.fonts);
  doc.setTitle(`${input.template.title.vi} / ${input.template.title.en}`);
  doc.setProducer('MotCua');
  doc.setCreator('MotCua');

  const flow = new PageFlow(doc);
  drawHeader(flow, fonts, input);
  input.template.sections.forEach((section, i) => {
    const rows = section.fields.map((field) => setField(fonts, field, input.draft.fields[field.id]));
    drawSectionTitle(flow, fonts, i + 1, section.title, rows[0]!.height);
    for (const row of rows) drawField(flow, fonts, row);
  });
  drawLegend(flow, fonts, input.draft, input.template);
  drawAttachments(flow, fonts, input.template, input.template.sections.length + 1);
  drawClosing(flow, fonts, input);
  drawPageNumbers(doc, fonts);
  return { pdf: await savePdf(doc, fonts), pages: doc.getPageCount() };
}
