/**
 * Citizen profiles, derived from (seed, personal number) alone: the simulator needs no citizen
 * table, yet the same number always has the same person, consistent with the number's sex,
 * century and birth year, and the same name in the cases that person filed.
 */
import { parsePersonalNumber } from '../../../drivers/idcard/personal-number';
import { PROVINCE_CODES } from '../../../drivers/idcard/provinces';
import { provinceNow } from '../../../electron/proactive/province-today';
import { makePrng, type Prng } from './prng';
import {
  FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, MARITAL_STATUSES,
  MIDDLE_NAMES_FEMALE, MIDDLE_NAMES_MALE, STREETS, WARDS,
} from './vietnamese-words';

export interface CitizenProfile {
  personalNumber: string;
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  address: string;
  maritalStatus: string;
  cardIssueDate: string;
}

/** Which profile fields each purpose may read (the data-minimisation rule the centre enforces). */
export const PURPOSE_FIELDS: Readonly<Record<string, readonly (keyof CitizenProfile)[]>> = {
  'id-card-renewal': ['fullName', 'birthDate', 'sex', 'cardIssueDate'],
  'birth-registration': ['fullName', 'address', 'maritalStatus'],
  'residence-confirmation': ['fullName', 'birthDate', 'address'],
};

const PROVINCES = Object.keys(PROVINCE_CODES);
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A valid 12-digit number: province, century/sex digit, two year digits, six random digits. */
export function makePersonalNumber(prng: Prng): string {
  const province = prng.pick(PROVINCES);
  const year = prng.int(1940, 2012);
  const female = prng.chance(0.5);
  const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (female ? 1 : 0);
  return `${province}${centuryDigit}${pad(year % 100)}${pad(prng.int(0, 999_999), 6)}`;
}

export function makeFullName(prng: Prng, sex: 'male' | 'female'): string {
  const middle = sex === 'male' ? prng.pick(MIDDLE_NAMES_MALE) : prng.pick(MIDDLE_NAMES_FEMALE);
  const given = sex === 'male' ? prng.pick(GIVEN_NAMES_MALE) : prng.pick(GIVEN_NAMES_FEMALE);
  return `${prng.pick(FAMILY_NAMES)} ${middle} ${given}`;
}

/** The six centrally-run cities since the merger of provinces (Nghị quyết 202/2025/QH15). */
const CITIES: readonly string[] = ['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ'];

/** An address in today's two levels (commune/ward/special zone, then province/city), never a pre-2025 province. */
export function makeAddress(prng: Prng, provinceCode: string): string {
  const house = prng.chance(0.3) ? `${prng.int(1, 200)}/${prng.int(1, 40)}` : String(prng.int(1, 450));
  const province = provinceNow(PROVINCE_CODES[provinceCode] ?? 'Hà Nội');
  const city = CITIES.includes(province)
    ? `Thành phố ${province}`
    : `Tỉnh ${province}`;
  return `Số ${house}, đường ${prng.pick(STREETS)}, ${prng.pick(WARDS)}, ${city}`;
}

/** The profile of a structurally valid number, or null when the number is not one. */
export function citizenProfile(seed: string, personalNumber: string): CitizenProfile | null {
  const parsed = parsePersonalNumber(personalNumber);
  if (!parsed.ok || parsed.value.value !== personalNumber) return null;
  const pin = parsed.value;
  const prng = makePrng(`${seed}|citizen|${personalNumber}`);
  // The name is drawn first, so citizenName() can stop there and still agree with the profile.
  const fullName = makeFullName(prng, pin.sex);
  const year = pin.century + Number(pin.yearDigits);
  const birthDate = `${year}-${pad(prng.int(1, 12))}-${pad(prng.int(1, 28))}`;
  const issueYear = Math.min(2025, Math.max(year + 14, prng.int(2016, 2025)));
  const adult = 2026 - year >= 18;
  return {
    personalNumber,
    fullName,
    birthDate,
    sex: pin.sex,
    address: makeAddress(prng, prng.chance(0.7) ? pin.provinceCode : prng.pick(PROVINCES)),
    maritalStatus: adult ? prng.pick(MARITAL_STATUSES) : 'Chưa kết hôn',
    cardIssueDate: `${issueYear}-${pad(prng.int(1, 12))}-${pad(prng.int(1, 28))}`,
  };
}

/** The profile's name alone, cheaply: the generator needs it for a million applicants. */
export function citizenName(seed: string, personalNumber: string): string {
  const sex = Number(personalNumber[3]) % 2 === 0 ? 'male' : 'female';
  return makeFullName(makePrng(`${seed}|citizen|${personalNumber}`), sex);
}

/** Only the fields the purpose allows; undefined for an unknown purpose. */
export function profileForPurpose(profile: CitizenProfile, purpose: string): Record<string, string> | undefined {
  if (!Object.hasOwn(PURPOSE_FIELDS, purpose)) return undefined;
  const fields = PURPOSE_FIELDS[purpose] ?? [];
  return Object.fromEntries(fields.map((f) => [f, profile[f]]));
}
