import type { CatalogueRepository } from '../db/catalogue-repository';
import type { CitizenQuery, CitizenReminders, Reminder } from '../contract';
import type { IsoDate } from './calendar-date';
import { identify } from './citizen-identity';
import { assessRenewal } from './id-card-renewal';
import { renewalText } from './renewal-texts';

/** The catalogue entry a renewal reminder points to. */
export const ID_CARD_RENEWAL_PROCEDURE = 'CC.CAP-DOI';

const RENEWAL_LEGAL_BASIS = {
  vi: 'Luật Căn cước số 26/2023/QH15, Điều 21 (độ tuổi cấp đổi thẻ căn cước)',
  en: 'Law on Identification No. 26/2023/QH15, Article 21 (ages for renewing the ID card)',
};

/** Level 1 of proactive services: what a citizen should know about, from what they typed or scanned. */
export class ReminderService {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly today: () => IsoDate,
  ) {}

  forCitizen(query: CitizenQuery): CitizenReminders {
    const today = this.today();
    const identity = identify(query, today);
    const text = renewalText(assessRenewal(identity.birthDate, today, query.cardIssueDate), identity.age);
    const procedure = this.catalogue.procedure(ID_CARD_RENEWAL_PROCEDURE);
    const renewal: Reminder = {
      kind: 'id-card-renewal',
      ...text,
      legalBasis: RENEWAL_LEGAL_BASIS,
      procedure: procedure && { code: procedure.code, name: procedure.name, agency: procedure.agency },
    };
    return { identity, reminders: [renewal], today };
  }
}
