import { PDFDocument, rgb } from 'pdf-lib';
import type { LocalizedText, RuleReminder } from '../contract';
import type { Centre, Procedure } from '../db/catalogue-repository';
import { admittedDate, formatVietnameseDate, type IsoDate } from '../base/calendar-date';
import { embedFonts, savePdf, type FontFiles } from './fonts';
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
  const scale = paper === 'a4' ? 1.25 : 1;
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
  for (const r of data.reminders) {
    const severity = SEVERITY[r.severity];
    paragraphs.push(
      { text: `${severity.vi.toUpperCase()} · hạn ${formatVietnameseDate(admittedDate(r.dueDate))}`, font: bold, size: 8 * scale, color: GREY },
      ...both(r.title, 11, true),
      ...both(r.explanation, 9),
    );
    r.steps.forEach((step, i) => paragraphs.push(...both({ vi: `${i + 1}. ${step.vi}`, en: `${i + 1}. ${step.en}` }, 9)));
    if (r.procedure) {
      paragraphs.push(
        { text: `Thủ tục / Procedure: ${r.procedure.name.vi} (${r.procedure.code})`, font: bold, size: 8.5 * scale },
        { text: `${r.procedure.name.en} — ${r.procedure.agency.vi} / ${r.procedure.agency.en}`, font: regular, size: 8 * scale, color: GREY, spaceAfter: 3 },
      );
    }
    const basis = r.legalBasis.map((b) => `${b.document}, ${b.article}`).join('; ');
    paragraphs.push({ text: `Căn cứ / Legal basis: ${basis}${r.example ? ' (ví dụ / example)' : ''}`, font: regular, size: 7.5 * scale, color: GREY, spaceAfter: 8 });
  }
  paragraphs.push({
    text: 'Phiếu do máy tự in; thông tin chỉ để nhắc việc. / Printed by the kiosk; for your information only.',
    font: regular,
    size: 7 * scale,
    color: GREY,
    align: 'center',
  });

  const [width, pageHeight, margin] = paper === 'a4' ? [210 * MM, 297 * MM, 18 * MM] : [80 * MM, 0, 4 * MM];
  const column = width - 2 * margin;
  const set = setParagraphs(paragraphs, column);
  const pages = paper === 'a4' ? paginate(set, pageHeight - 2 * margin) : [set];
  for (const content of pages) {
    const height = paper === 'a4' ? pageHeight : totalHeight(content) + 2 * margin;
    drawParagraphs(doc.addPage([width, height]), content, margin, height - margin, column);
  }
  return { pdf: await savePdf(doc, embedded), pages: doc.getPageCount() };
}
