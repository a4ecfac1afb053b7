import type { PDFPage } from 'pdf-lib';
import { dateInWords } from '../contract';
import type { IsoDate } from '../base/calendar-date';
import type { DocumentFonts } from './fonts';
import { drawNationalHeading } from './national-heading';
import { drawParagraphs, setParagraphs } from './text-flow';

/** What the top of an official one-stop document says: who issues it, its number, where and when. */
export interface OfficialHeader {
  /** The issuing agency, as it signs (the centre's name). */
  agency: string;
  /** "Số: …" — the document's number (the receipt code). */
  number: string;
  /** The place written before the date ("Hà Nội"); empty leaves it out. */
  place: string;
  date: IsoDate;
}

const AGENCY_SHARE = 0.42;

/**
 * The head of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): the issuing agency and
 * the number top left, the national heading and the place and date top right. Returns the y below.
 */
export function drawOfficialHeader(page: PDFPage, fonts: DocumentFonts, area: { left: number; width: number; top: number }, header: OfficialHeader): number {
  const leftWidth = area.width * AGENCY_SHARE;
  const right = { left: area.left + leftWidth, width: area.width - leftWidth, top: area.top };
  const below = drawNationalHeading(page, fonts, right);
  const dated = `${header.place ? `${header.place}, ` : ''}${dateInWords(header.date).vi}`;
  const rightBottom = drawParagraphs(page, setParagraphs([{ text: dated, font: fonts.regular, size: 10.5, align: 'center' }], right.width), right.left, below - 2, right.width);
  const leftBottom = drawParagraphs(
    page,
    setParagraphs(
      [
        { text: header.agency.toUpperCase(), font: fonts.bold, size: 11, align: 'center', spaceAfter: 4 },
        { text: `Số: ${header.number}`, font: fonts.regular, size: 10.5, align: 'center' },
      ],
      leftWidth - 8,
    ),
    area.left,
    area.top,
    leftWidth - 8,
  );
  return Math.min(leftBottom, rightBottom);
}
