/** The function patterns of a QR code version: what lies at fixed places whatever the text (ISO/IEC 18004, 6.3). */
export interface FunctionPatterns {
  size: number;
  /** Finders, separators, timing, alignment, version information and the dark module; 1 dark. */
  base: Uint8Array;
  /** 1 where a function pattern or the format information lies: the data and the mask leave these alone. */
  reserved: Uint8Array;
}

export const symbolSize = (version: number) => 17 + 4 * version;

/**
 * The rows (and columns) of the alignment patterns' centres (Annex E): 6, the last at size − 7,
 * evenly spaced between by an even step, any remainder going to the first gap; version 32 is the
 * table's one exception to that rule.
 */
export function alignmentCoordinates(version: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = symbolSize(version);
  const step = version === 32 ? 26 : Math.ceil((size - 13) / (2 * count - 2)) * 2;
  const coordinates = [6];
  for (let i = count - 2; i >= 0; i--) coordinates.push(size - 7 - i * step);
  return coordinates;
}

/** A value followed by its BCH remainder by the generator (7.9.1, Annex C and D). */
export function bchCode(value: number, dataBits: number, generator: number): number {
  const degree = Math.floor(Math.log2(generator));
  let rest = value << degree;
  for (let bit = dataBits + degree - 1; bit >= degree; bit--) if (rest & (1 << bit)) rest ^= generator << (bit - degree);
  return (value << degree) | rest;
}

/** The 18 bits of version information, from version 7 on: six bits of version, BCH(18,6) (7.10, Annex D). */
export const versionBits = (version: number) => bchCode(version, 6, 0x1f25);

/** The 15 bits of format information: level and mask, BCH(15,5), XOR 101010000010010 (7.9.1). */
export const formatBits = (levelBits: number, mask: number) => bchCode((levelBits << 3) | mask, 5, 0x537) ^ 0x5412;

/** Both copies of the format information (7.9.1, figure 25): bit i at its place beside each finder. */
export function setFormatInfo(modules: Uint8Array, size: number, bits: number): void {
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const down = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    modules[down * size + 8] = bit;
    const across = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 14 - i;
    modules[8 * size + across] = bit;
  }
}

/** The function patterns of a version, each module also marked reserved. */
export function functionPatterns(version: number): FunctionPatterns {
  const size = symbolSize(version);
  const base = new Uint8Array(size * size);
  const reserved = new Uint8Array(size * size);
  const set = (row: number, col: number, dark: boolean) => {
    base[row * size + col] = dark ? 1 : 0;
    reserved[row * size + col] = 1;
  };
  // Finders with their light separators, in three corners (6.3.3, 6.3.4).
  for (const [top, left] of [[0, 0], [size - 7, 0], [0, size - 7]] as const) {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        if (top + r < 0 || top + r >= size || left + c < 0 || left + c >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(top + r, left + c, ring !== 2 && ring !== 4);
      }
    }
  }
  // Timing: alternating modules along row and column 6, dark first (6.3.5).
  for (let i = 8; i < size - 8; i++) {
    set(i, 6, i % 2 === 0);
    set(6, i, i % 2 === 0);
  }
  // Alignment patterns at every pair of coordinates but those on the finders (6.3.6).
  const coordinates = alignmentCoordinates(version);
  const last = coordinates.length - 1;
  coordinates.forEach((row, i) =>
    coordinates.forEach((col, j) => {
      if ((i === 0 && (j === 0 || j === last)) || (i === last && j === 0)) return;
      for (let r = -2; r <= 2; r++) for (let c = -2; c <= 2; c++) set(row + r, col + c, Math.max(Math.abs(r), Math.abs(c)) !== 1);
    }),
  );
  // Version information, two 6 × 3 blocks beside the upper-right and lower-left finders (7.10).
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const [a, b] = [Math.floor(i / 3), (i % 3) + size - 11];
      const dark = ((bits >> i) & 1) === 1;
      set(a, b, dark);
      set(b, a, dark);
    }
  }
  // The format information's places (written with each mask), and the dark module beside them (7.9.1).
  const format = new Uint8Array(size * size);
  setFormatInfo(format, size, 0x7fff);
  format.forEach((bit, i) => (reserved[i] ||= bit));
  set(size - 8, 8, true);
  return { size, base, reserved };
}
