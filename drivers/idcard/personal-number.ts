import { PROVINCE_CODES } from './provinces';

export type Sex = 'male' | 'female';

export interface PersonalNumber {
  value: string;
  provinceCode: string;
  /** Null for a code outside the province table: the law also allows the code of the country where the birth was registered. */
  provinceName: string | null;
  sex: Sex;
  /** First year of the century the fourth digit stands for (1900, 2000, …). */
  century: number;
  /** Two digits, as written in the number. */
  yearDigits: string;
}

/** Why a number was refused, from the outermost check inwards. */
export type PersonalNumberProblem = 'format' | 'century-sex' | 'birth-year';

export type Parsed<T, P> = { ok: true; value: T } | { ok: false; problem: P };

/**
 * Reads the structure of a 12-digit personal number (Luật Căn cước 26/2023/QH15 and Nghị định
 * 70/2024/NĐ-CP, as its structure is published): 3 digits for the province, or the country, where the birth was registered, so a code
 * outside the 63-province table is not refused; 1 digit for century and sex
 * (0/1 = 20th century male/female, 2/3 = 21st, … up to 8/9 = 24th), 2 digits of the birth year,
 * 6 random digits. Spaces and dashes people type between groups are ignored.
 */
export function parsePersonalNumber(input: string): Parsed<PersonalNumber, PersonalNumberProblem> {
  const value = input.replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(value)) return { ok: false, problem: 'format' };
  const provinceCode = value.slice(0, 3);
  const provinceName = PROVINCE_CODES[provinceCode] ?? null;
  const code = Number(value[3]);
  return {
    ok: true,
    value: {
      value,
      provinceCode,
      provinceName,
      sex: code % 2 === 0 ? 'male' : 'female',
      century: 1900 + Math.floor(code / 2) * 100,
      yearDigits: value.slice(4, 6),
    },
  };
}

/** Checks that a parsed number agrees with a year of birth. */
export function checkBirthYear(pin: PersonalNumber, birthYear: number): PersonalNumberProblem | null {
  if (birthYear < pin.century || birthYear >= pin.century + 100) return 'century-sex';
  if (String(birthYear % 100).padStart(2, '0') !== pin.yearDigits) return 'birth-year';
  return null;
}
