import { useTranslation } from 'react-i18next';
import type { AppErrorData, CitizenReminders } from '../../electron/contract';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { currentLanguage } from '../i18n';
import type { ScannedCard } from './scanned-card';

interface Props {
  data: CitizenReminders;
  card: ScannedCard | null;
  printing: boolean;
  printedPages: number | null;
  error: AppErrorData | null;
  onPrint: () => void;
  onFinish: () => void;
}

const masked = (pin: string) => `•••••••• ${pin.slice(-4)}`;

export function RemindersScreen({ data, card, printing, printedPages, error, onPrint, onFinish }: Props) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const { identity } = data;
  return (
    <section className="reminders" aria-labelledby="reminders-title">
      {card?.name && <p className="greeting">{t('scan.greeting', { name: card.name })}</p>}
      <h1 id="reminders-title">{t('reminders.title')}</h1>
      <p className="identity-line">
        {t('reminders.identity', { number: masked(identity.personalNumber), province: identity.provinceName, age: identity.age })}
      </p>
      {card?.asciiOnly && <p className="notice">{t('scan.asciiOnly')}</p>}
      {card?.warnings.map((w) => (
        <p key={w.en} className="warning" role="note">
          {w[lng]}
        </p>
      ))}
      {data.reminders.map((r) => (
        <article key={r.kind} className={`reminder reminder-${r.status}`}>
          <header>
            <span className="status">{t(`reminders.status.${r.status}`)}</span>
            <h2>{r.title[lng]}</h2>
          </header>
          {r.lines.map((line, i) => (
            <p key={i}>{line[lng]}</p>
          ))}
          {r.dueDate && <p className="due">{t('reminders.due', { date: formatIsoDate(r.dueDate) })}</p>}
          {r.procedure && (
            <p className="procedure">
              {t('reminders.procedure', { name: r.procedure.name[lng], code: r.procedure.code, agency: r.procedure.agency[lng] })}
            </p>
          )}
          <p className="legal-basis">{t('reminders.legalBasis', { basis: r.legalBasis[lng] })}</p>
        </article>
      ))}
      <ErrorMessage error={error} />
      {printedPages !== null && (
        <p className="notice" role="status">
          {t('reminders.printed', { pages: printedPages })}
        </p>
      )}
      <div className="actions">
        <Button variant="secondary" onClick={onFinish}>
          {t('kiosk.finish')}
        </Button>
        <Button onClick={onPrint} disabled={printing}>
          {printing ? t('reminders.printing') : t('reminders.print')}
        </Button>
      </div>
    </section>
  );
}
