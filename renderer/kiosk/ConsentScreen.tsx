import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData, AssuranceLevel, ConsentNotice } from '../../electron/contract';
import { AssuranceBadge, CardOnlyNote, isCardOnly } from '../components/AssuranceBadge';
import { Bilingual, useBoth } from '../components/Bilingual';
import { Button } from '../components/Button';
import { ErrorMessage } from '../components/ErrorMessage';
import { KioskNav } from './KioskNav';

interface Props {
  greetingName: string | null;
  assurance: AssuranceLevel;
  /** Offered while the identification is card-only: confirm on the registered phone, or read the chip where there is a reader. */
  onConfirmPhone?: () => void;
  onReadChip?: () => void;
  notice: ConsentNotice | null;
  busy: boolean;
  error: AppErrorData | null;
  onDecide: (accept: boolean) => void;
  onBack: () => void;
  /** Where Back leads, under its label. */
  backHint: string;
  onFinish: () => void;
}

/**
 * Before anything is read from the central system: what, why, on which law, for whom and for how
 * long, in plain Vietnamese with English under it; one touch to agree or to go on without it.
 */
export function ConsentScreen({ greetingName, assurance, onConfirmPhone, onReadChip, notice, busy, error, onDecide, onBack, backHint, onFinish }: Props) {
  const { t } = useTranslation();
  const both = useBoth();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [notice]);
  return (
    <section className="consent" aria-labelledby="consent-title">
      {greetingName && <p className="greeting">{t('scan.greeting', { name: greetingName })}</p>}
      <h1 id="consent-title" ref={heading} tabIndex={-1}>
        {notice ? <Bilingual text={notice.title} /> : <Bilingual text={both('consent.heading')} />}
      </h1>
      <AssuranceBadge level={assurance} />
      {isCardOnly(assurance) && <CardOnlyNote onConfirmPhone={onConfirmPhone} onReadChip={onReadChip} readingChip={busy} />}
      {!notice ? (
        <p role="status">{t('consent.loading')}</p>
      ) : (
        <>
          <Bilingual as="p" className="consent-summary" text={notice.summary} />
          <div className="consent-facts">
            <section aria-labelledby="consent-categories">
              <h2 id="consent-categories">
                <Bilingual text={both('consent.categories')} />
              </h2>
              <ul>
                {notice.categories.map((c) => (
                  <Bilingual key={c.vi} as="li" text={c} />
                ))}
              </ul>
            </section>
            <section aria-labelledby="consent-legal">
              <h2 id="consent-legal">
                <Bilingual text={both('consent.legalBasis')} />
              </h2>
              <ul>
                {notice.legalBasis.map((c) => (
                  <Bilingual key={c.vi} as="li" text={c} />
                ))}
              </ul>
            </section>
            <section aria-labelledby="consent-recipient">
              <h2 id="consent-recipient">
                <Bilingual text={both('consent.recipient')} />
              </h2>
              <Bilingual as="p" text={notice.recipient} />
            </section>
            <section aria-labelledby="consent-validity">
              <h2 id="consent-validity">
                <Bilingual text={both('consent.validity')} />
              </h2>
              <Bilingual as="p" text={both('consent.validFor', { minutes: notice.validForMinutes })} />
            </section>
          </div>
        </>
      )}
      <ErrorMessage error={error} />
      {busy && <p role="status">{t('consent.deciding')}</p>}
      <div className="actions">
        <Button variant="secondary" onClick={onFinish}>
          {t('kiosk.finish')}
        </Button>
      </div>
      <KioskNav
        onBack={onBack}
        backHint={backHint}
        main={
          <div className="consent-choices" role="group" aria-label={t('consent.choices')}>
            {/* Without the notice nothing can be agreed to, but the card-only service stays open. */}
            <Button variant="secondary" className="btn-choice" disabled={busy || (!notice && !error)} onClick={() => onDecide(false)}>
              <Bilingual text={both('consent.decline')} />
            </Button>
            <Button className="btn-choice" disabled={busy || !notice} onClick={() => onDecide(true)}>
              <Bilingual text={both('consent.accept')} />
            </Button>
          </div>
        }
      />
    </section>
  );
}
