import type { CardIdentity, MrzResult, Warning } from './identity';
import { read, type MrzLayout, type Span } from './mrz-layout';
import { parsePersonalNumber } from './personal-number';
import { crossCheckPersonalNumber } from './pin-cross-check';

/*
 * The CCCD / Căn cước MRZ (TD1, document code ID, state VNM). Line 1 after the document number holds
 * the 12-digit personal number at positions 16–27, filler at 28–29 and the personal number's own check
 * digit at 30, e.g. `IDVNM0930470641001093047064<<2`; the document number is its last 9 digits.
 */
export const PERSONAL_NUMBER: Span = { line: 1, from: 16, to: 27 };
export const PERSONAL_NUMBER_CHECK: Span = { line: 1, from: 30, to: 30 };

/** Cards without expiry (holders aged 60 and over) print 99-12-31, which the 50-year rule would read as 1999. */
const NO_EXPIRY = '991231';
const NO_EXPIRY_DATE = '2099-12-31';

export function isVietnameseCccd(layout: MrzLayout, lines: readonly string[]): boolean {
  return layout.format === 'TD1' && read(lines, layout.documentCode) === 'ID' && read(lines, layout.issuingState) === 'VNM';
}

/** Fields of the Vietnamese card that hold only digits, so look-alike letters in them can be corrected. */
export function vietnameseNumericSpans(layout: MrzLayout): Span[] {
  return [layout.documentNumber, PERSONAL_NUMBER, PERSONAL_NUMBER_CHECK];
}

/** The century the personal number states, so the two-digit birth year need not be guessed. */
export function centuryFromPersonalNumber(lines: readonly string[]): number | undefined {
  const pin = parsePersonalNumber(read(lines, PERSONAL_NUMBER));
  return pin.ok ? pin.value.century : undefined;
}

export function vietnameseExpiryDate(yymmdd: string): string | undefined {
  return yymmdd === NO_EXPIRY ? NO_EXPIRY_DATE : undefined;
}

/** The citizen behind a checked Vietnamese MRZ, with the cross-checks against the personal number. */
export function vietnameseIdentity(mrz: MrzResult, lines: readonly string[]): { identity?: CardIdentity; warnings: Warning[] } {
  const personalNumber = read(lines, PERSONAL_NUMBER);
  if (!/^[0-9]{12}$/.test(personalNumber)) {
    return { warnings: [{ code: 'pin-structure', detail: 'no 12-digit personal number in the optional data' }] };
  }
  const sex = mrz.sex === 'unspecified' ? undefined : mrz.sex;
  const fullName = `${mrz.surname} ${mrz.givenNames}`.trim();
  const warnings = crossCheckPersonalNumber(personalNumber, mrz.birthDate, sex);
  if (personalNumber.slice(3) !== mrz.documentNumber) {
    warnings.push({ code: 'pin-structure', detail: 'the document number is not the last 9 digits of the personal number' });
  }
  const identity: CardIdentity = { personalNumber, birthDate: mrz.birthDate };
  if (fullName !== '') identity.fullName = fullName;
  if (sex !== undefined) identity.sex = sex;
  return { identity, warnings };
}
