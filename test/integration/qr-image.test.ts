import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrCode, qrPixels } from '../../electron/print/qr';
import { qrMatrix } from '../../electron/print/qr-matrix';
import { scanPdfQr } from '../support/scan-pdf-qr';
import { makeTempDir } from '../support/temp-dir';

const MM = 72 / 25.4;
/** The dossier's module size (dossier-pdf.ts). */
const MODULE = 0.6 * MM;
const temp = makeTempDir('motcua-qr-');
afterAll(temp.cleanup);

/** base64url text after the hand-off prefix, like a signed dossier. */
function handoffLike(length: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let state = seed;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % alphabet.length;
  return `MOTCUA1:${Array.from({ length }, () => alphabet[next()]).join('')}`;
}

describe('the QR as a 1-bit image', () => {
  it('sets one pixel per module, black where the module is dark, rows padded to a byte', () => {
    const matrix = qrMatrix('HS-2026-000123');
    const pixels = qrPixels(matrix);
    const rowBytes = Math.ceil(matrix.size / 8);
    expect(pixels.length).toBe(rowBytes * matrix.size);
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        const white = (pixels[row * rowBytes + (col >> 3)]! >> (7 - (col & 7))) & 1;
        expect(white, `${row}, ${col}`).toBe(1 - matrix.data[row * matrix.size + col]!);
      }
    }
  });

  // Where the lower-left corner falls on the pixel grid changes how the edges are rendered: on a
  // whole pixel at both resolutions, and off it.
  const places = [
    { x: 72, y: 288 },
    { x: 70.87 - 4 * MODULE + 0.37, y: 201.3 },
  ];
  const texts = [handoffLike(700, 3), handoffLike(1210, 5), handoffLike(1362, 11)];

  it.each([150, 300])('reads back from a page rendered at %i dpi, wherever it sits, up to a full hand-off', async (dpi) => {
    for (const [i, text] of texts.entries()) {
      for (const [j, at] of places.entries()) {
        const doc = await PDFDocument.create();
        const page = doc.addPage([595, 842]);
        const qr = qrCode(text);
        qr.draw(page, { ...at, moduleSize: MODULE });
        const file = join(temp.dir, `qr-${dpi}-${i}-${j}.pdf`);
        writeFileSync(file, await doc.save());
        const side = qr.widthInModules * MODULE;
        const area = { left: at.x - 10, top: 842 - at.y - side - 10, width: side + 20, height: side + 20 };
        expect(scanPdfQr(file, { page: 1, dpi, area }), `${text.length} characters at ${at.x}, ${at.y}`).toBe(text);
      }
    }
  }, 60_000);

  it('takes a bit per module: a full hand-off in about 2.3 KB', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    const qr = qrCode(handoffLike(1362, 11));
    qr.draw(page, { x: 72, y: 72, moduleSize: MODULE });
    const size = qr.widthInModules - 2 * QR_QUIET_ZONE;
    const bytes = (await doc.save({ useObjectStreams: false })).length;
    const empty = (await (await PDFDocument.create()).save({ useObjectStreams: false })).length;
    expect(bytes - empty).toBeLessThan((size * Math.ceil(size / 8)) + 600);
  });
});
