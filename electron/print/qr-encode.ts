import { functionPatterns } from './qr-layout';

/** A symbol before masking: its modules (1 dark; the format information left light), and which are function patterns. */
export interface UnmaskedSymbol {
  size: number;
  data: Uint8Array;
  reserved: Uint8Array;
}

/** What a version looks like at level M, the same for every text of that version. */
interface Layout {
  size: number;
  /** The function patterns (finders, timing, alignment, version information); data and format modules 0. */
  base: Uint8Array;
  reserved: Uint8Array;
  /** The data modules in the order the codewords' bits fill them (ISO/IEC 18004, 7.7.3). */
  order: Int32Array;
  dataCodewords: number;
  blocks: number;
  ecPerBlock: number;
}

/** Level M's error correction blocks, by version (ISO/IEC 18004, table 9). */
const BLOCKS_M = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
/** Level M's error correction codewords per block, by version (the same table). */
const EC_PER_BLOCK_M = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, ...Array<number>(19).fill(28)];

/** Mode (4 bits) and character count (8 bits up to version 9, then 16). */
const headerBits = (version: number) => 4 + (version < 10 ? 8 : 16);

/** The smallest version whose data codewords hold the text's bytes in byte mode. */
function versionFor(bytes: number): number {
  for (let version = 1; version <= 40; version++) if (headerBits(version) + 8 * bytes <= 8 * layoutOf(version).dataCodewords) return version;
  throw new Error('QR: the text does not fit one code');
}

const layouts = new Map<number, Layout>();
/**
 * A version's layout, made once: its function patterns (qr-layout.ts) and the zig-zag walk over
 * the modules left free, two columns at a time from the lower right, up then down (7.7.3).
 */
function layoutOf(version: number): Layout {
  let layout = layouts.get(version);
  if (layout) return layout;
  const { size, base, reserved } = functionPatterns(version);
  const order: number[] = [];
  let row = size - 1;
  let step = -1;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--; // the vertical timing pattern
    for (;;) {
      for (const c of [col, col - 1]) if (!reserved[row * size + c]) order.push(row * size + c);
      row += step;
      if (row < 0 || row >= size) {
        row -= step;
        step = -step;
        break;
      }
    }
  }
  // The codewords fill the free modules; the few left over (remainder bits, 7.7.3) stay light.
  const blocks = BLOCKS_M[version - 1]!;
  const ecPerBlock = EC_PER_BLOCK_M[version - 1]!;
  const dataCodewords = (order.length >> 3) - blocks * ecPerBlock;
  layout = { size, base, reserved, order: Int32Array.from(order), dataCodewords, blocks, ecPerBlock };
  layouts.set(version, layout);
  return layout;
}

/** GF(2⁸) with the QR code's polynomial x⁸ + x⁴ + x³ + x² + 1, by logarithms. */
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = EXP[i + 255] = x;
  LOG[x] = i;
  x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
}

/**
 * The Reed-Solomon generator ∏ (x − αⁱ), i < degree, highest power first without its leading 1,
 * multiplied by every byte: row f holds f × generator, four coefficients to a 32-bit word (the
 * first in the top byte), so that a division step shifts and XORs a few words.
 */
const generators = new Map<number, Uint32Array>();
function generatorTimes(degree: number): Uint32Array {
  let table = generators.get(degree);
  if (!table) {
    let poly = [1];
    for (let i = 0; i < degree; i++) {
      const next = [...poly, 0];
      for (let j = 0; j < poly.length; j++) if (poly[j]) next[j + 1]! ^= EXP[LOG[poly[j]!]! + i]!;
      poly = next;
    }
    const words = (degree + 3) >> 2;
    table = new Uint32Array(256 * words);
    for (let f = 1; f < 256; f++) {
      for (let i = 0; i < degree; i++) if (poly[i + 1]) table[f * words + (i >> 2)]! |= EXP[LOG[f]! + LOG[poly[i + 1]!]!]! << (24 - 8 * (i & 3));
    }
    generators.set(degree, table);
  }
  return table;
}

/** The error correction codewords of a block: the remainder of its division by the generator. */
function errorCorrection(data: Uint8Array, degree: number): Uint8Array {
  const times = generatorTimes(degree);
  const words = (degree + 3) >> 2;
  const rest = new Uint32Array(words);
  for (let j = 0; j < data.length; j++) {
    // Shift the remainder by one codeword while adding factor × generator.
    const row = (data[j]! ^ (rest[0]! >>> 24)) * words;
    for (let i = 0; i < words - 1; i++) rest[i] = ((rest[i]! << 8) | (rest[i + 1]! >>> 24)) ^ times[row + i]!;
    rest[words - 1] = (rest[words - 1]! << 8) ^ times[row + words - 1]!;
  }
  return Uint8Array.from({ length: degree }, (_, k) => rest[k >> 2]! >>> (24 - 8 * (k & 3)));
}

/** Byte mode header, the text, the terminator and the pad bytes 0xEC 0x11 (7.4.10). */
function dataCodewords(text: Uint8Array, version: number, count: number): Uint8Array {
  const out = new Uint8Array(count);
  let at = 0;
  // Bits not yet written, the last `pending` of `held`.
  let held = 0;
  let pending = 0;
  const put = (value: number, length: number) => {
    held = ((held << length) | value) & 0xffffff;
    pending += length;
    while (pending >= 8) out[at++] = (held >>> (pending -= 8)) & 0xff;
  };
  put(0b0100, 4);
  put(text.length, headerBits(version) - 4);
  for (const byte of text) put(byte, 8);
  // The terminator, four 0 bits: there is always room, as the header leaves the text 4 bits past a byte.
  put(0, 4);
  for (let i = 0; at < count; i++) out[at++] = i % 2 ? 0x11 : 0xec;
  return out;
}

/**
 * The unmasked symbol of `text` in one byte-mode segment at level M: codewords split into blocks, each with its Reed-Solomon codewords, interleaved
 * (7.6), and set along the layout's walk. The qrcode package does the same through a bit buffer,
 * polynomial objects and a method call per module; this takes a tenth of the time.
 */
export function unmaskedSymbol(text: string): UnmaskedSymbol {
  const bytes = Buffer.from(text);
  const version = versionFor(bytes.length);
  const { size, base, reserved, order, dataCodewords: count, blocks, ecPerBlock } = layoutOf(version);
  const data = dataCodewords(bytes, version, count);
  // Blocks of the first group are one codeword shorter than those of the second (7.5.2).
  const shortBlock = Math.floor(count / blocks);
  const longBlocks = count % blocks;
  const split: Uint8Array[] = [];
  const corrections: Uint8Array[] = [];
  for (let b = 0, at = 0; b < blocks; b++) {
    const length = shortBlock + (b >= blocks - longBlocks ? 1 : 0);
    split.push(data.subarray(at, (at += length)));
    corrections.push(errorCorrection(split[b]!, ecPerBlock));
  }
  const codewords = new Uint8Array(count + blocks * ecPerBlock);
  let next = 0;
  for (let i = 0; i <= shortBlock; i++) for (const block of split) if (i < block.length) codewords[next++] = block[i]!;
  for (let i = 0; i < ecPerBlock; i++) for (const block of corrections) codewords[next++] = block[i]!;

  const modules = base.slice();
  const bits = Math.min(order.length, 8 * codewords.length);
  for (let k = 0; k < bits; k++) modules[order[k]!] = (codewords[k >> 3]! >> (7 - (k & 7))) & 1;
  return { size, data: modules, reserved };
}
