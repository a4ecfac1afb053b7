import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts, readFontFiles } from '../../electron/print/fonts';
import { nfc } from '../../electron/print/subset-font';

const ranges = [
  [0x20, 0x2ff],
  [0x1ea0, 0x1ef9],
  [0x2002, 0x206f],
];
const stable = ranges.flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, i) => String.fromCodePoint(from! + i)));

describe('text set in NFC', () => {
  it('skips normalizing only text NFC leaves as it is: every pair of the characters it trusts', () => {
    for (const a of stable) for (const b of stable) if (nfc(a + b) !== (a + b).normalize('NFC')) expect(a + b).toBe((a + b).normalize('NFC'));
  });

  it('measures and encodes decomposed Vietnamese as its precomposed letters', async () => {
    const fonts = embedFonts(await PDFDocument.create(), readFontFiles(join(__dirname, '..', '..', 'resources', 'fonts')));
    const composed = 'Nguyễn Thị Hồng Nhung, Đắk Lắk';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(fonts.regular.widthOfTextAtSize(decomposed, 10)).toBe(fonts.regular.widthOfTextAtSize(composed, 10));
    expect(fonts.bold.encodeLiteral(decomposed)).toBe(fonts.bold.encodeLiteral(composed));
  });
});
