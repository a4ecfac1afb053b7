import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { alignmentCoordinates, formatBits, functionPatterns, setFormatInfo, symbolSize, versionBits } from '../../electron/print/qr-layout';

describe('the QR function patterns', () => {
  it('has the alignment coordinates of ISO/IEC 18004 annex E', () => {
    expect(alignmentCoordinates(1)).toEqual([]);
    expect(alignmentCoordinates(2)).toEqual([6, 18]);
    expect(alignmentCoordinates(7)).toEqual([6, 22, 38]);
    expect(alignmentCoordinates(15)).toEqual([6, 26, 48, 70]);
    expect(alignmentCoordinates(32)).toEqual([6, 34, 60, 86, 112, 138]);
    expect(alignmentCoordinates(36)).toEqual([6, 24, 50, 76, 102, 128, 154]);
    expect(alignmentCoordinates(40)).toEqual([6, 30, 58, 86, 114, 142, 170]);
  });

  it('has the BCH codes of the standard’s worked examples', () => {
    // Annex C: level M (00), mask 101 → 100000011001110 after the XOR.
    expect(formatBits(0b00, 0b101)).toBe(0b100000011001110);
    // Annex D: version 7 → 000111 110010010100.
    expect(versionBits(7)).toBe(0b000111110010010100);
    expect(versionBits(40)).toBe(0b101000110001101001);
  });

  it('is, with each mask’s format information, what qrcode draws at those modules, in every version', () => {
    for (let version = 1; version <= 40; version++) {
      const { size, base, reserved } = functionPatterns(version);
      expect(size).toBe(symbolSize(version));
      for (const mask of [0, 5] as const) {
        const { modules } = create('MOTCUA', { version, errorCorrectionLevel: 'M', maskPattern: mask });
        const ours = base.slice();
        setFormatInfo(ours, size, formatBits(0b00, mask));
        const differ = [...reserved.keys()].filter((i) => reserved[i] && ours[i] !== modules.data[i]);
        expect(differ, `version ${version}, mask ${mask}`).toEqual([]);
      }
    }
  });

  it('leaves free the modules of table 1: the codewords and the remainder bits', () => {
    for (const [version, codewords, remainder] of [[1, 26, 0], [2, 44, 7], [7, 196, 0], [14, 581, 3], [21, 1156, 4], [28, 1921, 3], [40, 3706, 0]] as const) {
      const { reserved } = functionPatterns(version);
      const free = reserved.length - reserved.reduce((n, r) => n + r, 0);
      expect([free >> 3, free & 7], `version ${version}`).toEqual([codewords, remainder]);
    }
  });
});
