import { PDFDocument, rgb } from 'pdf-lib';
import { dateInWords, type LocalizedText } from '../contract';
import { embedFonts, savePdf, type FontFiles } from './fonts';
import { drawParagraphs, setParagraphs, totalHeight, type Paragraph } from './text-flow';

export interface QueueTicketData {
  number: string;
  service: LocalizedText;
  /** ISO instant the number was issued; printed in Vietnam's time. */
  issuedAt: string;
  ahead: number;
  estimateMinutes: number;
  priority: boolean;
  /** Issued from the kiosk's reserved block while the hub was away: called by hand. */
  offline: boolean;
  centreName: string | null;
}

const MM = 72 / 25.4;
const GREY = rgb(0.3, 0.3, 0.3);

/** "08:31, ngày 2 tháng 3 năm 2026" in Vietnam's time (UTC+7, no daylight saving). */
function ticketTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)}, ${dateInWords(local).vi}`;
}

/** The queue ticket on an 80 mm roll: the number very large, the service, the time, the people ahead. */
export async function renderQueueTicket(data: QueueTicketData, fonts: FontFiles): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const embedded = embedFonts(doc, fonts);
  const { regular, bold } = embedded;
  doc.setTitle(`Số thứ tự ${data.number} / Queue ticket`);
  doc.setProducer('MotCua');
  doc.setCreator('MotCua');
  const paragraphs: Paragraph[] = [
    ...(data.centreName ? [{ text: data.centreName.toUpperCase(), font: bold, size: 9, align: 'center' as const }] : []),
    { text: 'SỐ THỨ TỰ', font: bold, size: 12, align: 'center' },
    { text: 'QUEUE NUMBER', font: regular, size: 8, color: GREY, align: 'center', spaceAfter: 4 },
    { text: data.number, font: bold, size: data.number.length > 5 ? 40 : 56, align: 'center', spaceAfter: 6 },
    ...(data.priority ? [{ text: 'ƯU TIÊN / PRIORITY', font: bold, size: 11, align: 'center' as const, spaceAfter: 4 }] : []),
    { text: data.service.vi, font: bold, size: 11, align: 'center' },
    { text: data.service.en, font: regular, size: 8.5, color: GREY, align: 'center', spaceAfter: 6 },
    { text: `Giờ lấy số / Issued: ${ticketTime(data.issuedAt)}`, font: regular, size: 9, align: 'center' },
    ...(data.offline
      ? [{ text: 'Cán bộ sẽ gọi số này tại quầy. / An officer will call this number at the counter.', font: regular, size: 9, align: 'center' as const, spaceAfter: 6 }]
      : [
          { text: `Số người đang chờ trước Ông/Bà: ${data.ahead}`, font: bold, size: 10, align: 'center' as const },
          { text: `People waiting ahead of you: ${data.ahead}`, font: regular, size: 8.5, color: GREY, align: 'center' as const },
          { text: `Thời gian chờ dự kiến / Expected wait: ~${data.estimateMinutes} phút / min`, font: regular, size: 9, align: 'center' as const, spaceAfter: 6 },
        ]),
    { text: 'Xin Ông/Bà vui lòng chờ gọi số trên màn hình và loa. / Please wait for your number on the screen and the speakers.', font: regular, size: 7.5, color: GREY, align: 'center' },
  ];
  const [width, margin] = [80 * MM, 4 * MM];
  const column = width - 2 * margin;
  const set = setParagraphs(paragraphs, column);
  const height = totalHeight(set) + 2 * margin;
  drawParagraphs(doc.addPage([width, height]), set, margin, height - margin, column);
  return { pdf: await savePdf(doc, embedded), pages: 1 };
}
