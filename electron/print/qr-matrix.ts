import { unmaskedSymbol } from './qr-encode';
import { BitLines, penalty } from './qr-penalty';

/** The modules of a QR code, row by row, 1 for dark. */
export interface QrMatrix {
  size: number;
  data: Uint8Array;
}

/** Level M's two bits in the format information (ISO/IEC 18004, 7.9.1). */
const LEVEL_BITS = 0b00;

/** The eight data masks (ISO/IEC 18004, 7.8.2), of row i and column j. */
const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/**
 * The QR code of `text` in one byte-mode segment (the hand-off is base64url, which byte mode
 * carries anyway; qrcode's mode optimiser searches a graph over every character for nothing),
 * with the mask qrcode itself would choose. qrcode scores the eight masks through method calls
 * per module, a third of a dossier's time; here the symbol is unmasked once into bit lines, each
 * mask (with its format information) is one XOR of bit lines kept per symbol size, and the score,
 * qrcode's own rules (qr-penalty.ts), takes 32 modules at a time and gives up once it passes the
 * best so far. test/unit/qr-matrix.test.ts checks the result is qrcode's.
 */
export function qrMatrix(text: string): QrMatrix {
  const { size, data, reserved } = unmaskedSymbol(text);
  const masks = maskTables(size, reserved);
  const unmasked = BitLines.of(data, size);
  const candidate = new BitLines(size);
  let best = 0;
  let lowest = Infinity;
  masks.forEach((mask, i) => {
    candidate.setXor(unmasked, mask.lines);
    const score = penalty(candidate, lowest);
    if (score < lowest) {
      best = i;
      lowest = score;
    }
  });
  xor(data, masks[best]!.modules);
  return { size, data };
}

/**
 * Each mask as 1 where it flips a module, and where its format information differs from mask
 * 0's (which qrcode wrote): the function patterns, never masked, depend on the size alone.
 */
interface MaskTable {
  modules: Uint8Array;
  lines: BitLines;
}

const tables = new Map<number, MaskTable[]>();
function maskTables(size: number, reserved: Uint8Array): MaskTable[] {
  let masks = tables.get(size);
  if (!masks) {
    const formatOf = (mask: number) => {
      const format = new Uint8Array(size * size);
      setFormatInfo(format, size, mask);
      return format;
    };
    const format0 = formatOf(0);
    masks = MASKS.map((flips, mask) => {
      const modules = formatOf(mask);
      xor(modules, format0);
      for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (!reserved[row * size + col] && flips(row, col)) modules[row * size + col] = 1;
      return { modules, lines: BitLines.of(modules, size) };
    });
    tables.set(size, masks);
  }
  return masks;
}

function xor(data: Uint8Array, table: Uint8Array): void {
  for (let i = 0; i < data.length; i++) data[i]! ^= table[i]!;
}

/** The 15 format bits: level and mask, BCH(15,5) protected, XOR 101010000010010 (ISO/IEC 18004, 7.9). */
function formatBits(mask: number): number {
  const value = (LEVEL_BITS << 3) | mask;
  let rest = value << 10;
  for (let bit = 14; bit >= 10; bit--) if (rest & (1 << bit)) rest ^= 0x537 << (bit - 10);
  return ((value << 10) | rest) ^ 0x5412;
}

/** Both copies of the format information, where qrcode puts them (qrcode.js setupFormatInfo). */
function setFormatInfo(data: Uint8Array, size: number, mask: number): void {
  const bits = formatBits(mask);
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const down = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    data[down * size + 8] = bit;
    const across = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    data[8 * size + across] = bit;
  }
  data[(size - 8) * size + 8] = 1; // the dark module
}
