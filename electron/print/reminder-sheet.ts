import { PDFDocument, rgb } from 'pdf-lib';
import { encodeProcedureCodes, type LocalizedText, type RuleReminder } from '../contract';
import type { Centre, Procedure } from '../db/catalogue-repository';
import { admittedDate, formatVietnameseDate, type IsoDate } from '../base/calendar-date';
import { embedFonts, savePdf, type FontFiles } from './fonts';
import { qrCode } from './qr';
import type { SubsetFont } from './subset-font';
import { drawParagraphs, setParagraphs, totalHeight, type Paragraph, type SetParagraph } from './text-flow';

/** A reminder with the catalogue's procedure it points to, when the centre has it. */
export type SheetReminder = RuleReminder & { procedure: Pick<Procedure, 'code' | 'name' | 'agency'> | null };

export interface ReminderSheetData {
  personalNumber: string;
  today: IsoDate;
  reminders: readonly SheetReminder[];
}

export type Paper = '80mm' | 'a4';

const MM = 72 / 25.4;
/** A4 type is a quarter larger than the roll's. */
const A4_SCALE = 1.25;
/** The slip's QR: 25 mm wide, read by a kiosk's scanner at arm's length. */
const QR_SIDE = 25 * MM;
const GREY = rgb(0.3, 0.3, 0.3);
const SEVERITY: Record<RuleReminder['severity'], LocalizedText> = {
  obligation: { vi: 'Bắt buộc', en: 'Obligation' },
  benefit: { vi: 'Quyền lợi', en: 'Benefit' },
  advice: { vi: 'Gợi ý', en: 'Advice' },
};

/** Shows only the last four digits: the slip may be left behind. */
export const maskPersonalNumber = (pin: string) => `${'•'.repeat(Math.max(0, pin.length - 4))}${pin.slice(-4)}`;

/** Splits set paragraphs into pages of at most `height` points; a paragraph is never cut. */
function paginate(set: SetParagraph[], height: number): SetParagraph[][] {
  const pages: SetParagraph[][] = [[]];
  let used = 0;
  for (const p of set) {
    if (used + p.height > height && pages[pages.length - 1]!.length > 0) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(p);
    used += p.height;
  }
  return pages;
}

/** The A4 sheet: each reminder whole — what, why, the steps, the procedure and its legal basis. */
function details(reminders: readonly SheetReminder[], both: (t: LocalizedText, size: number, strong?: boolean) => Paragraph[], regular: SubsetFont, bold: SubsetFont): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const r of reminders) {
    const severity = SEVERITY[r.severity];
    paragraphs.push(
      { text: `${severity.vi.toUpperCase()} · hạn ${formatVietnameseDate(admittedDate(r.dueDate))}`, font: bold, size: 8 * A4_SCALE, color: GREY },
      ...both(r.title, 11, true),
      ...both(r.explanation, 9),
    );
    r.steps.forEach((step, i) => paragraphs.push(...both({ vi: `${i + 1}. ${step.vi}`, en: `${i + 1}. ${step.en}` }, 9)));
    if (r.procedure) {
      paragraphs.push(
        { text: `Thủ tục / Procedure: ${r.procedure.name.vi} (${r.procedure.code})`, font: bold, size: 8.5 * A4_SCALE },
        { text: `${r.procedure.name.en} — ${r.procedure.agency.vi} / ${r.procedure.agency.en}`, font: regular, size: 8 * A4_SCALE, color: GREY, spaceAfter: 3 },
      );
    }
    const basis = r.legalBasis.map((b) => `${b.document}, ${b.article}`).join('; ');
    paragraphs.push({ text: `Căn cứ / Legal basis: ${basis}${r.example ? ' (ví dụ / example)' : ''}`, font: regular, size: 7.5 * A4_SCALE, color: GREY, spaceAfter: 8 });
  }
  return paragraphs;
}

/**
 * The 80 mm slip: one compact entry per reminder — what, and by when or since when overdue (Vietnamese,
 * then the English title) — the details being behind the slip's QR and on the A4 sheet.
 */
function summary(reminders: readonly SheetReminder[], today: string, regular: SubsetFont, bold: SubsetFont): Paragraph[] {
  return [
    { text: `Ông/Bà có ${reminders.length} việc cần làm / ${reminders.length} thing(s) to do:`, font: bold, size: 8.5, spaceAfter: 4 },
    ...reminders.flatMap((r, i): Paragraph[] => [
      { text: `${i + 1}. ${r.title.vi}`, font: bold, size: 9 },
      { text: `${SEVERITY[r.severity].vi.toUpperCase()} · ${r.dueDate < today ? 'đã quá hạn' : 'hạn'} ${formatVietnameseDate(admittedDate(r.dueDate))} · ${r.title.en}`, font: regular, size: 7.5, color: GREY, spaceAfter: 4 },
    ]),
  ];
}

/**
 * The citizen's reminders, Vietnamese then English: on an 80 mm roll (one page as tall as its
 * content) or on A4 pages. The personal number is masked.
 */
export async function renderReminderSheet(data: ReminderSheetData, centre: Centre | null, fonts: FontFiles, paper: Paper): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const embedded = embedFonts(doc, fonts);
  const { regular, bold } = embedded;
  doc.setTitle('Phiếu nhắc việc / Reminder slip');
  doc.setProducer('MotCua');
  doc.setCreator('MotCua');
  const scale = paper === 'a4' ? A4_SCALE : 1;
  const both = (t: LocalizedText, size: number, strong = false): Paragraph[] => [
    { text: t.vi, font: strong ? bold : regular, size: size * scale },
    { text: t.en, font: regular, size: (size - 1.5) * scale, color: GREY, spaceAfter: 3 },
  ];
  const paragraphs: Paragraph[] = [
    ...(centre ? [{ text: centre.name.vi.toUpperCase(), font: bold, size: 9 * scale, align: 'center' as const }] : []),
    { text: 'PHIẾU NHẮC VIỆC', font: bold, size: 13 * scale, align: 'center' },
    { text: 'REMINDER SLIP', font: regular, size: 9 * scale, color: GREY, align: 'center', spaceAfter: 6 },
    { text: `Số định danh / Personal no.: ${maskPersonalNumber(data.personalNumber)}`, font: regular, size: 8.5 * scale },
    { text: `Ngày in / Printed: ${formatVietnameseDate(data.today)}`, font: regular, size: 8.5 * scale, spaceAfter: 8 },
  ];
  if (data.reminders.length === 0) paragraphs.push(...both({ vi: 'Hiện không có việc cần nhắc.', en: 'Nothing is due for now.' }, 10));
  else if (paper === '80mm') paragraphs.push(...summary(data.reminders, data.today, regular, bold));
  else paragraphs.push(...details(data.reminders, both, regular, bold));
  // On the roll the details are behind a QR of the procedures (nothing personal in it).
  const qrText = paper === '80mm' ? encodeProcedureCodes(data.reminders.flatMap((r) => (r.procedureCode === null ? [] : [r.procedureCode]))) : null;
  const footer: Paragraph[] = [
    ...(qrText
      ? [
          { text: 'Quét mã này tại máy kiosk để xem chi tiết: cơ quan giải quyết, giấy tờ cần mang, lệ phí, thời hạn.', font: regular, size: 7.5, spaceAfter: 1 },
          { text: 'Scan this code at a kiosk for the details: who handles it, papers to bring, fee, time limit.', font: regular, size: 7, color: GREY, spaceAfter: 4 },
        ]
      : []),
    { text: 'Phiếu do máy tự in; thông tin chỉ để nhắc việc. / Printed by the kiosk; for your information only.', font: regular, size: 7 * scale, color: GREY, align: 'center' },
  ];

  const [width, pageHeight, margin] = paper === 'a4' ? [210 * MM, 297 * MM, 18 * MM] : [80 * MM, 0, 4 * MM];
  const column = width - 2 * margin;
  const set = setParagraphs(paragraphs, column);
  const end = setParagraphs(footer, column);
  if (paper === 'a4') {
    for (const content of paginate([...set, ...end], pageHeight - 2 * margin)) drawParagraphs(doc.addPage([width, pageHeight]), content, margin, pageHeight - margin, column);
  } else {
    const qrHeight = qrText ? QR_SIDE + 4 * MM : 0;
    const height = totalHeight(set) + qrHeight + totalHeight(end) + 2 * margin;
    const page = doc.addPage([width, height]);
    const below = drawParagraphs(page, set, margin, height - margin, column);
    if (qrText) {
      const qr = qrCode(qrText);
      qr.draw(page, { x: (width - QR_SIDE) / 2, y: below - 2 * MM - QR_SIDE, moduleSize: QR_SIDE / qr.widthInModules });
    }
    drawParagraphs(page, end, margin, below - qrHeight, column);
  }
  return { pdf: await savePdf(doc, embedded), pages: doc.getPageCount() };
}
