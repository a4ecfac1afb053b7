import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../renderer/components/format-date';

describe('instants on the counter and console screens', () => {
  it('read as in Vietnam, day first, on the 24-hour clock, whatever the machine', () => {
    expect(formatInstant('2026-10-31T10:05:00Z')).toBe('31/10/2026 17:05');
    expect(formatInstant('2026-12-31T17:30:00Z')).toBe('01/01/2027 00:30');
  });
});
