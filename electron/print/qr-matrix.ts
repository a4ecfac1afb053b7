import { unmaskedSymbol } from './qr-encode';
import { formatBits, setFormatInfo } from './qr-layout';
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
 * carries anyway; the qrcode package's mode optimiser searches a graph over every character for
 * nothing), with the mask qrcode would choose. qrcode scores the eight masks through method calls
 * per module, a third of a dossier's time; here the symbol is unmasked once into bit lines, each
 * mask (with its format information) is one XOR of bit lines kept per symbol size, and the score
 * (qr-penalty.ts) takes 32 modules at a time and gives up once it passes the best so far.
 * test/unit/qr-matrix.test.ts checks the result is the code qrcode's public create() makes.
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
 * Each mask as 1 where it flips a module, and where its format information is dark (the
 * unmasked symbol leaves it light): the function patterns, never masked, depend on the size alone.
 */
interface MaskTable {
  modules: Uint8Array;
  lines: BitLines;
}

const tables = new Map<number, MaskTable[]>();
function maskTables(size: number, reserved: Uint8Array): MaskTable[] {
  let masks = tables.get(size);
  if (!masks) {
    masks = MASKS.map((flips, mask) => {
      const modules = new Uint8Array(size * size);
      setFormatInfo(modules, size, formatBits(LEVEL_BITS, mask));
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
