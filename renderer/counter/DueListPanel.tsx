import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { currentLanguage } from '../i18n';
import { api } from '../transport';

type Entry = ChannelOutput<'cases.dueList'>['entries'][number];
/** The most urgent lines shown; the rest are counted (a centre has thousands of open cases). */
const SHOWN = 50;

/** The proactive due list for outreach: the case rules over every synced case, most urgent first. */
export function DueListPanel({ onOpen }: { onOpen: (receiptCode: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const load = useCallback(async () => {
    const r = await api.invoke('cases.dueList', {});
    setError(r.ok ? null : r.error);
    if (r.ok) setEntries(r.value.entries);
  }, []);
  useEffect(() => void load(), [load]);

  return (
    <section className="counter-due" aria-labelledby="due-title">
      <h2 id="due-title">{t('desk.dueTab')}</h2>
      <Button variant="secondary" onClick={() => void load()}>
        {t('desk.refresh')}
      </Button>
      <ErrorMessage error={error} />
      {entries?.length === 0 && <p className="hint">{t('desk.dueEmpty')}</p>}
      <ul className="reminder-list">
        {entries?.slice(0, SHOWN).map((e) => (
          <li key={`${e.receiptCode}-${e.reminder.ruleId}`} className={`reminder reminder-${e.reminder.severity}`}>
            <Button variant="secondary" className="btn-small" onClick={() => onOpen(e.receiptCode)}>
              {e.receiptCode}
            </Button>{' '}
            {e.applicant.fullName} · {e.reminder.title[lang]} · {formatIsoDate(e.reminder.dueDate)}
          </li>
        ))}
      </ul>
      {entries && entries.length > SHOWN && <p className="hint">{t('desk.dueMore', { count: entries.length - SHOWN })}</p>}
    </section>
  );
}
