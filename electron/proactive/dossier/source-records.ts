import type { CardIdentity, CitizenProfile } from '../../contract';

/** The lawfully available data a prefill reads: each may be missing. */
export interface PrefillSources {
  /** The central profile, fetched with the citizen's consent. */
  central: CitizenProfile | null;
  /** What the ID card scan read (leave out a name read in keyboard mode: it has lost its diacritics). */
  card: CardIdentity | null;
  /** Values typed by the citizen or the officer, by field id. */
  entered: Record<string, string | boolean>;
}

type Person = Record<string, unknown>;

/**
 * A newborn's mother and father seen from the parent at the kiosk: the citizen is one parent
 * (by sex) and the spouse on record the other. Templates read them as `newbornMother.*` /
 * `newbornFather.*`.
 */
function withNewbornParents(self: Person, sex: string | undefined, spouse: Person | undefined): Person {
  if (sex === 'female') return { ...self, newbornMother: self, newbornFather: spouse };
  if (sex === 'male') return { ...self, newbornFather: self, newbornMother: spouse };
  return self;
}

/** The child whose birth is not registered yet: the one the birth-registration reminder counted its 60 days from. */
const unregisteredChild = (profile: CitizenProfile) => profile.children?.find((c) => c.birthRegistered === false);

export const centralRecord = (profile: CitizenProfile): Person => ({
  ...withNewbornParents(profile, profile.sex, profile.spouse),
  newborn: unregisteredChild(profile),
});

export const cardRecord = (card: CardIdentity): Person => withNewbornParents(card, card.sex, undefined);

/** A value at a dotted path; only strings and booleans count (an object or number is no form value). */
export function valueAt(record: Person, path: string): string | boolean | null {
  let at: unknown = record;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return null;
    at = (at as Person)[key];
  }
  if (typeof at === 'boolean') return at;
  return typeof at === 'string' && at.trim() !== '' ? at : null;
}
