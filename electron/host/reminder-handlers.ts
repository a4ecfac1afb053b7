import type { Centre, Procedure } from '../db/catalogue-repository';
import type { IsoDate } from '../base/calendar-date';
import type { CitizenProfile, RuleReminder } from '../contract';
import type { Paper, ReminderSheetData } from '../print/reminder-sheet';
import type { Handlers } from './router';
import { consentedCentral, profileOf, type CitizenSessions } from './citizen-sessions';

export interface ReminderHandlerDeps {
  citizens: CitizenSessions;
  evaluate: (profile: CitizenProfile, today: IsoDate) => RuleReminder[];
  /** The citizen's synced cases, so a supplement due or a result to collect is reminded too. */
  casesOf: (personalNumber: string) => NonNullable<CitizenProfile['cases']>;
  renderSheet: (data: ReminderSheetData, centre: Centre | null, paper: Paper) => Promise<{ pdf: Uint8Array; pages: number }>;
  centre: () => Centre | null;
  procedure: (code: string) => Procedure | null;
  /** The form templates of a procedure (several for a linked bundle), when there are any to prepare. */
  formsFor: (procedureCode: string) => string[];
  /** The outcome of the comparison catalogue one of whose options files this procedure. */
  outcomeFor: (procedureCode: string) => string | null;
  today: () => IsoDate;
  clock?: () => Date;
}

/** Level 1: what is due for the citizen this session serves, from the card and, on consent, the centre. */
export function reminderHandlers(deps: ReminderHandlerDeps): Pick<Handlers, 'proactive.reminders' | 'print.reminders'> {
  const clock = deps.clock ?? (() => new Date());
  const remindersOf = (sessionId: string) => {
    const citizen = deps.citizens.require(sessionId);
    const now = clock();
    const today = deps.today();
    const usedCentral = consentedCentral(citizen, now) !== null;
    // The centre's cases of a person are theirs as much as the profile is: only where the centre released the profile.
    const cases = usedCentral ? deps.casesOf(citizen.identity.personalNumber) : [];
    const profile = { ...profileOf(citizen, now), ...(cases.length > 0 ? { cases } : {}) };
    return { citizen, today, reminders: deps.evaluate(profile, today), usedCentral };
  };
  return {
    'proactive.reminders': (_input, session) => {
      const { citizen, today, reminders, usedCentral } = remindersOf(session.id);
      const withForms = reminders.map((r) => {
        const forms = r.procedureCode === null ? [] : deps.formsFor(r.procedureCode);
        return { ...r, formId: forms[0] ?? null, linked: forms.length > 1, outcomeId: r.procedureCode === null ? null : deps.outcomeFor(r.procedureCode) };
      });
      return { identity: citizen.identity, fullName: citizen.fullName, today, reminders: withForms, usedCentral, assurance: citizen.proof.level };
    },
    'print.reminders': async ({ paper }, session) => {
      const { citizen, today, reminders } = remindersOf(session.id);
      const withProcedures = reminders.map((r) => ({ ...r, procedure: r.procedureCode === null ? null : deps.procedure(r.procedureCode) }));
      const { pdf, pages } = await deps.renderSheet({ personalNumber: citizen.identity.personalNumber, today, reminders: withProcedures }, deps.centre(), paper);
      return { fileName: `phieu-nhac-viec-${today}-${paper}.pdf`, pages, pdfBase64: Buffer.from(pdf).toString('base64') };
    },
  };
}
