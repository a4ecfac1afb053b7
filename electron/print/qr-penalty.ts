/**
 * A QR symbol's modules as bit lines, 32 modules to a word (module i of a line is bit i & 31 of
 * word i >> 5), kept both as rows and as columns, so that the mask penalty looks at 32 modules
 * of a line at once instead of one module per step.
 */
export class BitLines {
  /** Words per line, one more than the modules need: that word stays 0, so a line can be read past its end. */
  readonly stride: number;
  readonly rows: Uint32Array;
  readonly cols: Uint32Array;

  constructor(readonly size: number) {
    this.stride = (size >> 5) + 2;
    this.rows = new Uint32Array(size * this.stride);
    this.cols = new Uint32Array(size * this.stride);
  }

  /** The lines of a module array (row by row, 1 for dark). */
  static of(data: Uint8Array, size: number): BitLines {
    const lines = new BitLines(size);
    const { stride, rows, cols } = lines;
    // Row by row, then column by column, 32 modules gathered into a word at a time.
    for (let line = 0; line < size; line++) {
      for (let i = 0; i < size; i += 32) {
        let row = 0;
        let col = 0;
        for (let k = Math.min(31, size - 1 - i); k >= 0; k--) {
          row = (row << 1) | data[line * size + i + k]!;
          col = (col << 1) | data[(i + k) * size + line]!;
        }
        rows[line * stride + (i >> 5)] = row;
        cols[line * stride + (i >> 5)] = col;
      }
    }
    return lines;
  }

  /** Sets these lines to a ^ b, module by module. */
  setXor(a: BitLines, b: BitLines): void {
    for (let i = 0; i < this.rows.length; i++) {
      this.rows[i] = a.rows[i]! ^ b.rows[i]!;
      this.cols[i] = a.cols[i]! ^ b.cols[i]!;
    }
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Per word of a line, the bits of the windows of `length` modules that start there and end inside the line. */
const windowStarts = new Map<string, Int32Array>();
function starts(size: number, stride: number, length: number): Int32Array {
  const key = `${size}/${length}`;
  let mask = windowStarts.get(key);
  if (!mask) {
    mask = new Int32Array(stride);
    for (let i = 0; i <= size - length; i++) mask[i >> 5]! |= 1 << (i & 31);
    windowStarts.set(key, mask);
  }
  return mask;
}

/** The module at position i + k for each bit i of word w: the line shifted down by k (k < 32). */
const ahead = (line: Uint32Array, at: number, k: number) => (k === 0 ? line[at]! : (line[at]! >>> k) | (line[at + 1]! << (32 - k)));

/**
 * Runs of five or more (N1: 3 + length − 5, counted as one point per window of five equal
 * modules and two more per run) and the 1:1:3:1:1 finder-like patterns with four light modules
 * on one side (N3: 40 each), along every line of `lines`.
 */
function linePenalty(lines: Uint32Array, size: number, stride: number): number {
  const five = starts(size, stride, 5);
  const eleven = starts(size, stride, 11);
  // The last window of five of a line always ends its run.
  const lastFive = size - 5;
  let windows = 0;
  let runs = 0;
  let finders = 0;
  for (let line = 0; line < size; line++) {
    const base = line * stride;
    for (let w = 0; w < stride - 1; w++) {
      const at = base + w;
      const x0 = lines[at]!;
      const x1 = ahead(lines, at, 1);
      const x2 = ahead(lines, at, 2);
      const x3 = ahead(lines, at, 3);
      const x4 = ahead(lines, at, 4);
      const x5 = ahead(lines, at, 5);
      const same5 = ~(x0 ^ x1) & ~(x1 ^ x2) & ~(x2 ^ x3) & ~(x3 ^ x4) & five[w]!;
      if (same5) {
        windows += popcount(same5);
        const end = (x4 ^ x5) | ((lastFive >> 5) === w ? 1 << (lastFive & 31) : 0);
        runs += popcount(same5 & end);
      }
      const x6 = ahead(lines, at, 6);
      // Dark, light, dark ×3, light, dark: the middle of both patterns (at i, or at i + 4).
      const core = x0 & ~x1 & x2 & x3 & x4 & ~x5 & x6;
      const x7 = ahead(lines, at, 7);
      const x8 = ahead(lines, at, 8);
      const x9 = ahead(lines, at, 9);
      const x10 = ahead(lines, at, 10);
      const lightAfter = core & ~(x7 | x8 | x9 | x10);
      const lightBefore = ~(x0 | x1 | x2 | x3) & x4 & ~x5 & x6 & x7 & x8 & ~x9 & x10;
      const found = (lightAfter | lightBefore) & eleven[w]!;
      if (found) finders += popcount(found);
    }
  }
  return windows + 2 * runs + 40 * finders;
}

/**
 * The mask penalty of ISO/IEC 18004 7.8.3 as the qrcode package scores it (weights 3, 3, 40, 10);
 * past `limit` the exact figure no longer matters, and it returns early.
 */
export function penalty(lines: BitLines, limit = Infinity): number {
  const { size, stride, rows } = lines;
  const pairs = starts(size, stride, 2);
  let dark = 0;
  let blocks = 0;
  for (let row = 0; row < size; row++) {
    const at = row * stride;
    for (let w = 0; w < stride - 1; w++) {
      const a = rows[at + w]!;
      dark += popcount(a);
      if (row === size - 1) continue;
      const b = rows[at + stride + w]!;
      // 2×2 blocks of one colour: each row equal to its right neighbour, and the rows equal.
      const same = ~(a ^ ahead(rows, at + w, 1)) & ~(b ^ ahead(rows, at + stride + w, 1)) & ~(a ^ b) & pairs[w]!;
      if (same) blocks += popcount(same);
    }
  }
  let points = 3 * blocks + 10 * Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  points += linePenalty(rows, size, stride);
  if (points >= limit) return points;
  return points + linePenalty(lines.cols, size, stride);
}
