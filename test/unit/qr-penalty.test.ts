import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { BitLines, penalty } from '../../electron/print/qr-penalty';

type QrSymbol = { size: number; data: Uint8Array; get(row: number, col: number): number };
const maskPattern = createRequire(import.meta.url)('qrcode/lib/core/mask-pattern') as Record<`getPenaltyN${1 | 2 | 3 | 4}`, (data: QrSymbol) => number>;

/** qrcode's own score of a symbol (mask-pattern.js, the four rules as getBestMask adds them). */
function theirs(size: number, data: Uint8Array): number {
  const symbol: QrSymbol = { size, data, get: (row, col) => data[row * size + col]! };
  return maskPattern.getPenaltyN1(symbol) + maskPattern.getPenaltyN2(symbol) + maskPattern.getPenaltyN3(symbol) + maskPattern.getPenaltyN4(symbol);
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
  it('is qrcode’s score for symbols of every size, random or patterned', () => {
    for (let version = 1; version <= 40; version += 3) {
      const size = 17 + 4 * version;
      for (const [name, modules] of [
        ['random', randomModules(size, version, 0.5)],
        ['mostly dark', randomModules(size, version + 99, 0.8)],
        ['mostly light', randomModules(size, version + 7, 0.15)],
        ['striped', striped(size, 5 + (version % 7))],
      ] as const) {
        expect(penalty(BitLines.of(modules, size)), `${name}, ${size} modules`).toBe(theirs(size, modules));
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
