import { checkBirthYear, parsePersonalNumber, type PersonalNumberProblem } from '../../drivers/idcard/personal-number';
import { provinceToday } from './province-today';
import { AppError, type CitizenQuery, type ErrorCode, type Identity } from '../contract';
import { ageOn, isValidIsoDate, yearOf, type IsoDate } from '../base/calendar-date';

const PROBLEM_CODES: Record<PersonalNumberProblem, ErrorCode> = {
  format: 'PIN_FORMAT',
  'century-sex': 'PIN_CENTURY_SEX',
  'birth-year': 'PIN_BIRTH_YEAR',
};

/**
 * Checks a typed identity: the number's structure, and that it agrees with the birth date.
 * Throws an AppError naming the wrong field.
 */
export function identify(query: CitizenQuery, today: IsoDate): Identity {
  const pin = parsePersonalNumber(query.personalNumber);
  if (!pin.ok) throw new AppError(PROBLEM_CODES[pin.problem], ['personalNumber']);
  if (!isValidIsoDate(query.birthDate)) throw new AppError('BIRTH_DATE_INVALID', ['birthDate']);
  if (query.birthDate > today) throw new AppError('BIRTH_DATE_FUTURE', ['birthDate']);
  const problem = checkBirthYear(pin.value, yearOf(query.birthDate));
  if (problem) throw new AppError(PROBLEM_CODES[problem], ['personalNumber', 'birthDate']);
  const issue = query.cardIssueDate;
  if (issue !== undefined && (!isValidIsoDate(issue) || issue <= query.birthDate || issue > today)) {
    throw new AppError('ISSUE_DATE_INVALID', ['cardIssueDate']);
  }
  return {
    personalNumber: pin.value.value,
    provinceCode: pin.value.provinceCode,
    // The place of birth registration the number names, with the province it belongs to today.
    provinceName: pin.value.provinceName === null ? null : provinceToday(pin.value.provinceName),
    sex: pin.value.sex,
    birthDate: query.birthDate,
    age: ageOn(query.birthDate, today),
  };
}
