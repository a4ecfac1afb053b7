import { checkDigitMatches } from './icao-check-digit';
import type { CardIdentity, DecodeProblem, MrzChecks, MrzResult, Warning } from './identity';
import { birthDateFromMrz, expiryDateFromMrz } from './mrz-dates';
import { layoutFor, mrzLines, read, type MrzLayout } from './mrz-layout';
import { correctDigits } from './mrz-ocr';
import {
  PERSONAL_NUMBER,
  PERSONAL_NUMBER_CHECK,
  centuryFromPersonalNumber,
  isVietnameseCccd,
  vietnameseExpiryDate,
  vietnameseIdentity,
  vietnameseNumericSpans,
} from './mrz-vietnam';
import { scanTextProblem } from './scan-limits';

export type MrzOutcome =
  | { ok: true; mrz: MrzResult; identity?: CardIdentity; warnings: Warning[] }
  | { ok: false; problem: DecodeProblem; mrz?: MrzResult };

const SEX: Readonly<Record<string, MrzResult['sex']>> = { M: 'male', F: 'female', '<': 'unspecified' };

const withoutFiller = (field: string): string => field.replace(/<+$/, '');

/** Surname, then '<<', then given names; a single '<' stands for a space inside either. */
function names(field: string): { surname: string; givenNames: string } {
  const split = field.indexOf('<<');
  const words = (part: string) => part.replace(/<+/g, ' ').trim();
  if (split < 0) return { surname: words(field), givenNames: '' };
  return { surname: words(field.slice(0, split)), givenNames: words(field.slice(split + 2)) };
}

/**
 * Doc 9303 Parts 5–6: a document number over 9 characters puts '<' where its check digit would be and
 * continues in the first optional data field, ending with its check digit and a '<'.
 */
function documentNumberOf(layout: MrzLayout, lines: readonly string[]): { number: string; check: string; optionalData: string } {
  const head = read(lines, layout.documentNumber);
  const check = read(lines, layout.documentNumberCheck);
  const [first, ...others] = layout.optionalData.map((span) => read(lines, span));
  const firstOptional = first ?? '';
  const tailEnd = firstOptional.indexOf('<');
  if (layout.documentNumberMayOverflow && check === '<' && tailEnd >= 1) {
    return {
      number: head + firstOptional.slice(0, tailEnd - 1),
      check: firstOptional[tailEnd - 1]!,
      optionalData: withoutFiller([firstOptional.slice(tailEnd + 1), ...others].join('')),
    };
  }
  return { number: head, check, optionalData: withoutFiller([firstOptional, ...others].join('')) };
}

function optionalDataCheck(layout: MrzLayout, lines: readonly string[]): boolean | undefined {
  if (layout.optionalDataCheck === undefined) return undefined;
  const field = read(lines, layout.optionalData[0]!);
  const digit = read(lines, layout.optionalDataCheck);
  // Part 4: with no optional data the check digit may be '<' as well as 0.
  return checkDigitMatches(field, digit) || (digit === '<' && /^<*$/.test(field));
}

/**
 * Reads an ICAO 9303 machine-readable zone (TD1, TD2 or TD3), verifying every check digit. A failed
 * check digit refuses the scan but still returns what was read, so the counter can see which field failed.
 * `today` is the current day in Vietnam, YYYY-MM-DD, for resolving two-digit years.
 */
export function parseMrz(text: string, today: string): MrzOutcome {
  const limit = scanTextProblem(text);
  if (limit !== null) return { ok: false, problem: limit };
  const raw = mrzLines(text);
  const layout = layoutFor(raw);
  if (layout === undefined) return { ok: false, problem: 'mrz-shape' };
  if (!raw.every((line) => /^[A-Z0-9<]+$/.test(line))) return { ok: false, problem: 'mrz-bad-characters' };

  const vietnamese = isVietnameseCccd(layout, raw);
  const numericSpans = [
    layout.documentNumberCheck,
    layout.birthDate,
    layout.birthDateCheck,
    layout.expiryDate,
    layout.expiryDateCheck,
    layout.composite,
    ...(layout.optionalDataCheck ? [layout.optionalDataCheck] : []),
    ...(vietnamese ? vietnameseNumericSpans(layout) : []),
  ];
  const { lines, warnings } = correctDigits(raw, numericSpans);

  const sex = SEX[read(lines, layout.sex)];
  if (sex === undefined) return { ok: false, problem: 'mrz-bad-sex' };
  const birthField = read(lines, layout.birthDate);
  const expiryField = read(lines, layout.expiryDate);
  const birthDate = birthDateFromMrz(birthField, today, vietnamese ? centuryFromPersonalNumber(lines) : undefined);
  const expiryDate = (vietnamese ? vietnameseExpiryDate(expiryField) : undefined) ?? expiryDateFromMrz(expiryField, today);
  if (birthDate === null || expiryDate === null) return { ok: false, problem: 'mrz-bad-date' };

  const document = documentNumberOf(layout, lines);
  const personalNumberCheck = vietnamese
    ? checkDigitMatches(read(lines, PERSONAL_NUMBER), read(lines, PERSONAL_NUMBER_CHECK))
    : optionalDataCheck(layout, lines);
  const checks: MrzChecks = {
    documentNumber: checkDigitMatches(document.number, document.check),
    birthDate: checkDigitMatches(birthField, read(lines, layout.birthDateCheck)),
    expiryDate: checkDigitMatches(expiryField, read(lines, layout.expiryDateCheck)),
    composite: checkDigitMatches(layout.compositeCovers.map((span) => read(lines, span)).join(''), read(lines, layout.composite)),
    ...(personalNumberCheck === undefined ? {} : { personalNumber: personalNumberCheck }),
  };
  const mrz: MrzResult = {
    format: layout.format,
    documentCode: withoutFiller(read(lines, layout.documentCode)),
    issuingState: withoutFiller(read(lines, layout.issuingState)),
    documentNumber: withoutFiller(document.number),
    birthDate,
    expiryDate,
    sex,
    nationality: withoutFiller(read(lines, layout.nationality)),
    ...names(read(lines, layout.name)),
    optionalData: document.optionalData,
    checks,
  };
  if (!Object.values(checks).every(Boolean)) return { ok: false, problem: 'mrz-check-digit', mrz };
  if (!vietnamese) return { ok: true, mrz, warnings };
  const citizen = vietnameseIdentity(mrz, lines);
  const all = [...warnings, ...citizen.warnings];
  return citizen.identity === undefined ? { ok: true, mrz, warnings: all } : { ok: true, mrz, identity: citizen.identity, warnings: all };
}
