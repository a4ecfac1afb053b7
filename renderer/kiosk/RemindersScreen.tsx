import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, AssuranceLevel, ChannelOutput, ConsentDecision, Identity, PrintOutcomeView } from '../../electron/contract';
import { AssuranceBadge, CardOnlyNote } from '../components/AssuranceBadge';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatIsoDate } from '../components/format-date';
import { PrintResult } from '../components/PrintResult';
import { currentLanguage } from '../i18n';
import { KioskNav } from './KioskNav';
import type { ScannedCard } from './scanned-card';

export type ReminderList = ChannelOutput<'proactive.reminders'>;
export type Paper = '80mm' | 'a4';
export type ListedReminder = ReminderList['reminders'][number];

interface Props {
  identity: Identity;
  assurance: AssuranceLevel;
  /** Offered while the identification is card-only: confirm on the registered phone. */
  onConfirmPhone?: () => void;
  list: ReminderList | null;
  card: ScannedCard | null;
  greetingName: string | null;
  profile: ConsentDecision['profile'];
  printing: Paper | null;
  printedPages: number | null;
  printOutcome?: PrintOutcomeView;
  /** The reminder whose dossier is being prepared. */
  preparing: string | null;
  error: AppErrorData | null;
  onPrint: (paper: Paper) => void;
  onPrepare: (reminder: ListedReminder, formId: string) => void;
  /** Opens the comparison of the ways to the reminder's outcome. */
  onCompare?: (outcomeId: string) => void;
  /** Back to the consent notice, to decide again. */
  onBack: () => void;
  onFinish: () => void;
  /** Neither the card's issue date nor the centre's record is at hand: the card's renewal could not be checked. */
  renewalUnchecked: boolean;
  onAddIssueDate: () => void;
}

const masked = (pin: string) => `•••••••• ${pin.slice(-4)}`;

export function RemindersScreen(props: Props) {
  const { identity, assurance, onConfirmPhone, list, card, greetingName, profile, printing, printedPages, printOutcome, preparing, error, onPrint, onPrepare, onCompare, onBack, onFinish, renewalUnchecked, onAddIssueDate } =
    props;
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="reminders" aria-labelledby="reminders-title">
      {greetingName && <p className="greeting">{t('scan.greeting', { name: greetingName })}</p>}
      <h1 id="reminders-title" ref={heading} tabIndex={-1}>
        {t('reminders.title')}
      </h1>
      <p className="identity-line">
        {t('reminders.identity', { number: masked(identity.personalNumber), province: identity.provinceName ?? t('identity.unlistedPlace', { code: identity.provinceCode }), age: identity.age })}
      </p>
      {card?.asciiOnly && <p className="notice">{t('scan.asciiOnly')}</p>}
      {card?.warnings.map((w) => (
        <p key={w.en} className="warning" role="note">
          {w[lng]}
        </p>
      ))}
      <AssuranceBadge level={assurance} />
      {profile !== 'loaded' && <p className={profile === 'unavailable' || profile === 'mismatch' ? 'warning' : 'notice'}>{t(`consent.${profile}`)}</p>}
      {profile === 'insufficient' && <CardOnlyNote onConfirmPhone={onConfirmPhone} />}
      {renewalUnchecked && list && (
        <section className="unchecked" aria-labelledby="unchecked-title">
          <h2 id="unchecked-title">{t('kioskFit.unchecked.title')}</h2>
          <p>{t('kioskFit.unchecked.why')}</p>
          <p>{t('kioskFit.unchecked.how')}</p>
          <Button onClick={onAddIssueDate}>{t('kioskFit.unchecked.add')}</Button>
        </section>
      )}
      {!list ? (
        !error && <p role="status">{t('reminders.loading')}</p>
      ) : list.reminders.length === 0 ? (
        <p className="notice">{renewalUnchecked ? t('kioskFit.noneElse') : t('reminders.none')}</p>
      ) : (
        <>
          <p className="lead">{t('reminders.count', { count: list.reminders.length })}</p>
          <ol className="reminder-list">
            {list.reminders.map((r) => (
              <ReminderCard key={`${r.ruleId}-${r.dueDate}`} reminder={r} preparing={preparing} onPrepare={onPrepare} onCompare={onCompare} />
            ))}
          </ol>
          {list.reminders.some((r) => r.example) && <p className="hint">{t('reminders.exampleNote')}</p>}
        </>
      )}
      <ErrorMessage error={error} />
      {printedPages !== null && (
        <p className="notice" role="status">
          {t('reminders.printed', { pages: printedPages })}
        </p>
      )}
      <PrintResult printing={printing !== null} outcome={printOutcome} audience="kiosk" />
      <div className="actions">
        <Button variant="secondary" onClick={onFinish}>
          {t('kiosk.finish')}
        </Button>
        <Button disabled={printing !== null || !list} onClick={() => onPrint('a4')}>
          {printing === 'a4' ? t('reminders.printing') : t('reminders.printA4')}
        </Button>
      </div>
      <KioskNav
        onBack={onBack}
        backHint={t('kioskUi.toConsent')}
        main={
          <Button className="btn-hero" disabled={printing !== null || !list} onClick={() => onPrint('80mm')}>
            {printing === '80mm' ? t('reminders.printing') : t('reminders.print80')}
          </Button>
        }
      />
    </section>
  );
}

function ReminderCard({
  reminder: r,
  preparing,
  onPrepare,
  onCompare,
}: {
  reminder: ListedReminder;
  preparing: string | null;
  onPrepare: Props['onPrepare'];
  onCompare: Props['onCompare'];
}) {
  const { t, i18n } = useTranslation();
  const lng = currentLanguage(i18n.language);
  const formId = r.formId;
  const outcomeId = r.outcomeId;
  const titleId = `reminder-${r.ruleId}-${r.dueDate}`.replace(/[^A-Za-z0-9_-]/g, '-');
  const detailsId = useId();
  // Compact by default: what, when and the actions; the explanation, steps and law on a touch.
  const [open, setOpen] = useState(false);
  return (
    <li className={`reminder reminder-${r.severity}`}>
      <header>
        <span className={`severity severity-${r.severity}`}>{t(`reminders.severity.${r.severity}`)}</span>
        <h2 id={titleId}>{r.title[lng]}</h2>
      </header>
      <p className="due">{t('reminders.due', { date: formatIsoDate(r.dueDate) })}</p>
      <div id={detailsId} className="reminder-details" hidden={!open}>
        <p>{r.explanation[lng]}</p>
        {r.steps.length > 0 && (
          <>
            <h3 className="steps-title">{t('reminders.steps')}</h3>
            <ol className="steps">
              {r.steps.map((s, i) => (
                <li key={i}>{s[lng]}</li>
              ))}
            </ol>
          </>
        )}
        {r.legalBasis.length > 0 && (
          <p className="legal-basis">
            {t('reminders.legalBasis')}:{' '}
            {r.legalBasis.map((b, i) => (
              <span key={i}>
                {i > 0 && '; '}
                {b.document}
                {b.article && `, ${b.article}`}
              </span>
            ))}
            {r.example && <span className="example-tag"> ({t('reminders.example')})</span>}
          </p>
        )}
      </div>
      <div className="reminder-actions">
        <Button variant="secondary" className="btn-details" aria-expanded={open} aria-controls={detailsId} aria-describedby={titleId} onClick={() => setOpen((o) => !o)}>
          {open ? t('kioskFit.hideDetails') : t('kioskFit.showDetails')}
        </Button>
          {formId && (
            <Button className="btn-prepare" disabled={preparing !== null} onClick={() => onPrepare(r, formId)}>
              {preparing === r.ruleId ? t('reminders.preparing') : t('reminders.prepare')}
            </Button>
          )}
          {outcomeId && onCompare && (
            <Button variant="secondary" className="btn-prepare" disabled={preparing !== null} aria-describedby={titleId} onClick={() => onCompare(outcomeId)}>
              {t('compare.open')}
            </Button>
          )}
      </div>
    </li>
  );
}
