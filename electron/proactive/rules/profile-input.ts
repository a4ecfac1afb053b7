import { appError, citizenProfile, type CitizenProfile, type Result } from '../../contract';
import { isValidIsoDate, vietnamDateOf } from '../../base/calendar-date';
import { FACT_NAMES, FACTS } from './facts';

const CITIZEN_DATES = FACT_NAMES.filter((n) => FACTS[n].type === 'date' && FACTS[n].scope === 'citizen');
const CASE_STAMPS = ['dueAt', 'updatedAt'] as const;

/** The fields holding a date that does not exist (30 February, month 13, a timestamp that is not one). */
function impossibleDates(p: CitizenProfile): string[] {
  const bad: string[] = [];
  for (const name of CITIZEN_DATES) {
    const value = FACTS[name].read(p);
    if (typeof value === 'string' && !isValidIsoDate(value)) bad.push(name);
  }
  p.children?.forEach((c, i) => {
    if (!isValidIsoDate(c.birthDate)) bad.push(`children[${i}].birthDate`);
  });
  p.cases?.forEach((c, i) => {
    for (const k of CASE_STAMPS) if (c[k] !== undefined && vietnamDateOf(c[k]) === null) bad.push(`cases[${i}].${k}`);
  });
  return bad;
}

/** A citizen profile from JSON text (the `--profile` file): the shape, then every date. */
export function parseProfile(text: string): Result<CitizenProfile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: appError('PROFILE_UNREADABLE') };
  }
  const parsed = citizenProfile.safeParse(data);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(profile)'))];
    return { ok: false, error: appError('PROFILE_INVALID', fields) };
  }
  const bad = impossibleDates(parsed.data);
  return bad.length > 0 ? { ok: false, error: appError('PROFILE_DATE_INVALID', bad) } : { ok: true, value: parsed.data };
}
