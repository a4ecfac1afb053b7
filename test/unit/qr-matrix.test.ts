import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../electron/print/qr-matrix';

/** Texts like the hand-offs (base64url after a prefix) and receipt codes, of many lengths. */
function sample(i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let seed = i * 2654435761;
  const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % alphabet.length;
  const length = [10, 17, 60, 200, 700, 1370][i % 6]! + (i % 7);
  return `MOTCUA1:${Array.from({ length }, () => alphabet[next()]).join('')}`;
}

describe('the QR matrix', () => {
  it('is the code qrcode makes, mask choice included, for texts of every size up to a full hand-off', () => {
    for (let i = 0; i < 60; i++) {
      const text = sample(i);
      const theirs = create([{ data: Buffer.from(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
      const ours = qrMatrix(text);
      expect(ours.size, text).toBe(theirs.modules.size);
      expect(Buffer.from(ours.data).equals(Buffer.from(theirs.modules.data)), `${text.length} characters, mask ${theirs.maskPattern}`).toBe(true);
    }
  });

  it('uses every one of the eight masks across those texts', () => {
    const masks = new Set(Array.from({ length: 60 }, (_, i) => create([{ data: Buffer.from(sample(i)), mode: 'byte' }], { errorCorrectionLevel: 'M' }).maskPattern));
    expect(masks.size).toBe(8);
  });
});
