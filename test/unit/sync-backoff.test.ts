import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../electron/sync/backoff';

describe('backoff after failed pulls', () => {
  it('doubles per failure from 1 s, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, null, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map((n) => backoffMs(n, null, () => 0))).toEqual([500, 1000, 2000, 4000]);
  });

  it('stops growing at five minutes', () => {
    expect(backoffMs(30, null, () => 1)).toBe(300_000);
  });

  it('never comes back before the Retry-After the centre asked for', () => {
    expect(backoffMs(1, 120, () => 1)).toBe(120_000);
    expect(backoffMs(12, 1, () => 1)).toBe(300_000);
  });
});
