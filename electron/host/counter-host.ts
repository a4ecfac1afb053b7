import { PROVISIONAL_REFERENCE, type FormTemplate } from '../contract';
import { CatalogueRepository } from '../db/catalogue-repository';
import type { Db } from '../db/connection';
import { CounterRepository } from '../db/counter-repository';
import { DraftRepository } from '../db/draft-repository';
import type { SettingsRepository } from '../db/settings-repository';
import type { IsoDate } from '../base/calendar-date';
import type { WorkdayOptions } from '../base/calendar';
import type { RuleEngine } from '../proactive/rules/engine';
import type { FontFiles } from '../print/fonts';
import { renderOneStopDocument } from '../print/one-stop-documents';
import { renderReceiptPdf } from '../print/receipt-pdf';
import type { DeviceKey } from '../security/device-signing';
import { Outbox } from '../sync/outbox';
import { caseHandlers } from './case-handlers';
import { counterHandlers, type CounterHandlerDeps } from './counter-handlers';
import { kioskKeys } from './kiosk-keys';
import { oneStopHandlers } from './one-stop-handlers';
import { DEFAULT_LOOKUP_LIMITS, LookupLimiter } from './lookup-limiter';

/** The settings key counting failed kiosk status look-ups since the database was made. */
export const FAILED_LOOKUPS_KEY = 'stats.kioskLookupsFailed';
import type { CitizenSessions } from './citizen-sessions';
import type { Session } from './session';
import type { Call } from './router';
import { identify } from '../proactive/citizen-identity';

export interface CounterHostDeps {
  db: Db;
  settings: SettingsRepository;
  citizens: CitizenSessions;
  templates: () => Map<string, FormTemplate>;
  ruleEngine: () => RuleEngine;
  deviceKey: () => DeviceKey;
  subjectHash: (personalNumber: string) => string;
  /** A sync round: sends the outbox when the centre is reachable. */
  sendNow: () => Promise<unknown>;
  calendar: () => WorkdayOptions;
  fonts: FontFiles;
  today: () => IsoDate;
  logError?: (what: string, error: unknown) => void;
  /** The kiosk status look-up's limits (tests inject one with their own clock). */
  lookupLimiter?: LookupLimiter;
}

/** The counter's channels, built from the composition root's services. */
export function counterHost(deps: CounterHostDeps) {
  const catalogue = new CatalogueRepository(deps.db);
  const drafts = new DraftRepository(deps.db);
  // The applicant becomes the session's citizen, as citizen.open would make them (a new citizen's turn erases the last one's unkept drafts).
  const serveApplicant: CounterHandlerDeps['serveApplicant'] = (sessionId, { personalNumber, fullName, birthDate }) => {
    if (deps.citizens.current(sessionId)?.identity.personalNumber === personalNumber) return true;
    if (birthDate === null) return false;
    let identity;
    try {
      identity = identify({ personalNumber, birthDate }, deps.today());
    } catch {
      return false;
    }
    drafts.purgeUnkept(sessionId);
    deps.citizens.open(sessionId, { identity, fullName: fullName || null, cardIssueDate: undefined, cardAddress: undefined, source: 'typed', proof: { level: 'typed' }, challenge: null, consent: null, central: null });
    return true;
  };
  const counterRepository = new CounterRepository(deps.db);
  const outbox = new Outbox(deps.db);
  const { provisionalStatus, ...counter } = counterHandlers({
      drafts,
      serveApplicant,
      counter: counterRepository,
      outbox,
      sendNow: deps.sendNow,
      keys: kioskKeys(deps.settings, deps.deviceKey, deps.logError),
      templates: deps.templates,
      subjectHash: deps.subjectHash,
      procedure: (code) => catalogue.procedure(code),
      centre: () => catalogue.centre(),
      calendar: deps.calendar,
      today: deps.today,
      renderReceipt: (data) => renderReceiptPdf(data, deps.fonts),
  });
  const cases = caseHandlers({ db: deps.db, ruleEngine: deps.ruleEngine, procedureName: (code) => catalogue.procedure(code)?.name ?? null, today: deps.today });
  // Failed kiosk look-ups are counted in the settings (a number only: not audited, no code, no session).
  const limiter =
    deps.lookupLimiter ??
    new LookupLimiter(DEFAULT_LOOKUP_LIMITS, undefined, () => {
      try {
        deps.settings.set(FAILED_LOOKUPS_KEY, String(Number(deps.settings.get(FAILED_LOOKUPS_KEY) ?? '0') + 1));
      } catch (error) {
        deps.logError?.('cases.status', error);
      }
    });
  const caseStatus = cases['cases.status'];
  const oneStop = oneStopHandlers({
    drafts,
    counter: counterRepository,
    outbox,
    templates: deps.templates,
    procedure: (code) => catalogue.procedure(code),
    centre: () => catalogue.centre(),
    today: deps.today,
    render: (doc) => renderOneStopDocument(doc, deps.fonts),
  });
  return {
    ...counter,
    ...oneStop,
    ...cases,
    // A kiosk looks up a receipt code or a provisional receipt's reference, within the look-up limits.
    'cases.status': (input: { receiptCode: string }, session: Session, call: Call) =>
      limiter.run(session, () =>
        PROVISIONAL_REFERENCE.test(input.receiptCode)
          ? provisionalStatus(input.receiptCode, (receiptCode) => caseStatus({ receiptCode }, session, call))
          : caseStatus(input, session, call),
      ),
  };
}
