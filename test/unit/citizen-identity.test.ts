import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../../drivers/idcard/provinces';
import { AppError, ERROR_MESSAGES, type CitizenQuery, type ErrorCode } from '../../electron/contract';
import { identify } from '../../electron/proactive/citizen-identity';
import { isoDate } from '../../electron/base/calendar-date';

const TODAY = isoDate('2026-11-23');
/** Letters only Vietnamese uses (tones and đ), to tell a Vietnamese message from an English one. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

function errorOf(query: CitizenQuery, today = TODAY): AppError {
  try {
    identify(query, today);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`identify accepted ${JSON.stringify(query)}`);
}

describe('identify: accepted identities', () => {
  it('the province is where the birth was registered, with the province it is part of since the 2025 merger', () => {
    expect(identify({ personalNumber: '002199012345', birthDate: '1999-05-01' }, TODAY).provinceName).toBe('Hà Giang (nay là Tuyên Quang)');
    expect(identify({ personalNumber: '080301000123', birthDate: '2001-11-24' }, TODAY).provinceName).toBe('Long An (nay là Tây Ninh)');
    expect(identify({ personalNumber: '001099012345', birthDate: '1999-05-01' }, TODAY).provinceName).toBe('Hà Nội');
  });

  it('returns the identity of a man born in Hà Nội in 1999', () => {
    expect(identify({ personalNumber: '001099012345', birthDate: '1999-05-01' }, TODAY)).toEqual({
      personalNumber: '001099012345',
      provinceCode: '001',
      provinceName: 'Hà Nội',
      sex: 'male',
      birthDate: '1999-05-01',
      age: 27,
    });
  });

  it('returns the identity of a woman born in Hồ Chí Minh City in 2001', () => {
    expect(identify({ personalNumber: '079301000123', birthDate: '2001-11-24' }, TODAY)).toEqual({
      personalNumber: '079301000123',
      provinceCode: '079',
      provinceName: 'Hồ Chí Minh',
      sex: 'female',
      birthDate: '2001-11-24',
      age: 24, // turns 25 tomorrow
    });
  });

  it('normalises a number typed with spaces or dashes', () => {
    expect(identify({ personalNumber: ' 001-099 012345 ', birthDate: '1999-05-01' }, TODAY).personalNumber).toBe('001099012345');
  });

  it('accepts a baby born today (age 0)', () => {
    expect(identify({ personalNumber: '001226000001', birthDate: TODAY }, TODAY).age).toBe(0);
  });

  it('accepts an issue date the day after birth and on today', () => {
    expect(() => identify({ personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: '1999-05-02' }, TODAY)).not.toThrow();
    expect(() => identify({ personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: TODAY }, TODAY)).not.toThrow();
  });
});

describe('identify: a code outside the province table', () => {
  // The first three digits name the province, or the country, where the birth was registered.
  it.each(['003', '099', '999'])('accepts code %s with no province name instead of refusing the citizen', (code) => {
    const identity = identify({ personalNumber: `${code}099012345`, birthDate: '1999-05-01' }, TODAY);
    expect(identity).toMatchObject({ provinceCode: code, provinceName: null, age: expect.any(Number) });
  });
});

describe('identify: refused identities', () => {
  const cases: Array<[string, CitizenQuery, ErrorCode, string[]]> = [
    ['11 digits', { personalNumber: '00109901234', birthDate: '1999-05-01' }, 'PIN_FORMAT', ['personalNumber']],
    ['a letter', { personalNumber: '00109901234x', birthDate: '1999-05-01' }, 'PIN_FORMAT', ['personalNumber']],
    ['1900s code (0) for a birth in 2009', { personalNumber: '001009012345', birthDate: '2009-05-01' }, 'PIN_CENTURY_SEX', ['personalNumber', 'birthDate']],
    ['2000s code for a birth in 1999', { personalNumber: '001299012345', birthDate: '1999-05-01' }, 'PIN_CENTURY_SEX', ['personalNumber', 'birthDate']],
    ['1900s code for a birth in 2001', { personalNumber: '079101000123', birthDate: '2001-11-24' }, 'PIN_CENTURY_SEX', ['personalNumber', 'birthDate']],
    ['year digits 98 for 1999', { personalNumber: '001098012345', birthDate: '1999-05-01' }, 'PIN_BIRTH_YEAR', ['personalNumber', 'birthDate']],
    ['birth date 2023-02-29', { personalNumber: '001223012345', birthDate: '2023-02-29' }, 'BIRTH_DATE_INVALID', ['birthDate']],
    ['birth date 1999-13-01', { personalNumber: '001099012345', birthDate: '1999-13-01' }, 'BIRTH_DATE_INVALID', ['birthDate']],
    ['birth date in dd/mm/yyyy', { personalNumber: '001099012345', birthDate: '01/05/1999' }, 'BIRTH_DATE_INVALID', ['birthDate']],
    ['birth date tomorrow', { personalNumber: '001226000001', birthDate: '2026-11-24' }, 'BIRTH_DATE_FUTURE', ['birthDate']],
    ['issue date on the birth date', { personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: '1999-05-01' }, 'ISSUE_DATE_INVALID', ['cardIssueDate']],
    ['issue date before birth', { personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: '1999-04-30' }, 'ISSUE_DATE_INVALID', ['cardIssueDate']],
    ['issue date tomorrow', { personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: '2026-11-24' }, 'ISSUE_DATE_INVALID', ['cardIssueDate']],
    ['issue date 2023-02-29', { personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: '2023-02-29' }, 'ISSUE_DATE_INVALID', ['cardIssueDate']],
    ['issue date garbage', { personalNumber: '001099012345', birthDate: '1999-05-01', cardIssueDate: 'yesterday' }, 'ISSUE_DATE_INVALID', ['cardIssueDate']],
  ];

  it.each(cases)('%s → %s on %j', (_label, query, code, fields) => {
    const error = errorOf(query);
    expect(error.data).toEqual({ code, message: ERROR_MESSAGES[code], fields });
  });

  it('names the outermost problem first: a bad number wins over a bad date', () => {
    expect(errorOf({ personalNumber: '12', birthDate: 'nonsense' }).data.code).toBe('PIN_FORMAT');
    expect(errorOf({ personalNumber: '001098012345', birthDate: 'nonsense' }).data.code).toBe('BIRTH_DATE_INVALID');
    expect(errorOf({ personalNumber: '001099012345', birthDate: '1999-02-30', cardIssueDate: 'x' }).data.code).toBe('BIRTH_DATE_INVALID');
  });

  it.each(cases)('the %s error carries a Vietnamese (with diacritics) and an English message', (_label, query) => {
    const { message } = errorOf(query).data;
    expect(message.vi).toMatch(VIETNAMESE);
    expect(message.en).not.toMatch(VIETNAMESE);
    expect(message.en).toMatch(/^[A-Z][\x20-\x7e]+\.$/);
    expect(message.vi).not.toBe(message.en);
  });

  it('never puts the typed number in the error', () => {
    const error = errorOf({ personalNumber: '003098012345', birthDate: '1999-05-01' });
    expect(JSON.stringify(error.data)).not.toContain('003098012345');
    expect(error.message).not.toContain('003098012345');
  });
});

describe('error catalogue', () => {
  it('every error has a Vietnamese message with diacritics and an English one', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(message.vi, code).toMatch(VIETNAMESE);
      expect(message.en, code).not.toMatch(VIETNAMESE);
      expect(message.en.length, code).toBeGreaterThan(10);
    }
  });
});

describe('identify: property', () => {
  it('either returns an identity agreeing with its input or throws an AppError, never anything else', () => {
    const codes = Object.keys(PROVINCE_CODES);
    const pin = fc.oneof(
      fc.string({ maxLength: 16 }),
      fc
        .tuple(fc.constantFrom(...codes, '003', '099'), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 99 }))
        .map(([p, c, y]) => `${p}${c}${String(y).padStart(2, '0')}000123`),
    );
    const date = fc.oneof(
      fc.date({ min: new Date('1890-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => isoDate(d.toISOString().slice(0, 10))),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(pin, date, fc.option(date, { nil: undefined }), (personalNumber, birthDate, cardIssueDate) => {
        let identity;
        try {
          identity = identify({ personalNumber, birthDate, cardIssueDate }, TODAY);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          return;
        }
        expect(identity.birthDate).toBe(birthDate);
        expect(birthDate <= TODAY).toBe(true);
        expect(identity.personalNumber).toMatch(/^\d{12}$/);
        expect(identity.personalNumber.slice(4, 6)).toBe(birthDate.slice(2, 4));
        expect(identity.age).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });
});
