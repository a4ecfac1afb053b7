import { create } from 'qrcode';

/** The modules of a QR code, row by row, 1 for dark. */
export interface QrMatrix {
  size: number;
  data: Uint8Array;
}

/** Error correction M: a printed page survives a fold or a smudge; H would need a larger code. */
const LEVEL = 'M';
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
 * per module, a third of a dossier's time; here each mask is one XOR with a table kept per symbol
 * size, and the score is qrcode's own rules (mask-pattern.js) on the bare array, given up once
 * it passes the best so far. test/unit/qr-matrix.test.ts checks the result is qrcode's.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create([{ data: Buffer.from(text), mode: 'byte' }], { errorCorrectionLevel: LEVEL, maskPattern: 0 });
  const { size } = modules;
  const masks = maskTables(size, (modules as unknown as { reservedBit: Uint8Array }).reservedBit);
  const unmasked = Uint8Array.from(modules.data);
  xor(unmasked, masks[0]!);
  let best = unmasked;
  let lowest = Infinity;
  masks.forEach((table, mask) => {
    const candidate = unmasked.slice();
    xor(candidate, table);
    setFormatInfo(candidate, size, mask);
    const score = penalty(candidate, size, lowest);
    if (score < lowest) {
      best = candidate;
      lowest = score;
    }
  });
  return { size, data: best };
}

/** Each mask as 1 where it flips a module; the function patterns, never masked, depend on the size alone. */
const tables = new Map<number, Uint8Array[]>();
function maskTables(size: number, reserved: Uint8Array): Uint8Array[] {
  let masks = tables.get(size);
  if (!masks) {
    masks = MASKS.map((flips) => {
      const table = new Uint8Array(size * size);
      for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) table[row * size + col] = !reserved[row * size + col] && flips(row, col) ? 1 : 0;
      return table;
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

/** Runs of five or more (N1: 3 + length − 5) and 1:1:3:1:1 finder-like patterns (N3: 40) along every row, or every column. */
function linePenalty(data: Uint8Array, size: number, stride: number, step: number): number {
  let points = 0;
  for (let line = 0; line < size; line++) {
    let at = line * stride;
    let last = -1;
    let run = 0;
    let bits = 0;
    for (let i = 0; i < size; i++, at += step) {
      const module = data[at]!;
      if (module === last) run++;
      else {
        if (run >= 5) points += run - 2;
        last = module;
        run = 1;
      }
      bits = ((bits << 1) & 0x7ff) | module;
      if (i >= 10 && (bits === 0x5d0 || bits === 0x05d)) points += 40;
    }
    if (run >= 5) points += run - 2;
  }
  return points;
}

/**
 * qrcode's penalty (mask-pattern.js getPenaltyN1–N4, weights 3, 3, 40, 10); past `limit` the
 * exact figure no longer matters, and it returns early.
 */
function penalty(data: Uint8Array, size: number, limit: number): number {
  let dark = 0;
  let blocks = 0;
  for (let row = 0; row < size; row++) {
    const at = row * size;
    for (let col = 0; col < size; col++) {
      dark += data[at + col]!;
      if (row < size - 1 && col < size - 1) {
        const block = data[at + col]! + data[at + col + 1]! + data[at + size + col]! + data[at + size + col + 1]!;
        if (block === 0 || block === 4) blocks++;
      }
    }
  }
  let points = 3 * blocks + 10 * Math.abs(Math.ceil((dark * 100) / data.length / 5) - 10);
  points += linePenalty(data, size, size, 1);
  if (points >= limit) return points;
  return points + linePenalty(data, size, 1, size);
}
