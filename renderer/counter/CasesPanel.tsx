import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, CaseDetail, ChannelOutput } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { caseDay } from '../components/case-day';
import { api } from '../transport';
import { CaseTimeline } from './CaseTimeline';

type Hit = ChannelOutput<'cases.search'>['cases'][number];

const URGENCY_KEY = { overdue: 'desk.overdue', 'due-soon': 'desk.dueSoon' } as const;

/**
 * Synced cases by receipt code, personal number or name (accents optional), most urgent first;
 * Enter searches, each result is a button that opens its timeline. `receiptCode` (a scanned
 * receipt) opens that case directly.
 */
export function CasesPanel({ receiptCode }: { receiptCode: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [indexComplete, setIndexComplete] = useState(true);
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  const open = async (code: string) => {
    setError(null);
    const r = await api.invoke('cases.get', { receiptCode: code });
    if (!r.ok) return setError(r.error);
    setDetail(r.value);
  };
  useEffect(() => {
    if (receiptCode) void open(receiptCode);
  }, [receiptCode]);

  const search = async () => {
    setError(null);
    setDetail(null);
    const r = await api.invoke('cases.search', { query });
    if (!r.ok) return setError(r.error);
    setHits(r.value.cases);
    setIndexComplete(r.value.indexComplete);
  };

  return (
    <section className="counter-cases" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('desk.casesTab')}</h2>
      <form
        className="counter-forms"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <div className="cfield">
          <label htmlFor={`${id}-q`}>{t('desk.searchLabel')}</label>
          <input id={`${id}-q`} type="search" autoComplete="off" maxLength={200} size={32} value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <Button type="submit" disabled={query.trim() === ''}>
          {t('desk.search')}
        </Button>
      </form>
      <ErrorMessage error={error} />
      {detail ? (
        <>
          <CaseTimeline detail={detail} />
          {hits && (
            <Button variant="secondary" className="btn-small" onClick={() => setDetail(null)}>
              {t('desk.back')}
            </Button>
          )}
        </>
      ) : (
        hits && (
          <>
            {!indexComplete && <p className="hint">{t('desk.searchIndexing')}</p>}
            {hits.length === 0 ? <p className="hint">{t('desk.noResults')}</p> : <CaseTable hits={hits} onOpen={(code) => void open(code)} />}
          </>
        )
      )}
    </section>
  );
}

function CaseTable({ hits, onOpen }: { hits: Hit[]; onOpen: (receiptCode: string) => void }) {
  const { t } = useTranslation();
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th scope="col">{t('desk.colCode')}</th>
          <th scope="col">{t('desk.colName')}</th>
          <th scope="col">{t('desk.colProcedure')}</th>
          <th scope="col">{t('desk.colStatus')}</th>
          <th scope="col">{t('desk.colDue')}</th>
        </tr>
      </thead>
      <tbody>
        {hits.map((h) => (
          <tr key={h.receiptCode}>
            <td>
              <Button variant="secondary" className="btn-small" onClick={() => onOpen(h.receiptCode)}>
                {h.receiptCode}
              </Button>
            </td>
            <td>{h.applicantName}</td>
            <td>{h.procedureCode}</td>
            <td>{t(`caseStatus.${h.status}`)}</td>
            <td>
              {caseDay(h.dueAt)}
              {h.urgency !== 'none' && <span className={h.urgency === 'overdue' ? 'badge error' : 'badge warning'}> {t(URGENCY_KEY[h.urgency])}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
