import type { CitizenProfile } from '../../contract/profile';
import { admittedDate, ageOn, type IsoDate } from '../../base/calendar-date';
import type { Condition } from './catalogue-schema';

/** true / false when the profile settles it, undefined when it does not say. */
export type Truth = boolean | undefined;

/**
 * A 14-year-old with no card on record is taken to be filing for the first card (cards are
 * issued from 14); a card issue date on record means it is not the first.
 */
function firstIdCard(profile: CitizenProfile, age: number | undefined): Truth {
  if (profile.idCard?.issueDate) return false;
  return age !== undefined && age < 15 ? true : undefined;
}

export function holds(condition: Condition, profile: CitizenProfile | undefined, today: IsoDate): Truth {
  if (!profile) return undefined;
  const age = profile.birthDate ? ageOn(admittedDate(profile.birthDate), today) : undefined;
  switch (condition.kind) {
    case 'vneidLevelAtLeast':
      return profile.vneidLevel === undefined ? undefined : profile.vneidLevel >= condition.level;
    case 'ageAtLeast':
      return age === undefined ? undefined : age >= condition.years;
    case 'ageBelow':
      return age === undefined ? undefined : age < condition.years;
    case 'firstIdCard':
      return firstIdCard(profile, age);
    case 'hasPassport':
      // A passport on record says yes; no record does not say no (the profile may simply not know).
      return profile.passport ? true : undefined;
    case 'hasIdCard': {
      const first = firstIdCard(profile, age);
      return first === undefined ? undefined : !first;
    }
  }
}
