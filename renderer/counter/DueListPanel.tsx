import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { currentLanguage } from '../i18n';
import { api } from '../transport';
import { DUE_GROUPS, dueGroup, dueOrder, type DueGroup } from './due-groups';

type Entry = ChannelOutput<'cases.dueList'>['entries'][number];
/** Lines shown at a time; "more" shows the next ones (a centre has thousands of open cases). */
const PAGE = 50;
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The proactive due list for outreach: due today first, then late, then coming; counted and filtered by each. */
export function DueListPanel({ onOpen }: { onOpen: (receiptCode: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [today, setToday] = useState(() => VIETNAM_DAY.format(new Date()));
  const [filter, setFilter] = useState<DueGroup | 'all'>('all');
  const [shown, setShown] = useState(PAGE);
  const [error, setError] = useState<AppErrorData | null>(null);
  const load = useCallback(async () => {
    const r = await api.invoke('cases.dueList', {});
    setError(r.ok ? null : r.error);
    setToday(VIETNAM_DAY.format(new Date()));
    if (r.ok) setEntries(r.value.entries);
  }, []);
  useEffect(() => void load(), [load]);

  const ordered = entries ? dueOrder(entries.map((e) => ({ ...e, dueDate: e.reminder.dueDate })), today) : [];
  const count = (g: DueGroup) => ordered.filter((e) => dueGroup(e.dueDate, today) === g).length;
  const listed = filter === 'all' ? ordered : ordered.filter((e) => dueGroup(e.dueDate, today) === filter);
  const choose = (f: DueGroup | 'all') => {
    setFilter(f);
    setShown(PAGE);
  };

  return (
    <section className="counter-due" aria-labelledby="due-title">
      <h2 id="due-title">{t('desk.dueTab')}</h2>
      <div className="due-filters" role="group" aria-label={t('dueList.filter')}>
        <Button variant="secondary" className="btn-small" aria-pressed={filter === 'all'} onClick={() => choose('all')}>
          {t('dueList.all', { count: ordered.length })}
        </Button>
        {DUE_GROUPS.map((g) => (
          <Button key={g} variant="secondary" className={`btn-small due-${g}`} aria-pressed={filter === g} onClick={() => choose(g)}>
            {t(`dueList.${g}`, { count: count(g) })}
          </Button>
        ))}
        <Button variant="secondary" className="btn-small" onClick={() => void load()}>
          {t('desk.refresh')}
        </Button>
      </div>
      <ErrorMessage error={error} />
      {entries?.length === 0 && <p className="hint">{t('desk.dueEmpty')}</p>}
      <ul className="reminder-list">
        {listed.slice(0, shown).map((e) => (
          <li key={`${e.receiptCode}-${e.reminder.ruleId}`} className={`reminder reminder-${e.reminder.severity} due-line-${dueGroup(e.dueDate, today)}`}>
            <Button variant="secondary" className="btn-small" onClick={() => onOpen(e.receiptCode)}>
              {e.receiptCode}
            </Button>{' '}
            {e.applicant.fullName} · {e.reminder.title[lang]} · {formatIsoDate(e.reminder.dueDate)}
          </li>
        ))}
      </ul>
      {listed.length > shown && (
        <Button variant="secondary" className="btn-small" onClick={() => setShown((s) => s + PAGE)}>
          {t('dueList.more', { count: listed.length - shown })}
        </Button>
      )}
    </section>
  );
}
