import { describe, expect, it } from 'vitest';
import { nextLimit } from '../../electron/sync/central-client';

// How the batch size follows the link: it grows only where the wait for an answer is long beside its transfer.
describe('nextLimit', () => {
  it('keeps the limit on a near centre, however short the transfer', () => {
    expect(nextLimit(1000, 5, 1, 10_000)).toBe(1000);
    expect(nextLimit(1000, 120, 10, 10_000)).toBe(1000);
  });

  it('grows on a slow far link (300 ms to the first byte, a batch in 270 ms), at most fourfold a step, up to the maximum', () => {
    expect(nextLimit(1000, 340, 270, 10_000)).toBe(4000);
    expect(nextLimit(2000, 340, 1100, 10_000)).toBe(8000);
    expect(nextLimit(4000, 340, 2000, 20_000)).toBe(Math.ceil(4000 * ((16 * 340) / 2000)));
    expect(nextLimit(9000, 340, 2500, 10_000)).toBe(10_000);
  });

  it('stays once a batch takes sixteen times its wait, or at the maximum', () => {
    expect(nextLimit(8000, 340, 16 * 340, 10_000)).toBe(8000);
    expect(nextLimit(10_000, 340, 100, 10_000)).toBe(10_000);
  });
});
