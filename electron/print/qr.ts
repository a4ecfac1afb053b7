import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFPage } from 'pdf-lib';
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

/** The modules as 1-bit grey pixels, one per module, rows padded to a byte with white (PDF 32000-1, 8.9.3): 0 is black. */
export function qrPixels({ size, data }: QrMatrix): Uint8Array {
  const rowBytes = (size + 7) >> 3;
  const pad = 8 * rowBytes - size;
  const pixels = new Uint8Array(rowBytes * size);
  let at = 0;
  for (let row = 0; row < size; row++) {
    let byte = 0;
    for (let col = 0, i = row * size; col < size; col++, i++) {
      byte = (byte << 1) | (data[i]! ^ 1);
      if ((col & 7) === 7) {
        pixels[at++] = byte;
        byte = 0;
      }
    }
    if (pad) pixels[at++] = (byte << pad) | ((1 << pad) - 1);
  }
  return pixels;
}

/**
 * The modules as a 1-bit DeviceGray image, one pixel per module: ~2.3 KB for a full hand-off
 * where a path of rectangles was ~8 KB. Not an image mask: Poppler scales a mask by nearest
 * pixel (modules 3 or 4 pixels wide at 150 dpi, and the scan failed), but smooths an image it
 * enlarges less than 4×, which keeps the modules' edges where they are; above 4× (300 dpi and
 * up) it is sharp. Unlike a path filled row by row, no light seam shows between rows. The
 * masked modules are as good as random bits, so the stream is left uncompressed (deflate made
 * it larger).
 */
function drawModules(page: PDFPage, modules: QrMatrix, at: { x: number; y: number; moduleSize: number }): void {
  const { context } = page.doc;
  const image = context.stream(qrPixels(modules), { Type: 'XObject', Subtype: 'Image', Width: modules.size, Height: modules.size, ColorSpace: 'DeviceGray', BitsPerComponent: 1 });
  const name = page.node.newXObject('QR', context.register(image));
  const quiet = QR_QUIET_ZONE * at.moduleSize;
  const side = modules.size * at.moduleSize;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(side, 0, 0, side, at.x + quiet, at.y + quiet), drawObject(name), popGraphicsState());
}
