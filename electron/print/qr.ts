import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
import { flate } from './flate-stream';
import { qrMatrix, type QrMatrix } from './qr-matrix';

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
  const modules = qrMatrix(text);
  return { widthInModules: modules.size + 2 * QR_QUIET_ZONE, draw: (page, at) => drawModules(page, modules, at) };
}

/**
 * The dark modules as a form XObject in module units: each row's runs of dark modules are integer
 * rectangles ("3 0 2 1 re") filled at once, then one matrix steps down a row. Scaled onto the page
 * by one more matrix, that is ~7 KB where a rectangle per run in page units was ~25 KB (the x and
 * width are all that change, which compresses well). An image mask would be smaller, but Poppler
 * renders its modules 3 or 4 pixels wide at 150 dpi and the scan then fails; a path keeps the edges.
 */
function drawModules(page: PDFPage, modules: QrMatrix, at: { x: number; y: number; moduleSize: number }): void {
  const { size, data } = modules;
  let path = `0 g 1 0 0 1 0 ${size - 1} cm\n`;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; ) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      path += `${start} 0 ${col - start} 1 re `;
    }
    path += 'f 1 0 0 1 0 -1 cm\n';
  }
  const { context } = page.doc;
  const form = flate(context, path, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, size, size] });
  const name = page.node.newXObject('QR', context.register(form));
  const quiet = QR_QUIET_ZONE * at.moduleSize;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(at.moduleSize, 0, 0, at.moduleSize, at.x + quiet, at.y + quiet), drawObject(name), popGraphicsState());
}
