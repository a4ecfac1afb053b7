import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The QR on the last page of a printed dossier, read as a counter's scanner would (150 dpi). */
export function qrOfLastPage(pdfPath: string, pages: number, dir: string): string {
  const prefix = join(dir, 'dossier-last');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(pages), '-l', String(pages), '-singlefile', pdfPath, prefix]);
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  const text = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  if (!text) throw new Error('no QR code on the last page');
  return text;
}
