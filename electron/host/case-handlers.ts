import { AppError, type LocalizedText } from '../contract';
import { CaseRepository } from '../db/case-repository';
import { CaseSearch } from '../db/case-search';
import type { Db } from '../db/connection';
import type { IsoDate } from '../base/calendar-date';
import { dueList } from '../proactive/rules/due-list';
import type { RuleEngine } from '../proactive/rules/engine';
import { caseStatusText } from './case-status-text';
import type { Handlers } from './router';

export interface CaseHandlerDeps {
  db: Db;
  ruleEngine: () => RuleEngine;
  procedureName: (code: string) => LocalizedText | null;
  today: () => IsoDate;
  clock?: () => Date;
}

type CaseChannels = 'cases.search' | 'cases.get' | 'cases.dueList' | 'cases.status';

/** The synced cases at the counter (search, timeline, due list) and, without personal data, at the kiosk. */
export function caseHandlers(deps: CaseHandlerDeps): Pick<Handlers, CaseChannels> {
  const clock = deps.clock ?? (() => new Date());
  // Shared with the host's CaseIndexDriver, which builds the index in steps meanwhile.
  const search = CaseSearch.of(deps.db);
  const cases = new CaseRepository(deps.db);
  // Only an exact receipt code finds a case: no guessing of others' codes by prefix.
  const byCode = (receiptCode: string) => {
    const found = cases.byReceiptCode(receiptCode);
    if (!found) throw new AppError('CASE_NOT_FOUND', ['receiptCode']);
    return found;
  };

  return {
    'cases.search': ({ query, limit }) => {
      const cases = search.search(query, { limit, now: clock() });
      return { cases, indexComplete: search.status().complete };
    },
    'cases.get': ({ receiptCode }) => {
      const found = byCode(receiptCode);
      const hit = search.search(receiptCode, { limit: 1, now: clock() }).find((h) => h.receiptCode === found.receiptCode);
      return {
        receiptCode: found.receiptCode,
        procedureCode: found.procedureCode,
        procedureName: deps.procedureName(found.procedureCode),
        applicantName: found.applicant.fullName,
        applicant: found.applicant,
        status: found.status,
        receivedAt: found.receivedAt,
        dueAt: found.dueAt,
        urgency: hit?.urgency ?? 'none',
        timeline: found.timeline,
      };
    },
    'cases.dueList': () => ({ entries: dueList(deps.db, deps.ruleEngine(), deps.today()) }),
    'cases.status': ({ receiptCode }) => {
      const found = byCode(receiptCode);
      return {
        receiptCode: found.receiptCode,
        procedureName: deps.procedureName(found.procedureCode),
        status: found.status,
        ...caseStatusText(found.status, found.dueAt, deps.today()),
        receivedAt: found.receivedAt,
        dueAt: found.dueAt,
      };
    },
  };
}
