import { describe, expect, it } from 'vitest';
import { BitLines, penalty } from '../../electron/print/qr-penalty';

/**
 * The four rules of ISO/IEC 18004 7.8.3, one module at a time, as the qrcode package scores them
 * (its mask choice, checked in qr-matrix.test.ts, rests on this reading): runs of five or more
 * (3 + the excess), 2 × 2 blocks (3 each), 1:1:3:1:1 beside four light modules in an 11-module
 * window (40 each), and 10 per 5 % step of dark share away from half (rounded up first).
 */
function reference(size: number, data: Uint8Array): number {
  const at = (row: number, col: number) => data[row * size + col]!;
  let points = 0;
  for (const get of [at, (row: number, col: number) => at(col, row)]) {
    for (let line = 0; line < size; line++) {
      let run = 1;
      let window = 0;
      for (let i = 0; i < size; i++) {
        if (i > 0 && get(line, i) === get(line, i - 1)) run++;
        else {
          if (run >= 5) points += 3 + run - 5;
          run = 1;
        }
        window = ((window << 1) & 0x7ff) | get(line, i);
        if (i >= 10 && (window === 0b10111010000 || window === 0b00001011101)) points += 40;
      }
      if (run >= 5) points += 3 + run - 5;
    }
  }
  for (let row = 0; row < size - 1; row++) {
    for (let col = 0; col < size - 1; col++) {
      const sum = at(row, col) + at(row, col + 1) + at(row + 1, col) + at(row + 1, col + 1);
      if (sum === 0 || sum === 4) points += 3;
    }
  }
  const dark = data.reduce((n, m) => n + m, 0);
  return points + 10 * Math.abs(Math.ceil((dark * 100) / data.length / 5) - 10);
}

function randomModules(size: number, seed: number, darkShare: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length: size * size }, () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 < darkShare ? 1 : 0));
}

/** Long runs, finder-like patterns and blocks in every direction and across word boundaries. */
function striped(size: number, period: number): Uint8Array {
  const finder = [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0];
  return Uint8Array.from({ length: size * size }, (_, i) => {
    const [row, col] = [Math.floor(i / size), i % size];
    return row % period === 0 ? finder[col % finder.length]! : col % period === 0 ? finder[(finder.length - 1 - (row % finder.length))]! : (row >> 2) & 1;
  });
}

describe('the QR mask penalty on bit lines', () => {
  it('is the standard’s score for symbols of every size, random or patterned', () => {
    for (let version = 1; version <= 40; version += 3) {
      const size = 17 + 4 * version;
      for (const [name, modules] of [
        ['random', randomModules(size, version, 0.5)],
        ['mostly dark', randomModules(size, version + 99, 0.8)],
        ['mostly light', randomModules(size, version + 7, 0.15)],
        ['striped', striped(size, 5 + (version % 7))],
      ] as const) {
        expect(penalty(BitLines.of(modules, size)), `${name}, ${size} modules`).toBe(reference(size, modules));
      }
    }
  });

  it('stops early, above the limit, once the rows alone pass it', () => {
    const size = 57;
    const modules = randomModules(size, 3, 0.5);
    const full = penalty(BitLines.of(modules, size));
    const cut = penalty(BitLines.of(modules, size), 10);
    expect(cut).toBeGreaterThanOrEqual(10);
    expect(cut).toBeLessThan(full);
  });
});
