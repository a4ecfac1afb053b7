import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBirthYear, parsePersonalNumber, type PersonalNumber } from '../../drivers/idcard/personal-number';
import { PROVINCE_CODES } from '../../drivers/idcard/provinces';

const CODES = Object.keys(PROVINCE_CODES);

function parsed(input: string): PersonalNumber {
  const r = parsePersonalNumber(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got problem ${r.problem}`);
  return r.value;
}

/** The 4th digit for a birth year and sex, written from the rule (0/1 = 1900s, 2/3 = 2000s …). */
function centuryDigit(year: number, sex: 'male' | 'female'): number {
  return Math.floor((year - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
}

describe('province table', () => {
  it('holds the 63 province codes of Thông tư 07/2016, each three digits with a name', () => {
    expect(CODES).toHaveLength(63);
    expect(new Set(CODES).size).toBe(63);
    for (const code of CODES) {
      expect(code).toMatch(/^0\d\d$/);
      expect(PROVINCE_CODES[code]!.trim()).not.toBe('');
    }
  });

  it('names the well-known codes correctly', () => {
    expect(PROVINCE_CODES['001']).toBe('Hà Nội');
    expect(PROVINCE_CODES['031']).toBe('Hải Phòng');
    expect(PROVINCE_CODES['048']).toBe('Đà Nẵng');
    expect(PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    expect(PROVINCE_CODES['092']).toBe('Cần Thơ');
    expect(PROVINCE_CODES['096']).toBe('Cà Mau');
  });
});

describe('parsePersonalNumber: valid numbers', () => {
  it('reads 001099012345 as Hà Nội, male, born in the 1900s in a year ending 99', () => {
    expect(parsePersonalNumber('001099012345')).toEqual({
      ok: true,
      value: {
        value: '001099012345',
        provinceCode: '001',
        provinceName: 'Hà Nội',
        sex: 'male',
        century: 1900,
        yearDigits: '99',
      },
    });
  });

  it('reads 079301000123 as Hồ Chí Minh, female, born in the 2000s in a year ending 01', () => {
    expect(parsed('079301000123')).toEqual({
      value: '079301000123',
      provinceCode: '079',
      provinceName: 'Hồ Chí Minh',
      sex: 'female',
      century: 2000,
      yearDigits: '01',
    });
  });

  it.each([
    ['0', 'male', 1900],
    ['1', 'female', 1900],
    ['2', 'male', 2000],
    ['3', 'female', 2000],
    ['4', 'male', 2100],
    ['5', 'female', 2100],
    ['6', 'male', 2200],
    ['7', 'female', 2200],
    ['8', 'male', 2300],
    ['9', 'female', 2300],
  ] as const)('fourth digit %s means %s, century starting %i', (digit, sex, century) => {
    const pin = parsed(`001${digit}05123456`);
    expect(pin.sex).toBe(sex);
    expect(pin.century).toBe(century);
  });

  it.each([
    ['001 099 012345', 'spaces between groups'],
    ['001-099-012345', 'dashes between groups'],
    ['  001099012345  ', 'leading and trailing spaces'],
    ['001 - 099 - 012 345', 'mixed spaces and dashes'],
    ['001\t099\t012345', 'tabs'],
  ])('tolerates %j (%s) and returns the bare 12 digits', (input) => {
    expect(parsed(input).value).toBe('001099012345');
  });

  it('accepts every code of the province table', () => {
    for (const code of CODES) {
      const pin = parsed(`${code}099000001`);
      expect(pin.provinceCode).toBe(code);
      expect(pin.provinceName).toBe(PROVINCE_CODES[code]);
    }
  });
});

describe('parsePersonalNumber: refused numbers', () => {
  it.each([
    ['', 'empty'],
    ['00109901234', '11 digits'],
    ['0010990123456', '13 digits'],
    ['001099O12345', 'a letter O instead of a zero'],
    ['00109901234a', 'a trailing letter'],
    ['001.099.012345', 'dots as separators'],
    ['001_099_012345', 'underscores'],
    ['+001099012345', 'a plus sign'],
    ['００１０９９０１２３４５', 'full-width digits'],
    ['٠٠١٠٩٩٠١٢٣٤٥', 'Arabic-Indic digits'],
    ['   ', 'only spaces'],
    ['------------', 'only dashes'],
  ])('refuses %j (%s) as a format problem', (input) => {
    expect(parsePersonalNumber(input)).toEqual({ ok: false, problem: 'format' });
  });

  it.each(['000', '003', '005', '007', '099', '100', '999'])('accepts code %s outside the province table (a country of birth registration) with no province name', (code) => {
    expect(parsePersonalNumber(`${code}099012345`)).toMatchObject({ ok: true, value: { provinceCode: code, provinceName: null } });
  });

  it('names the province for every code in the table, and only for those', () => {
    for (let i = 0; i < 1000; i++) {
      const code = String(i).padStart(3, '0');
      const parsed = parsePersonalNumber(`${code}099012345`);
      expect(parsed.ok && parsed.value.provinceName).toBe(PROVINCE_CODES[code] ?? null);
    }
  });
});

describe('checkBirthYear', () => {
  it('accepts the matching year', () => {
    expect(checkBirthYear(parsed('001099012345'), 1999)).toBeNull();
    expect(checkBirthYear(parsed('079301000123'), 2001)).toBeNull();
    expect(checkBirthYear(parsed('001200000001'), 2000)).toBeNull();
    expect(checkBirthYear(parsed('001000000001'), 1900)).toBeNull();
  });

  it('reports a century mismatch when the year belongs to another century', () => {
    // 0 = born 1900–1999: a birth in 2099 has the right last digits but the wrong century.
    expect(checkBirthYear(parsed('001099012345'), 2099)).toBe('century-sex');
    expect(checkBirthYear(parsed('079301000123'), 1901)).toBe('century-sex');
    expect(checkBirthYear(parsed('001099012345'), 1899)).toBe('century-sex');
  });

  it('treats the century boundaries exactly (1999 is the 1900s, 2000 is the 2000s)', () => {
    expect(checkBirthYear(parsed('001099000001'), 1999)).toBeNull();
    expect(checkBirthYear(parsed('001299000001'), 1999)).toBe('century-sex');
    expect(checkBirthYear(parsed('001200000001'), 2000)).toBeNull();
    expect(checkBirthYear(parsed('001000000001'), 2000)).toBe('century-sex');
  });

  it('reports a year mismatch when the last two digits differ', () => {
    expect(checkBirthYear(parsed('001099012345'), 1998)).toBe('birth-year');
    expect(checkBirthYear(parsed('079301000123'), 2010)).toBe('birth-year');
    // single-digit years must be compared zero-padded: 2001 is "01", not "1"
    expect(checkBirthYear(parsed('079310000123'), 2001)).toBe('birth-year');
  });
});

describe('parsePersonalNumber / checkBirthYear properties', () => {
  it('never throws, whatever the string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        parsePersonalNumber(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('only accepts strings that are exactly 12 ASCII digits once spaces and dashes are removed', () => {
    const isSeparator = (ch: string) => ch === '-' || ch.trim() === '';
    const nearlyNumbers = fc
      .array(fc.constantFrom('0', '0', '1', '7', '9', ' ', '-', 'a', '.', '\u00a0', '５'), { minLength: 8, maxLength: 18 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.oneof(nearlyNumbers, fc.string({ unit: 'binary', maxLength: 20 })), (s) => {
        const r = parsePersonalNumber(s);
        if (!r.ok) return;
        const kept = [...s].filter((ch) => !isSeparator(ch)).join('');
        expect(kept).toMatch(/^[0-9]{12}$/);
        expect(r.value.value).toBe(kept);
      }),
      { numRuns: 3000 },
    );
  });

  it('parses every well-formed number and agrees with its own birth year', () => {
    const validNumber = fc.record({
      province: fc.constantFrom(...CODES),
      year: fc.integer({ min: 1900, max: 2399 }),
      sex: fc.constantFrom('male' as const, 'female' as const),
      serial: fc.stringMatching(/^[0-9]{6}$/),
      sep: fc.constantFrom('', ' ', '-'),
    });
    fc.assert(
      fc.property(validNumber, ({ province, year, sex, serial, sep }) => {
        const yy = String(year % 100).padStart(2, '0');
        const digits = `${province}${centuryDigit(year, sex)}${yy}${serial}`;
        const r = parsePersonalNumber([province, `${centuryDigit(year, sex)}${yy}`, serial].join(sep));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toEqual({
          value: digits,
          provinceCode: province,
          provinceName: PROVINCE_CODES[province],
          sex,
          century: year - (year % 100),
          yearDigits: yy,
        });
        expect(checkBirthYear(r.value, year)).toBeNull();
        expect(checkBirthYear(r.value, year + 100)).toBe('century-sex');
        expect(checkBirthYear(r.value, year - 100)).toBe('century-sex');
        if (year % 100 !== 99) expect(checkBirthYear(r.value, year + 1)).toBe('birth-year');
      }),
      { numRuns: 2000 },
    );
  });
});
