import { create, type QRCode } from 'qrcode';
import { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFOperator, type PDFPage } from 'pdf-lib';

type QRCodeModules = QRCode['modules'];

/** Error correction M: a printed page survives a fold or a smudge; H would need a larger code. */
const LEVEL = 'M';
/** The white border the QR specification asks for, in modules. */
export const QR_QUIET_ZONE = 4;

export interface QrCode {
  /** How many modules wide the code is, quiet zone included. */
  widthInModules: number;
  /** Draws it with its lower-left corner (quiet zone included) at x, y. */
  draw(page: PDFPage, at: { x: number; y: number; moduleSize: number }): void;
}

/** The QR code of `text`, encoded once (a 1,370-character hand-off takes a while to mask) for sizing and drawing. */
export function qrCode(text: string): QrCode {
  const { modules } = create(text, { errorCorrectionLevel: LEVEL });
  return { widthInModules: modules.size + 2 * QR_QUIET_ZONE, draw: (page, at) => drawModules(page, modules, at) };
}

/**
 * Each run of dark modules in a row is one rectangle of a single filled path (one operator per
 * run, not a drawRectangle's dozen), which keeps the PDF small and quick to write.
 */
function drawModules(page: PDFPage, modules: QRCodeModules, at: { x: number; y: number; moduleSize: number }): void {
  const { size } = modules;
  const left = at.x + QR_QUIET_ZONE * at.moduleSize;
  const top = at.y + (size + QR_QUIET_ZONE) * at.moduleSize;
  const runs: PDFOperator[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      runs.push(rectangle(left + start * at.moduleSize, top - (row + 1) * at.moduleSize, (col - start) * at.moduleSize, at.moduleSize));
    }
  }
  page.pushOperators(pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...runs, fill(), popGraphicsState());
}
