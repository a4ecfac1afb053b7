import { AppError, type CitizenProfile, type Comparison } from '../contract';
import type { IsoDate } from '../base/calendar-date';
import type { WorkdayOptions } from '../base/calendar';
import { recommend, type Catalogue, type Recommendation } from '../proactive/recommend';
import type { Handlers } from './router';
import { profileOf, type CitizenSessions } from './citizen-sessions';

export interface RecommendHandlerDeps {
  citizens: CitizenSessions;
  catalogue: () => Catalogue;
  /** The centre's working days: Saturday mornings, and the holidays (shipped and a technician's). */
  calendar: () => WorkdayOptions;
  renderSheet: (data: Comparison) => Promise<{ pdf: Uint8Array; pages: number }>;
  today: () => IsoDate;
  clock?: () => Date;
}

/** The screens' view of a recommendation: the catalogue entry reduced to what is shown. */
export function toComparison(r: Recommendation, personalised: boolean): Comparison {
  return {
    outcome: r.outcome,
    catalogueVersion: r.catalogueVersion,
    preference: r.preference,
    today: r.today,
    options: r.options.map(({ option, filedOn: _filedOn, ...o }) => ({
      ...o,
      authority: option.authority,
      prerequisites: option.prerequisites.map((p) => p.text),
      bring: option.bring,
      obligations: option.obligations,
      legalBasis: option.legalBasis,
    })),
    recommended: r.recommended,
    explanation: r.explanation,
    personalised,
  };
}

type RecommendChannels = 'recommend.outcomes' | 'recommend.compare' | 'print.comparison';

/** Level 3: compare the ways to one outcome for the citizen at the screen (or for anyone, before identification). */
export function recommendHandlers(deps: RecommendHandlerDeps): Pick<Handlers, RecommendChannels> {
  const clock = deps.clock ?? (() => new Date());
  const compare = (outcomeId: string, preference: Comparison['preference'], sessionId: string): Comparison => {
    const citizen = deps.citizens.current(sessionId);
    const profile: CitizenProfile | undefined = citizen ? profileOf(citizen, clock()) : undefined;
    const result = recommend(deps.catalogue(), { outcomeId, preference, profile, today: deps.today(), calendar: deps.calendar() });
    if (!result) throw new AppError('OUTCOME_UNKNOWN', ['outcomeId']);
    return toComparison(result, profile !== undefined);
  };
  return {
    'recommend.outcomes': () => ({ outcomes: deps.catalogue().outcomes.map(({ id, title }) => ({ id, title })) }),
    'recommend.compare': ({ outcomeId, preference }, session) => compare(outcomeId, preference, session.id),
    'print.comparison': async ({ outcomeId, preference }, session) => {
      const data = compare(outcomeId, preference, session.id);
      const { pdf, pages } = await deps.renderSheet(data);
      return { fileName: `so-sanh-${outcomeId}-${data.today}.pdf`, pages, pdfBase64: Buffer.from(pdf).toString('base64') };
    },
  };
}
