import { isoDay } from './calendar-day';
import type { CardIdentity, DecodeProblem, Warning } from './identity';
import type { Sex } from './personal-number';
import { crossCheckPersonalNumber } from './pin-cross-check';
import { scanTextProblem } from './scan-limits';

export type CccdQrOutcome = { ok: true; identity: CardIdentity; warnings: Warning[] } | { ok: false; problem: DecodeProblem };

/** Fields of the QR on the CCCD / Căn cước, in order; later cards may append more, which are ignored. */
const FIELD_COUNT = 7;

const SEX_WORDS: ReadonlyMap<string, Sex> = new Map([
  ['nam', 'male'],
  ['nữ', 'female'],
]);

/** Vietnamese text arrives NFC or NFD depending on the reader; one form makes names comparable. */
const cleanText = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

function dayFromDdmmyyyy(text: string): string | null {
  if (!/^[0-9]{8}$/.test(text)) return null;
  return isoDay(Number(text.slice(4, 8)), Number(text.slice(2, 4)), Number(text.slice(0, 2)));
}

/**
 * Reads the QR of a chip-based CCCD: personal number | old ID number | full name | birth date ddmmyyyy |
 * sex (Nam/Nữ) | address | issue date ddmmyyyy. `today` is the current day in Vietnam, YYYY-MM-DD.
 * Name, sex and address may be empty: a scanner in keyboard mode cannot type Vietnamese letters, and
 * the central profile supplies them then.
 */
export function parseCccdQr(text: string, today: string): CccdQrOutcome {
  const limit = scanTextProblem(text);
  if (limit !== null) return { ok: false, problem: limit };
  const fields = text.split('|').map((field) => field.trim());
  if (fields.length < FIELD_COUNT) return { ok: false, problem: 'qr-field-count' };
  const [personalNumber, oldIdNumber, name, birth, sexWord, address, issue] = fields as [
    string, string, string, string, string, string, string,
  ];

  // The old CMND has 9 digits, or 12 for those issued 2012–2016 (Thông tư 27/2012/TT-BCA).
  if (!/^[0-9]{12}$/.test(personalNumber) || !/^([0-9]{9}|[0-9]{12})?$/.test(oldIdNumber)) {
    return { ok: false, problem: 'qr-bad-number' };
  }
  const birthDate = dayFromDdmmyyyy(birth);
  const issueDate = dayFromDdmmyyyy(issue);
  if (birthDate === null || issueDate === null || birthDate > today || issueDate < birthDate || issueDate > today) {
    return { ok: false, problem: 'qr-bad-date' };
  }
  const sex = SEX_WORDS.get(cleanText(sexWord).toLowerCase());
  if (sexWord !== '' && sex === undefined) return { ok: false, problem: 'qr-bad-sex' };

  const identity: CardIdentity = { personalNumber, birthDate, issueDate };
  if (oldIdNumber !== '') identity.oldIdNumber = oldIdNumber;
  if (cleanText(name) !== '') identity.fullName = cleanText(name);
  if (sex !== undefined) identity.sex = sex;
  if (cleanText(address) !== '') identity.address = cleanText(address);
  return { ok: true, identity, warnings: crossCheckPersonalNumber(personalNumber, birthDate, sex) };
}
