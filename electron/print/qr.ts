import { create } from 'qrcode';
import { rgb, type PDFPage } from 'pdf-lib';

/** Error correction M: a printed page survives a fold or a smudge; H would need a larger code. */
const LEVEL = 'M';
/** The white border the QR specification asks for, in modules. */
export const QR_QUIET_ZONE = 4;

/** How many modules wide the code of `text` is, quiet zone included. */
export const qrWidthInModules = (text: string) => create(text, { errorCorrectionLevel: LEVEL }).modules.size + 2 * QR_QUIET_ZONE;

/**
 * Draws the QR code of `text` with its lower-left corner (quiet zone included) at x, y; each run
 * of dark modules in a row is one rectangle, which keeps the PDF small.
 */
export function drawQrCode(page: PDFPage, text: string, at: { x: number; y: number; moduleSize: number }): void {
  const { modules } = create(text, { errorCorrectionLevel: LEVEL });
  const { size } = modules;
  const left = at.x + QR_QUIET_ZONE * at.moduleSize;
  const top = at.y + (size + QR_QUIET_ZONE) * at.moduleSize;
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      page.drawRectangle({
        x: left + start * at.moduleSize,
        y: top - (row + 1) * at.moduleSize,
        width: (col - start) * at.moduleSize,
        height: at.moduleSize,
        color: rgb(0, 0, 0),
      });
    }
  }
}
