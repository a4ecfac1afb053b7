import { rgb, type PDFPage } from 'pdf-lib';
import type { DocumentFonts } from './fonts';
import { drawText } from './page-text';

const COUNTRY = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const COUNTRY_SIZE = 12;
const MOTTO_SIZE = 13;

/**
 * The national heading (quốc hiệu và tiêu ngữ) centred over a column: the country's name in
 * capitals, the motto below, and the rule under the motto as wide as it (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I). Returns the y below the rule.
 */
export function drawNationalHeading(page: PDFPage, fonts: DocumentFonts, column: { left: number; width: number; top: number }): number {
  const centre = column.left + column.width / 2;
  const centred = (text: string, size: number, baseline: number) => {
    const width = fonts.bold.widthOfTextAtSize(text, size);
    drawText(page, text, { x: centre - width / 2, y: baseline, size, font: fonts.bold, color: rgb(0, 0, 0) });
    return width;
  };
  const countryBaseline = column.top - COUNTRY_SIZE;
  centred(COUNTRY, COUNTRY_SIZE, countryBaseline);
  const mottoBaseline = countryBaseline - MOTTO_SIZE * 1.35;
  const mottoWidth = centred(MOTTO, MOTTO_SIZE, mottoBaseline);
  const ruleY = mottoBaseline - 7;
  page.drawLine({ start: { x: centre - mottoWidth / 2, y: ruleY }, end: { x: centre + mottoWidth / 2, y: ruleY }, thickness: 0.6, color: rgb(0, 0, 0) });
  return ruleY - 4;
}
