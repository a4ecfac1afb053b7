import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../electron/contract';
import { caseDay as day } from '../components/case-day';
import { currentLanguage } from '../i18n';

/** One case: whose, which procedure, its dates and every status it went through. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  return (
    <article className="case-detail" aria-labelledby="case-detail-title">
      <h3 id="case-detail-title">
        {detail.receiptCode} · {t(`caseStatus.${detail.status}`)}
      </h3>
      <p>{t('desk.applicant', { name: detail.applicant.fullName, number: detail.applicant.personalNumber })}</p>
      <p>{detail.procedureName ? `${detail.procedureName[lang]} (${detail.procedureCode})` : detail.procedureCode}</p>
      <p>{t('desk.receivedOn', { date: day(detail.receivedAt), due: day(detail.dueAt) })}</p>
      <h4>{t('desk.timeline')}</h4>
      <ol className="steps">
        {detail.timeline.map((entry) => (
          <li key={`${entry.at}-${entry.status}`}>
            <time dateTime={entry.at}>{day(entry.at)}</time> · {t(`caseStatus.${entry.status}`)}
            {entry.note && ` — ${entry.note}`}
          </li>
        ))}
      </ol>
    </article>
  );
}
