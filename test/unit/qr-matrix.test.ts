import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../electron/print/qr-matrix';

/** Bytes a code holds in byte mode at level M, by version (ISO/IEC 18004, table 7). */
const CAPACITY_M = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911,
  1989, 2099, 2213, 2331,
];

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

  it('is qrcode’s code at the largest text of every version, and one byte past it (the next version)', () => {
    const capacity = (version: number) => CAPACITY_M[version - 1]!;
    for (let version = 1; version <= 40; version++) {
      for (const length of version < 40 ? [capacity(version), capacity(version) + 1] : [capacity(version)]) {
        const text = sample(version).padEnd(length, 'x').slice(0, length);
        const theirs = create([{ data: Buffer.from(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
        const ours = qrMatrix(text);
        expect(theirs.version, `${length} bytes`).toBe(length > capacity(version) ? version + 1 : version);
        expect(Buffer.from(ours.data).equals(Buffer.from(theirs.modules.data)), `version ${theirs.version}, ${length} bytes`).toBe(true);
      }
    }
  });

  it('uses every one of the eight masks across those texts', () => {
    const masks = new Set(Array.from({ length: 60 }, (_, i) => create([{ data: Buffer.from(sample(i)), mode: 'byte' }], { errorCorrectionLevel: 'M' }).maskPattern));
    expect(masks.size).toBe(8);
  });
});
