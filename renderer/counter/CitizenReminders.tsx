import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, ChannelOutput } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { currentLanguage } from '../i18n';
import { api } from '../transport';

type Reminders = ChannelOutput<'proactive.reminders'>;

/**
 * The served citizen's reminders beside the dossier: what they must or may do, by when, with the
 * rule behind it (officers see rule ids, citizens do not); "prepare" opens its form as the form's own
 * procedure (a linked bundle's reminder opens its first form, which is filed on its own).
 */
export function CitizenReminders({ served, onPrepare }: { served: boolean; onPrepare: (formId: string, procedureCode: string | null) => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const [list, setList] = useState<Reminders | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => {
    if (!served) return;
    void api.invoke('proactive.reminders', {}).then((r) => (r.ok ? setList(r.value) : setError(r.error)));
  }, [served]);

  if (!served) return <p className="hint">{t('walkIn.noCitizen')}</p>;
  return (
    <section className="counter-reminders" aria-labelledby="counter-reminders-title">
      <h2 id="counter-reminders-title">{t('walkIn.reminders')}</h2>
      <ErrorMessage error={error} />
      {list && list.reminders.length === 0 && <p>{t('walkIn.noReminders')}</p>}
      <ul>
        {list?.reminders.map((r) => (
          <li key={r.ruleId} className={`reminder-line reminder-${r.severity}`}>
            <strong>{r.title[lang]}</strong>
            <span>{t('walkIn.dueBy', { date: formatIsoDate(r.dueDate) })}</span>
            <span className="hint">{r.ruleId}</span>
            {r.formId && (
              <Button variant="secondary" className="btn-small" onClick={() => onPrepare(r.formId!, null)}>
                {t('walkIn.prepareThis')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {list && !list.usedCentral && <p className="hint">{t('walkIn.cardOnlyReminders')}</p>}
    </section>
  );
}
