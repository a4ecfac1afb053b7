import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeProcedureCodes, encodeProcedureCodes, MAX_QR_PROCEDURES } from '../../electron/contract';

const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.-]{0,20}$/);

describe("a reminder slip's QR of procedure codes", () => {
  it('reads back the codes it was made of, without repeats, at most ten', () => {
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 15 }), (codes) => {
        const text = encodeProcedureCodes(codes)!;
        expect(decodeProcedureCodes(text)).toEqual([...new Set(codes)].slice(0, MAX_QR_PROCEDURES));
      }),
    );
  });

  it('any other text is not such a QR, and nothing throws', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const codes = decodeProcedureCodes(text);
        if (!text.trim().startsWith('MOTCUA-TT:')) expect(codes).toBeNull();
        else if (codes !== null) expect(codes.length).toBeLessThanOrEqual(MAX_QR_PROCEDURES);
      }),
    );
    expect(decodeProcedureCodes('MOTCUA-TT:')).toBeNull();
    expect(decodeProcedureCodes('MOTCUA-TT:CC.CAP-DOI,079199012345 Nguyễn')).toBeNull();
    expect(decodeProcedureCodes('MOTCUA-TT:CC.CAP-DOI,1.001193')).toEqual(['CC.CAP-DOI', '1.001193']);
    expect(encodeProcedureCodes([])).toBeNull();
  });
});
