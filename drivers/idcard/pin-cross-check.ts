import type { Warning } from './identity';
import { checkBirthYear, parsePersonalNumber, type Sex } from './personal-number';

/**
 * Compares what the card states with what its personal number encodes. Disagreement is a warning,
 * not a refusal: the card is genuine as read, and the counter decides what to believe.
 */
export function crossCheckPersonalNumber(personalNumber: string, birthDate?: string, sex?: Sex): Warning[] {
  const pin = parsePersonalNumber(personalNumber);
  if (!pin.ok) return [{ code: 'pin-structure', detail: pin.problem }];
  const warnings: Warning[] = [];
  const yearProblem = birthDate === undefined ? null : checkBirthYear(pin.value, Number(birthDate.slice(0, 4)));
  if (yearProblem !== null) warnings.push({ code: 'birth-date-mismatch', detail: yearProblem });
  if (sex !== undefined && sex !== pin.value.sex) warnings.push({ code: 'sex-mismatch', detail: `the number says ${pin.value.sex}` });
  return warnings;
}
