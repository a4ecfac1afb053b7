/** Which advice fits the centre's refusal, by its HTTP status: the officer reads why and what to do in Vietnamese, whatever language the centre answered in. */
export type RefusalKind = 'invalid' | 'conflict' | 'notAllowed' | 'unknownProcedure' | 'other';

export function refusalKind(status: number | null): RefusalKind {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 409) return 'conflict';
  if (status === 401 || status === 403) return 'notAllowed';
  if (status === 404) return 'unknownProcedure';
  return 'other';
}
