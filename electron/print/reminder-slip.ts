import { PDFDocument, rgb } from 'pdf-lib';
import type { CitizenReminders, LocalizedText } from '../contract';
import type { Centre } from '../db/catalogue-repository';
import { formatVietnameseDate } from '../proactive/calendar-date';
import { embedFonts, type FontFiles } from './fonts';
import { maskPersonalNumber } from './reminder-sheet';
import { drawParagraphs, setParagraphs, totalHeight, type Paragraph } from './text-flow';

/** 80 mm thermal roll: the page is as tall as its content. */
const MM = 72 / 25.4;
const WIDTH = 80 * MM;
const MARGIN = 4 * MM;
const GREY = rgb(0.3, 0.3, 0.3);

export { maskPersonalNumber };

export async function renderReminderSlip(data: CitizenReminders, centre: Centre | null, fonts: FontFiles): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const { regular, bold } = await embedFonts(doc, fonts);
  doc.setTitle('Phiếu nhắc việc / Reminder slip');
  doc.setProducer('MotCua');
  doc.setCreator('MotCua');

  const both = (t: LocalizedText, size: number, strong = false): Paragraph[] => [
    { text: t.vi, font: strong ? bold : regular, size },
    { text: t.en, font: regular, size: size - 1.5, color: GREY, spaceAfter: 3 },
  ];
  const paragraphs: Paragraph[] = [
    ...(centre ? [{ text: centre.name.vi.toUpperCase(), font: bold, size: 9, align: 'center' as const }] : []),
    { text: 'PHIẾU NHẮC VIỆC', font: bold, size: 13, align: 'center', spaceAfter: 0 },
    { text: 'REMINDER SLIP', font: regular, size: 9, color: GREY, align: 'center', spaceAfter: 6 },
    { text: `Số định danh / Personal no.: ${maskPersonalNumber(data.identity.personalNumber)}`, font: regular, size: 8.5 },
    { text: `Ngày in / Printed: ${formatVietnameseDate(data.today)}`, font: regular, size: 8.5, spaceAfter: 8 },
  ];
  for (const r of data.reminders) {
    paragraphs.push(...both(r.title, 11, true));
    for (const line of r.lines) paragraphs.push(...both(line, 9));
    if (r.procedure) {
      paragraphs.push(
        { text: `Thủ tục / Procedure: ${r.procedure.name.vi} (${r.procedure.code})`, font: bold, size: 8.5 },
        { text: `${r.procedure.name.en} — ${r.procedure.agency.vi} / ${r.procedure.agency.en}`, font: regular, size: 8, color: GREY, spaceAfter: 3 },
      );
    }
    paragraphs.push({ text: `Căn cứ / Legal basis: ${r.legalBasis.vi}`, font: regular, size: 7.5, color: GREY, spaceAfter: 8 });
  }
  paragraphs.push({
    text: 'Phiếu do máy tự in; thông tin chỉ để nhắc việc. / Printed by the kiosk; for your information only.',
    font: regular,
    size: 7,
    color: GREY,
    align: 'center',
  });

  const column = WIDTH - 2 * MARGIN;
  const set = setParagraphs(paragraphs, column);
  const height = totalHeight(set) + 2 * MARGIN;
  const page = doc.addPage([WIDTH, height]);
  drawParagraphs(page, set, MARGIN, height - MARGIN, column);
  return { pdf: await doc.save(), pages: doc.getPageCount() };
}
