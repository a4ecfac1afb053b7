import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** Pixels of a rendered area, in points from the page's top-left corner (pdftoppm's -x -y -W -H). */
export interface PageArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The QR code read from one page of a PDF file rendered by Poppler at `dpi`, as a counter's
 * scanner would see the print-out (the whole page, or only `area` of it, which is quicker).
 */
export function scanPdfQr(pdfPath: string, { page, dpi, area }: { page: number; dpi: number; area?: PageArea }): string | null {
  const px = (points: number) => String(Math.round((points * dpi) / 72));
  const crop = area ? ['-x', px(area.left), '-y', px(area.top), '-W', px(area.width), '-H', px(area.height)] : [];
  const prefix = `${pdfPath}-${page}-${dpi}`;
  execFileSync('pdftoppm', ['-r', String(dpi), ...crop, '-png', '-f', String(page), '-l', String(page), '-singlefile', pdfPath, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** Resolutions tried in turn, as a scanner retries: jsQR misses about one whole-page symbol in 25 at any one of them. */
const RETRY_DPI = [150, 200, 300, 250];

/**
 * The QR on the last page of a printed dossier, read as a counter's scanner would: at 150 dpi, then
 * at other resolutions on a retry (what a test here checks is what the QR holds; the scan at each
 * resolution is tested on its own).
 */
export function qrOfLastPage(pdfPath: string, pages: number): string {
  let text: string | null = null;
  for (const dpi of RETRY_DPI) text ??= scanPdfQr(pdfPath, { page: pages, dpi });
  if (!text) throw new Error('no QR code on the last page');
  return text;
}
